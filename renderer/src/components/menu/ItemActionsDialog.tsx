// "More…" for an item: sold out for today / until turned back on / available again, duplicate
// under a new name, archive (kept in order history).
import { useState, type FormEvent } from 'react';
import type { AdminItem } from '../../../../electron/shared/contract';
import { useFormRequest } from '../../hooks/useFormRequest';
import { useMenuAdminStore } from '../../stores/menuAdminStore';
import { Dialog } from '../Dialog';
import { ErrorMessage } from '../ErrorMessage';
import { FormButtons } from '../FormButtons';
import { TextField } from '../TextField';
import { SOLD_OUT_LABELS, soldOutState } from './useItemSave';

interface Props {
  item: AdminItem;
  now: number;
  onClose(): void;
  onDone(message: string): void;
}

export function ItemActionsDialog({ item, now, onClose, onDone }: Props) {
  const run = useMenuAdminStore((s) => s.run);
  const [step, setStep] = useState<'menu' | 'duplicate' | 'archive'>('menu');
  const [copyName, setCopyName] = useState(`${item.name} (copy)`);
  const form = useFormRequest<'name'>();
  const state = soldOutState(item, now);

  async function soldOut(until: 'today' | 'manual' | null) {
    const result = await form.send(() =>
      run('menu.setSoldOut', { target: 'item', id: item.id, soldOut: until !== null, until: until ?? 'manual' }),
    );
    if (!result.ok) return form.showError(result.error);
    onDone(until === 'today' ? `${item.name}: sold out until tomorrow's business day starts.` : until ? `${item.name}: sold out until you turn it back on.` : `${item.name} is back on sale.`);
  }

  async function duplicate(e: FormEvent) {
    e.preventDefault();
    if (form.busy) return;
    if (form.rejectLocal(copyName.trim() ? {} : { name: 'Enter a name' })) return;
    const result = await form.send(() => run('menu.duplicateItem', { id: item.id, name: copyName.trim() }));
    if (result.ok) onDone(`Added ${result.value.name}, a copy of ${item.name}.`);
    else form.showError(result.error, { fields: { name: 'name' } });
  }

  async function archive(e: FormEvent) {
    e.preventDefault();
    if (form.busy) return;
    const result = await form.send(() => run('menu.archiveItem', { id: item.id, version: item.version }));
    if (result.ok) onDone(`Archived ${item.name}. It is kept in order history.`);
    else form.showError(result.error);
  }

  if (step === 'duplicate') {
    const title = `Duplicate ${item.name}`;
    return (
      <Dialog label={title} onClose={onClose} busy={form.busy}>
        <form onSubmit={duplicate} noValidate className="dialog-body">
          <h2 className="dialog-title">{title}</h2>
          <p className="muted">Same price, category, colour and modifier groups; no SKU.</p>
          <ErrorMessage message={form.top} />
          <TextField label="Name of the copy" value={copyName} onChange={setCopyName} error={form.errors.name} maxLength={100} autoComplete="off" />
          <FormButtons submitLabel="Duplicate" busy={form.busy} onCancel={onClose} />
        </form>
      </Dialog>
    );
  }

  if (step === 'archive') {
    const title = `Archive ${item.name}?`;
    return (
      <Dialog label={title} onClose={onClose} busy={form.busy}>
        <form onSubmit={archive} noValidate className="dialog-body">
          <h2 className="dialog-title">{title}</h2>
          <p>
            It leaves the counter. {item.everSold ? 'It has been sold, so it is kept in order history' : 'It is kept in order history'} and
            you can restore it from Archived.
          </p>
          <ErrorMessage message={form.top} />
          <FormButtons submitLabel={`Archive ${item.name}`} variant="danger" busy={form.busy} onCancel={onClose} cancelLabel="Keep it" />
        </form>
      </Dialog>
    );
  }

  return (
    <Dialog label={item.name} onClose={onClose} busy={form.busy}>
      <div className="dialog-body">
        <div className="dialog-head">
          <p className="dialog-kicker">{state ? SOLD_OUT_LABELS[state] : 'Available'}</p>
          <h2 className="dialog-title">{item.name}</h2>
        </div>
        <ErrorMessage message={form.top} />
        <div className="action-list" role="group" aria-label="Sold out">
          <button type="button" className="btn btn--secondary btn--large" disabled={form.busy || state === 'today'} onClick={() => void soldOut('today')}>
            Sold out today
          </button>
          <button type="button" className="btn btn--secondary btn--large" disabled={form.busy || state === 'manual'} onClick={() => void soldOut('manual')}>
            Sold out until I turn it back on
          </button>
          <button type="button" className="btn btn--secondary btn--large" disabled={form.busy || state === null} onClick={() => void soldOut(null)}>
            Available
          </button>
        </div>
        <div className="action-list">
          <button type="button" className="btn btn--secondary btn--large" disabled={form.busy} onClick={() => setStep('duplicate')}>
            Duplicate…
          </button>
          <button type="button" className="btn btn--danger-outline btn--large" disabled={form.busy} onClick={() => setStep('archive')}>
            Archive…
          </button>
        </div>
        <div className="dialog-buttons">
          <button type="button" className="btn btn--secondary btn--large" onClick={onClose} disabled={form.busy}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
