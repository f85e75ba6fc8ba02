// Modifier groups: each with its rule, options (sold out per option, "everywhere at once") and
// where it is used; edit, attach to items and categories, archive.
import { useState, type FormEvent } from 'react';
import type { AdminGroup, AdminOption } from '../../../../electron/shared/contract';
import type { Currency } from '../../../../electron/shared/money';
import { formatMoney } from '../../format';
import { useFormRequest } from '../../hooks/useFormRequest';
import { useMenuAdminStore } from '../../stores/menuAdminStore';
import { Dialog } from '../Dialog';
import { ErrorMessage } from '../ErrorMessage';
import { FormButtons } from '../FormButtons';
import { AttachDialog } from './AttachDialog';
import { GroupDialog, usedByText } from './GroupDialog';
import { useNow } from '../../hooks/useNow';
import { signedMoney } from './MenuBits';
import { SOLD_OUT_LABELS, soldOutState } from './useItemSave';

type Panel = { kind: 'none' } | { kind: 'edit'; group: AdminGroup | null } | { kind: 'attach'; group: AdminGroup } | { kind: 'archive'; group: AdminGroup };

/** "Required · choose 1", "Optional · up to 3 · repeats allowed". */
export function ruleText(g: { minChoices: number; maxChoices: number; allowRepeat: boolean }): string {
  const pick =
    g.minChoices === 0 ? `Optional · up to ${g.maxChoices}` : g.minChoices === g.maxChoices ? `Required · choose ${g.minChoices}` : `Required · choose ${g.minChoices} to ${g.maxChoices}`;
  return g.allowRepeat ? `${pick} · repeats allowed` : pick;
}

export function GroupsPanel({ currency, onFlash }: { currency: Currency; onFlash(m: string): void }) {
  const view = useMenuAdminStore((s) => s.view);
  const run = useMenuAdminStore((s) => s.run);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const now = useNow();
  const groups = [...(view?.groups ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const active = groups.filter((g) => !g.archived);
  const archived = groups.filter((g) => g.archived);
  const fresh = (g: AdminGroup) => groups.find((x) => x.id === g.id) ?? g;
  const close = () => setPanel({ kind: 'none' });
  const done = (m: string) => {
    close();
    onFlash(m);
  };

  async function soldOut(option: AdminOption, until: 'today' | 'manual' | null) {
    setBusy(true);
    setError(null);
    const result = await run('menu.setSoldOut', { target: 'option', id: option.id, soldOut: until !== null, until: until ?? 'manual' });
    setBusy(false);
    if (result.ok) onFlash(until ? `${option.name}: ${until === 'today' ? 'sold out today' : 'sold out until you turn it back on'}, everywhere.` : `${option.name} is back.`);
    else setError(result.error.message);
  }

  return (
    <section className="menu-panel-body" aria-labelledby="menu-groups-title">
      <div className="panel-head">
        <div>
          <h2 id="menu-groups-title">Modifier groups</h2>
          <p className="muted">Choices like Size, Milk and Extras. Mark an option sold out here and it is greyed everywhere.</p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => setPanel({ kind: 'edit', group: null })}>
          New group
        </button>
      </div>
      <ErrorMessage message={error} />
      {active.length === 0 && <p className="muted list-empty">No modifier groups yet.</p>}
      <ul className="group-cards" aria-label="Modifier groups">
        {active.map((g) => (
          <li key={g.id} className="group-card" aria-label={g.name}>
            <div className="group-card-head">
              <div>
                <h3 className="admin-row-title">{g.name}</h3>
                <p className="admin-row-sub">
                  {ruleText(g)} · {usedByText(g)}
                </p>
              </div>
              <span className="admin-row-actions">
                <button type="button" className="btn btn--secondary btn--small" aria-label={`Edit ${g.name}`} onClick={() => setPanel({ kind: 'edit', group: g })}>
                  Edit
                </button>
                <button type="button" className="btn btn--secondary btn--small" aria-label={`Where ${g.name} is used`} onClick={() => setPanel({ kind: 'attach', group: g })}>
                  Where used…
                </button>
                <button type="button" className="btn btn--danger-outline btn--small" aria-label={`Archive ${g.name}`} onClick={() => setPanel({ kind: 'archive', group: g })}>
                  Archive
                </button>
              </span>
            </div>
            <ul className="option-list" aria-label={`${g.name} options`}>
              {g.options
                .filter((o) => !o.archived)
                .sort((a, b) => a.displayOrder - b.displayOrder)
                .map((o) => {
                  const state = soldOutState(o, now);
                  return (
                    <li key={o.id} className={`option-line${state ? ' option-line--soldout' : ''}`} aria-label={o.name}>
                      <span className="option-line-name">{o.name}</span>
                      <span className="option-line-delta">{signedMoney(o.priceDelta, (n) => formatMoney(n, currency))}</span>
                      {o.isDefault && <span className="badge">Default</span>}
                      {state && <span className="item-soldout">{SOLD_OUT_LABELS[state]}</span>}
                      <span className="option-line-actions">
                        {state ? (
                          <button type="button" className="btn btn--secondary btn--small" disabled={busy} aria-label={`${o.name} available again`} onClick={() => void soldOut(o, null)}>
                            Available again
                          </button>
                        ) : (
                          <>
                            <button type="button" className="btn btn--secondary btn--small" disabled={busy} aria-label={`${o.name} sold out today`} onClick={() => void soldOut(o, 'today')}>
                              Sold out today
                            </button>
                            <button type="button" className="btn btn--ghost btn--small" disabled={busy} aria-label={`${o.name} sold out until I turn it back on`} onClick={() => void soldOut(o, 'manual')}>
                              Until I turn it back on
                            </button>
                          </>
                        )}
                      </span>
                    </li>
                  );
                })}
            </ul>
          </li>
        ))}
      </ul>
      {archived.length > 0 && (
        <>
          <h3 className="admin-subhead">Archived</h3>
          <ul className="admin-list admin-list--archived" aria-label="Archived groups">
            {archived.map((g) => (
              <li key={g.id} className="admin-row" aria-label={g.name}>
                <span className="admin-row-main">
                  <span className="admin-row-title">{g.name}</span>
                  <span className="admin-row-sub">Archived · old orders keep their options</span>
                </span>
                <span className="admin-row-actions">
                  <button type="button" className="btn btn--secondary btn--small" aria-label={`Restore ${g.name}`} onClick={() => setPanel({ kind: 'edit', group: g })}>
                    Restore…
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {panel.kind === 'edit' && <GroupDialog group={panel.group} currency={currency} onClose={close} onDone={done} />}
      {panel.kind === 'attach' && <AttachDialog group={fresh(panel.group)} onClose={close} onDone={done} />}
      {panel.kind === 'archive' && <ArchiveGroupDialog group={fresh(panel.group)} onClose={close} onDone={done} />}
    </section>
  );
}

function ArchiveGroupDialog({ group, onClose, onDone }: { group: AdminGroup; onClose(): void; onDone(m: string): void }) {
  const run = useMenuAdminStore((s) => s.run);
  const form = useFormRequest();
  const title = `Archive ${group.name}?`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.busy) return;
    const result = await form.send(() => run('menu.archiveGroup', { id: group.id, version: group.version }));
    if (result.ok) onDone(`Archived ${group.name}.`);
    else form.showError(result.error);
  }
  return (
    <Dialog label={title} onClose={onClose} busy={form.busy}>
      <form onSubmit={submit} noValidate className="dialog-body">
        <h2 className="dialog-title">{title}</h2>
        <p>
          {usedByText(group)}. It leaves the counter's choices; old orders keep the options they were sold with.
        </p>
        <ErrorMessage message={form.top} />
        <FormButtons submitLabel={`Archive ${group.name}`} variant="danger" busy={form.busy} onCancel={onClose} cancelLabel="Keep it" />
      </form>
    </Dialog>
  );
}
