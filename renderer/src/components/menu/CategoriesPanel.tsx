// Categories: in counter-tab order with colour and item count; create, rename, recolour, move
// up/down or drag by the ⋮⋮ handle, archive (asking where the items go) and restore.
import { useRef, useState, type FormEvent } from 'react';
import type { AdminCategory, MenuColor } from '../../../../electron/shared/contract';
import { useFormRequest } from '../../hooks/useFormRequest';
import { useMenuAdminStore } from '../../stores/menuAdminStore';
import { Dialog } from '../Dialog';
import { ErrorMessage } from '../ErrorMessage';
import { FormButtons } from '../FormButtons';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import { ColorPicker, COLOR_LABELS, MoveButtons, moved, Swatch } from './MenuBits';
import { useDragReorder } from './useDragReorder';

type Panel = { kind: 'none' } | { kind: 'edit'; category: AdminCategory | null } | { kind: 'archive'; category: AdminCategory };

export function itemCountText(n: number): string {
  return n === 1 ? '1 item' : `${n} items`;
}

export function CategoriesPanel({ onFlash }: { onFlash(message: string): void }) {
  const view = useMenuAdminStore((s) => s.view);
  const run = useMenuAdminStore((s) => s.run);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const moving = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const categories = [...(view?.categories ?? [])].sort((a, b) => a.displayOrder - b.displayOrder);
  const active = categories.filter((c) => !c.archived);
  const archived = categories.filter((c) => c.archived);
  const close = () => setPanel({ kind: 'none' });

  /** Buttons and drops both send the whole new order; on CONFLICT the store has reloaded the list. */
  async function reorder(ids: string[]) {
    // A quick second tap (or a drop) must not send an order computed from the list before the first one.
    if (moving.current) return;
    moving.current = true;
    setBusy(true);
    setError(null);
    const result = await run('menu.reorderCategories', { ids });
    moving.current = false;
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  }
  const activeIds = active.map((c) => c.id);
  const drag = useDragReorder({ ids: activeIds, enabled: !busy, onReorder: (ids) => void reorder(ids) });

  async function restore(category: AdminCategory) {
    setBusy(true);
    setError(null);
    const result = await run('menu.restoreCategory', { id: category.id, version: category.version });
    setBusy(false);
    if (result.ok) onFlash(`${category.name} is back on the counter.`);
    else setError(result.error.message);
  }

  return (
    <section className="menu-panel-body" aria-labelledby="menu-categories-title">
      <div className="panel-head">
        <div>
          <h2 id="menu-categories-title">Categories</h2>
          <p className="muted">The counter's tabs, in this order.</p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => setPanel({ kind: 'edit', category: null })}>
          New category
        </button>
      </div>
      <ErrorMessage message={error} />
      {active.length === 0 && <p className="muted list-empty">No categories yet. Add one to start your menu.</p>}
      <ul className="admin-list" aria-label="Categories" {...drag.listProps()}>
        {active.map((c, i) => {
          const row = drag.rowProps(c.id);
          return (
          <li key={c.id} {...row} className={`admin-row ${row.className}`.trim()} aria-label={c.name}>
            <span {...drag.handleProps(c.id, c.name)}>⋮⋮</span>
            <Swatch color={c.color} />
            <span className="admin-row-main">
              <span className="admin-row-title">{c.name}</span>
              <span className="admin-row-sub">
                {itemCountText(c.itemCount)} · {c.kind === 'food' ? 'Food' : 'Drinks'} · {COLOR_LABELS[c.color]}
              </span>
            </span>
            <span className="admin-row-actions">
              <MoveButtons name={c.name} first={i === 0} last={i === active.length - 1} busy={busy} onMove={(d) => void reorder(moved(activeIds, c.id, d))} />
              <button type="button" className="btn btn--secondary btn--small" aria-label={`Edit ${c.name}`} onClick={() => setPanel({ kind: 'edit', category: c })}>
                Edit
              </button>
              <button type="button" className="btn btn--danger-outline btn--small" aria-label={`Archive ${c.name}`} onClick={() => setPanel({ kind: 'archive', category: c })}>
                Archive
              </button>
            </span>
          </li>
          );
        })}
      </ul>
      {archived.length > 0 && (
        <>
          <h3 className="admin-subhead">Archived</h3>
          <ul className="admin-list admin-list--archived" aria-label="Archived categories">
            {archived.map((c) => (
              <li key={c.id} className="admin-row" aria-label={c.name}>
                <Swatch color={c.color} />
                <span className="admin-row-main">
                  <span className="admin-row-title">{c.name}</span>
                  <span className="admin-row-sub">Archived · {itemCountText(c.itemCount)}</span>
                </span>
                <span className="admin-row-actions">
                  <button type="button" className="btn btn--secondary btn--small" aria-label={`Restore ${c.name}`} disabled={busy} onClick={() => void restore(c)}>
                    Restore
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {panel.kind === 'edit' && (
        <CategoryDialog
          category={panel.category}
          onClose={close}
          onDone={(m) => {
            close();
            onFlash(m);
          }}
        />
      )}
      {panel.kind === 'archive' && (
        <ArchiveCategoryDialog
          category={panel.category}
          others={active.filter((c) => c.id !== panel.category.id)}
          onClose={close}
          onDone={(m) => {
            close();
            onFlash(m);
          }}
        />
      )}
    </section>
  );
}

function CategoryDialog({ category, onClose, onDone }: { category: AdminCategory | null; onClose(): void; onDone(message: string): void }) {
  const run = useMenuAdminStore((s) => s.run);
  const [name, setName] = useState(category?.name ?? '');
  const [kind, setKind] = useState<'drink' | 'food'>(category?.kind ?? 'drink');
  const [color, setColor] = useState<MenuColor>(category?.color ?? '');
  const form = useFormRequest<'name'>();
  const [baseVersion, setBaseVersion] = useState(category?.version);
  const title = category ? `Edit ${category.name}` : 'New category';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.busy) return;
    if (form.rejectLocal(name.trim() ? {} : { name: 'Enter a name' })) return;
    const result = await form.send(() =>
      run('menu.saveCategory', { ...(category ? { id: category.id, version: baseVersion } : {}), name: name.trim(), kind, color }),
    );
    if (result.ok) return onDone(category ? `Saved ${result.value.name}.` : `Added ${result.value.name}.`);
    form.showError(result.error, { fields: { name: 'name' } });
    // Someone else changed it: the message says what; saving again now overrides knowingly.
    if (category && result.error.fields?.version) setBaseVersion(useMenuAdminStore.getState().view?.categories.find((c) => c.id === category.id)?.version);
  }

  return (
    <Dialog label={title} onClose={onClose} busy={form.busy}>
      <form onSubmit={submit} noValidate className="dialog-body">
        <h2 className="dialog-title">{title}</h2>
        <ErrorMessage message={form.top} />
        <TextField label="Name" value={name} onChange={setName} error={form.errors.name} maxLength={100} autoComplete="off" />
        <SelectField label="Kind" value={kind} onChange={(v) => setKind(v === 'food' ? 'food' : 'drink')}>
          <option value="drink">Drinks</option>
          <option value="food">Food</option>
        </SelectField>
        <ColorPicker value={color} onChange={setColor} legend="Tile colour" />
        <FormButtons submitLabel={category ? 'Save' : 'Add category'} busy={form.busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

interface ArchiveProps {
  category: AdminCategory;
  others: AdminCategory[];
  onClose(): void;
  onDone(message: string): void;
}

/** Archiving a category with items asks where they go: another category, or archived with it. */
function ArchiveCategoryDialog({ category, others, onClose, onDone }: ArchiveProps) {
  const run = useMenuAdminStore((s) => s.run);
  const [target, setTarget] = useState<string>(others[0]?.id ?? '');
  const [archiveItems, setArchiveItems] = useState(others.length === 0);
  const form = useFormRequest();
  const title = `Archive ${category.name}?`;
  const hasItems = category.itemCount > 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.busy) return;
    const moveItemsTo = hasItems && !archiveItems ? target : null;
    const result = await form.send(() => run('menu.archiveCategory', { id: category.id, version: category.version, moveItemsTo }));
    if (result.ok) {
      const where = others.find((o) => o.id === moveItemsTo)?.name;
      onDone(hasItems && where ? `Archived ${category.name}; its items are now in ${where}.` : `Archived ${category.name}.`);
    } else form.showError(result.error);
  }

  return (
    <Dialog label={title} onClose={onClose} busy={form.busy}>
      <form onSubmit={submit} noValidate className="dialog-body">
        <h2 className="dialog-title">{title}</h2>
        <p className="muted">It leaves the counter. Old orders keep their items; you can restore it later.</p>
        <ErrorMessage message={form.top} />
        {hasItems && (
          <fieldset className="choice-list">
            <legend>Where do its {itemCountText(category.itemCount)} go?</legend>
            {others.length > 0 && (
              <label className="choice">
                <input type="radio" name="where" checked={!archiveItems} onChange={() => setArchiveItems(false)} />
                <span>Move them to another category</span>
              </label>
            )}
            {!archiveItems && others.length > 0 && (
              <SelectField label="Move to" value={target} onChange={setTarget}>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </SelectField>
            )}
            <label className="choice">
              <input type="radio" name="where" checked={archiveItems} onChange={() => setArchiveItems(true)} />
              <span>Archive its items too</span>
            </label>
          </fieldset>
        )}
        <FormButtons submitLabel={`Archive ${category.name}`} variant="danger" busy={form.busy} onCancel={onClose} cancelLabel="Keep it" />
      </form>
    </Dialog>
  );
}
