// Create or edit an item: name, category, price, description, SKU, tile colour, available,
// favourite, and which modifier groups it takes (its category's come on top, shown ticked).
import { useState, type FormEvent } from 'react';
import type { AdminItem, MenuColor } from '../../../../electron/shared/contract';
import { parseMoney, toMoneyInput, type Currency } from '../../../../electron/shared/money';
import { useFormRequest } from '../../hooks/useFormRequest';
import { useMenuAdminStore } from '../../stores/menuAdminStore';
import { Dialog } from '../Dialog';
import { ErrorMessage } from '../ErrorMessage';
import { FormButtons } from '../FormButtons';
import { SelectField } from '../SelectField';
import { TextAreaField } from '../TextAreaField';
import { TextField } from '../TextField';
import { CheckField, ColorPicker, MoneyField } from './MenuBits';
import { useItemSave } from './useItemSave';

type Field = 'name' | 'category' | 'price' | 'description' | 'sku' | 'groups';
const FIELDS: Record<string, Field> = { name: 'name', categoryId: 'category', price: 'price', description: 'description', sku: 'sku', groupIds: 'groups' };

interface ItemDialogProps {
  /** null: a new item (in `defaultCategoryId` when given). */
  item: AdminItem | null;
  defaultCategoryId: string | null;
  currency: Currency;
  onClose(): void;
  onDone(message: string): void;
}

export function ItemDialog({ item, defaultCategoryId, currency, onClose, onDone }: ItemDialogProps) {
  const view = useMenuAdminStore((s) => s.view);
  const categories = (view?.categories ?? []).filter((c) => !c.archived || c.id === item?.categoryId).sort((a, b) => a.displayOrder - b.displayOrder);
  const groups = (view?.groups ?? []).filter((g) => !g.archived);
  const [name, setName] = useState(item?.name ?? '');
  const [categoryId, setCategoryId] = useState(item?.categoryId ?? defaultCategoryId ?? categories[0]?.id ?? '');
  const [priceText, setPriceText] = useState(item ? toMoneyInput(item.price) : '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [sku, setSku] = useState(item?.sku ?? '');
  const [color, setColor] = useState<MenuColor>(item?.color ?? '');
  const [isAvailable, setAvailable] = useState(item?.isAvailable ?? true);
  const [isFavorite, setFavorite] = useState(item?.isFavorite ?? false);
  const [groupIds, setGroupIds] = useState<string[]>(item?.groupIds ?? []);
  const form = useFormRequest<Field>();
  /** The version this edit starts from; after a version conflict, the one just shown (saving again overrides knowingly). */
  const [baseVersion, setBaseVersion] = useState(item?.version);
  const { save, confirm, confirming } = useItemSave(currency);
  const category = categories.find((c) => c.id === categoryId);
  const fromCategory = new Set(category?.groupIds ?? []);
  const title = item ? `Edit ${item.name}` : 'New item';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.busy || confirming) return;
    const price = parseMoney(priceText);
    const local: Partial<Record<Field, string>> = {};
    if (!name.trim()) local.name = 'Enter a name';
    if (!categoryId) local.category = 'Choose a category';
    if (price === null) local.price = 'Type a price like 150 or 150.50';
    if (form.rejectLocal(local) || price === null) return;
    form.setBusy(true);
    form.setErrors({});
    form.setTop(null);
    const result = await save(
      {
        ...(item ? { id: item.id, version: baseVersion } : {}),
        categoryId,
        name: name.trim(),
        price,
        description: description.trim(),
        sku: sku.trim() || null,
        color,
        isAvailable,
        isFavorite,
        // The category's groups apply anyway: only the item's own are sent.
        groupIds: groupIds.filter((g) => !fromCategory.has(g)),
      },
      item ? item.price : null,
    );
    form.setBusy(false);
    if (!result) return; // kept the old price: stay in the dialog
    if (result.ok) onDone(item ? `Saved ${result.value.name}.` : `Added ${result.value.name}.`);
    else {
      form.showError(result.error, { fields: FIELDS });
      if (item && result.error.fields?.version) setBaseVersion(useMenuAdminStore.getState().view?.items.find((i) => i.id === item.id)?.version);
    }
  }

  function toggleGroup(id: string, on: boolean) {
    setGroupIds((ids) => (on ? [...ids.filter((g) => g !== id), id] : ids.filter((g) => g !== id)));
  }

  // One dialog at a time (two would fight over focus and Escape): the fields live in this
  // component's state, so they are all still there after the price question.
  if (confirm) return confirm;
  return (
    <Dialog label={title} onClose={onClose} busy={form.busy} wide>
      <form onSubmit={submit} noValidate className="dialog-body">
        <h2 className="dialog-title">{title}</h2>
        <ErrorMessage message={form.top} />
        <div className="field-row">
          <TextField label="Name" value={name} onChange={setName} error={form.errors.name} maxLength={100} autoComplete="off" />
          <SelectField label="Category" value={categoryId} onChange={setCategoryId} error={form.errors.category}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.archived ? ' (archived)' : ''}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="field-row">
          <MoneyField label="Price" value={priceText} onChange={setPriceText} currency={currency} error={form.errors.price} hint="Up to 9,999.99" />
          <TextField
            label="SKU or barcode (optional)"
            value={sku}
            onChange={setSku}
            error={form.errors.sku}
            maxLength={64}
            autoComplete="off"
            hint="Letters, digits, dot, dash, underscore"
          />
        </div>
        <TextAreaField label="Description (optional)" value={description} onChange={setDescription} error={form.errors.description} maxLength={500} rows={2} />
        <ColorPicker value={color} onChange={setColor} legend="Tile colour" />
        <div className="field-row field-row--checks">
          <CheckField label="Available" checked={isAvailable} onChange={setAvailable} />
          <CheckField label="Favourite (on the counter's first view)" checked={isFavorite} onChange={setFavorite} />
        </div>
        <fieldset className="choice-list">
          <legend>Modifier groups</legend>
          {groups.length === 0 && <p className="muted">No modifier groups yet (add them under Modifier groups).</p>}
          <div className="group-checks">
            {groups.map((g) => {
              const inherited = fromCategory.has(g.id);
              return (
                <CheckField
                  key={g.id}
                  label={g.name}
                  checked={inherited || groupIds.includes(g.id)}
                  disabled={inherited}
                  hint={inherited ? `From ${category?.name ?? 'the category'}` : undefined}
                  onChange={(on) => toggleGroup(g.id, on)}
                />
              );
            })}
          </div>
          {form.errors.groups && <p className="field-error">{form.errors.groups}</p>}
        </fieldset>
        <FormButtons submitLabel={item ? 'Save' : 'Add item'} busy={form.busy} onCancel={onClose} sticky />
      </form>
    </Dialog>
  );
}
