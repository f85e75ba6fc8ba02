// Saving an item with main's price rule: main answers CONFLICT with fields.price when the new
// price is 0 or moves by more than half; the person sees old → new and the save is sent again
// with confirmPrice. Any other CONFLICT (someone else changed the item) is shown as main says it.
import { useState } from 'react';
import type { AdminItem, ChannelInput } from '../../../../electron/shared/contract';
import type { Currency } from '../../../../electron/shared/money';
import type { AppError, Result } from '../../../../electron/shared/result';
import { formatMoney } from '../../format';
import { useMenuAdminStore } from '../../stores/menuAdminStore';
import { PriceConfirm } from './PriceConfirm';

export type SaveItemInput = ChannelInput<'menu.saveItem'>;

/** What saveItem needs, from an item as menu.admin showed it (for quick edits of one field). */
export function itemInput(item: AdminItem): SaveItemInput {
  return {
    id: item.id,
    version: item.version,
    categoryId: item.categoryId,
    name: item.name,
    price: item.price,
    description: item.description,
    sku: item.sku,
    color: item.color,
    isAvailable: item.isAvailable,
    isFavorite: item.isFavorite,
    groupIds: item.groupIds,
  };
}

export function isPriceQuestion(error: AppError): boolean {
  return error.code === 'CONFLICT' && !!error.fields?.price;
}

interface Pending {
  input: SaveItemInput;
  oldPrice: number | null;
  name: string;
  resolve(result: Result<AdminItem> | null): void;
}

/**
 * save(input, oldPrice — null for a new item) resolves with main's answer, or null when the person kept the old price.
 * Render `confirm` somewhere in the caller's tree.
 */
export function useItemSave(currency: Currency) {
  const run = useMenuAdminStore((s) => s.run);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(input: SaveItemInput, oldPrice: number | null): Promise<Result<AdminItem> | null> {
    const result = await run('menu.saveItem', input);
    if (result.ok || !isPriceQuestion(result.error)) return result;
    return new Promise((resolve) => setPending({ input, oldPrice, name: input.name, resolve }));
  }

  async function answer(yes: boolean) {
    if (!pending) return;
    if (!yes) {
      setPending(null);
      pending.resolve(null);
      return;
    }
    setBusy(true);
    const result = await run('menu.saveItem', { ...pending.input, confirmPrice: true });
    setBusy(false);
    setPending(null);
    pending.resolve(result);
  }

  const confirm = pending ? (
    <PriceConfirm
      name={pending.name}
      oldPrice={pending.oldPrice === null ? null : formatMoney(pending.oldPrice, currency)}
      newPrice={formatMoney(pending.input.price, currency)}
      kind={pending.input.price === 0 ? 'free' : 'big'}
      busy={busy}
      onYes={() => void answer(true)}
      onNo={() => void answer(false)}
    />
  ) : null;

  return { save, confirm, confirming: pending !== null };
}

/** "Sold out today" (back by itself next business day), "Sold out" (until turned back on), or null. */
export function soldOutState(item: { isAvailable: boolean; soldOutUntil: number | null }, now: number): 'today' | 'manual' | null {
  if (item.soldOutUntil !== null && item.soldOutUntil > now) return 'today';
  if (!item.isAvailable) return 'manual';
  return null;
}

export const SOLD_OUT_LABELS = { today: 'Sold out today', manual: 'Sold out' } as const;
