// Where a modifier group applies: tick items and whole categories (the lists are replaced).
import { useState, type FormEvent } from 'react';
import type { AdminGroup } from '../../../../electron/shared/contract';
import { useFormRequest } from '../../hooks/useFormRequest';
import { useMenuAdminStore } from '../../stores/menuAdminStore';
import { Dialog } from '../Dialog';
import { ErrorMessage } from '../ErrorMessage';
import { FormButtons } from '../FormButtons';
import { CheckField } from './MenuBits';

export function AttachDialog({ group, onClose, onDone }: { group: AdminGroup; onClose(): void; onDone(m: string): void }) {
  const view = useMenuAdminStore((s) => s.view);
  const run = useMenuAdminStore((s) => s.run);
  const [itemIds, setItemIds] = useState<string[]>(group.usedBy.itemIds);
  const [categoryIds, setCategoryIds] = useState<string[]>(group.usedBy.categoryIds);
  const form = useFormRequest();
  const categories = [...(view?.categories ?? [])].filter((c) => !c.archived).sort((a, b) => a.displayOrder - b.displayOrder);
  const items = (view?.items ?? []).filter((i) => !i.archived).sort((a, b) => a.displayOrder - b.displayOrder);
  const title = `Where ${group.name} is used`;
  const flip = (list: string[], id: string, on: boolean) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.busy) return;
    const result = await form.send(() => run('menu.attachGroup', { groupId: group.id, itemIds, categoryIds }));
    if (result.ok) onDone(`${group.name}: saved where it is used.`);
    else form.showError(result.error);
  }

  return (
    <Dialog label={title} onClose={onClose} busy={form.busy} wide>
      <form onSubmit={submit} noValidate className="dialog-body">
        <h2 className="dialog-title">{title}</h2>
        <p className="muted">A ticked category gives the group to every item in it, including items added later.</p>
        <ErrorMessage message={form.top} />
        <fieldset className="choice-list">
          <legend>Whole categories</legend>
          <div className="group-checks">
            {categories.map((c) => (
              <CheckField key={c.id} label={c.name} checked={categoryIds.includes(c.id)} onChange={(on) => setCategoryIds((l) => flip(l, c.id, on))} />
            ))}
          </div>
        </fieldset>
        {categories.map((c) => {
          const own = items.filter((i) => i.categoryId === c.id);
          if (own.length === 0) return null;
          const whole = categoryIds.includes(c.id);
          return (
            <fieldset key={c.id} className="choice-list">
              <legend>Items in {c.name}</legend>
              <div className="group-checks">
                {own.map((i) => (
                  <CheckField
                    key={i.id}
                    label={i.name}
                    checked={whole || itemIds.includes(i.id)}
                    disabled={whole}
                    onChange={(on) => setItemIds((l) => flip(l, i.id, on))}
                  />
                ))}
              </div>
            </fieldset>
          );
        })}
        <FormButtons submitLabel="Save" busy={form.busy} onCancel={onClose} sticky />
      </form>
    </Dialog>
  );
}
