// The counter: the menu, the signed-in person's open cart (kept in main), this till's parked
// tickets and the last sale's confirmation. Totals always come from main's CartView; nothing
// here adds money up.
import { create } from 'zustand';
import { call } from '../api';
import type {
  CartView,
  ChannelInput,
  CheckoutResult,
  MenuCategoryView,
  MenuItemView,
  ParkedTicketView,
  PaymentInput,
  PaymentView,
} from '../../../electron/shared/contract';
import type { Minor } from '../../../electron/shared/money';
import type { AppError, Result } from '../../../electron/shared/result';
import { pickTab } from '../menuSearch';

export interface LastSale {
  orderId: string;
  shortNumber: string;
  total: Minor;
  /** Cash handed over (0 when nothing was paid in cash). */
  tendered: Minor;
  change: Minor;
  payments: PaymentView[];
  /** Main had already completed this request (a retry after a lost answer): the earlier order, not a new charge. */
  replayed: boolean;
}

export interface AddItemOptions {
  quantity?: number;
  optionIds?: string[];
  note?: string;
}

interface CartState {
  menu: MenuCategoryView[];
  menuLoaded: boolean;
  /** A category's id, or FAVOURITES_TAB / ALL_TAB (menuSearch.ts). */
  activeCategoryId: string | null;
  cart: CartView | null;
  parked: ParkedTicketView[];
  lastSale: LastSale | null;
  /** Plain-language problem to show on the counter (e.g. an item that can no longer be sold). */
  notice: string | null;

  loadMenu(): Promise<void>;
  loadCart(): Promise<void>;
  loadParked(): Promise<void>;
  selectCategory(id: string): void;
  /** Tap on the menu (no options: the item's defaults); problems go to the counter notice. */
  addItem(menuItemId: string): Promise<void>;
  /** From the option chooser: the dialog shows any error itself. */
  addConfigured(menuItemId: string, options: AddItemOptions): Promise<Result<CartView>>;
  /** A scanned or typed code; main's answer (e.g. no such code) goes to the counter notice. */
  addBySku(sku: string): Promise<boolean>;
  setQuantity(lineId: string, quantity: number): Promise<void>;
  removeLine(lineId: string): Promise<void>;
  clear(): Promise<void>;
  setLineNote(lineId: string, note: string): Promise<Result<CartView>>;
  /** The chooser in edit mode: a line's new options (main re-prices it; an identical line merges). */
  setLineOptions(lineId: string, optionIds: string[]): Promise<Result<CartView>>;
  /** Put (or remove, with discount: null) the order discount; the dialog shows any error itself. */
  setDiscount(input: ChannelInput<'cart.setDiscount'>): Promise<Result<CartView>>;
  setLineDiscount(input: ChannelInput<'cart.setLineDiscount'>): Promise<Result<CartView>>;
  setDetails(input: ChannelInput<'cart.setDetails'>): Promise<Result<CartView>>;
  park(name: string): Promise<Result<CartView>>;
  resume(cartId: string): Promise<Result<CartView>>;
  /** Menu screen: change an item's price or availability; the counter's menu follows main's answer. */
  updateMenuItem(menuItemId: string, patch: { price?: Minor; isAvailable?: boolean }): Promise<Result<MenuItemView>>;
  checkout(requestId: string, payments: PaymentInput[]): Promise<Result<CheckoutResult>>;
  dismissSale(): void;
  setNotice(notice: string | null): void;
  dismissNotice(): void;
  reset(): void;
}

const initial = {
  menu: [] as MenuCategoryView[],
  menuLoaded: false,
  activeCategoryId: null as string | null,
  cart: null as CartView | null,
  parked: [] as ParkedTicketView[],
  lastSale: null as LastSale | null,
  notice: null as string | null,
};

/** Quiet errors: a lost session is handled by the session store (the till goes to sign-in). */
export function isAuthLoss(error: AppError): boolean {
  return error.code === 'LOCKED' || error.code === 'UNAUTHENTICATED';
}

function noticeFor(error: AppError): string | null {
  return isAuthLoss(error) ? null : error.message;
}

export const useCartStore = create<CartState>()((set, get) => {
  // Cart calls may overlap when someone taps fast. Main answers in order, so the answer to the
  // newest request reflects every earlier one: never let an older answer overwrite a newer one.
  let issued = 0;
  let applied = 0;

  /** Send a cart call; adopt main's cart if this is the newest answer. Errors are returned, not shown. */
  async function quietCall(run: () => Promise<Result<CartView>>): Promise<Result<CartView>> {
    const seq = ++issued;
    const result = await run();
    if (result.ok) {
      if (seq > applied) {
        applied = seq;
        set({ cart: result.value, notice: null });
      }
    } else if (result.error.code === 'NOT_FOUND' || result.error.code === 'CONFLICT') {
      // The cart changed under us (another window, a removed line): show main's current one.
      void get().loadCart();
    }
    return result;
  }

  /** A cart call whose problems go to the counter notice. */
  async function cartCall(run: () => Promise<Result<CartView>>): Promise<boolean> {
    const result = await quietCall(run);
    if (!result.ok) set({ notice: noticeFor(result.error) });
    return result.ok;
  }

  /** Adding refused with CONFLICT (sold out since the menu was read): show the menu as it is now. */
  async function addCall(run: () => Promise<Result<CartView>>): Promise<Result<CartView>> {
    const result = await quietCall(run);
    if (!result.ok && result.error.code === 'CONFLICT') void get().loadMenu();
    return result;
  }

  return {
    ...initial,

    async loadMenu() {
      const result = await call('menu.list', {});
      if (!result.ok) {
        set({ notice: noticeFor(result.error) });
        return;
      }
      const menu = result.value;
      const active = get().activeCategoryId;
      set({ menu, menuLoaded: true, activeCategoryId: pickTab(menu, active) });
    },

    async loadCart() {
      const seq = ++issued;
      const result = await call('cart.get', {});
      if (!result.ok) {
        set({ notice: noticeFor(result.error) });
        return;
      }
      if (seq > applied) {
        applied = seq;
        set({ cart: result.value });
      }
    },

    async loadParked() {
      const result = await call('cart.parked', {});
      if (result.ok) set({ parked: result.value });
    },

    selectCategory(id) {
      set({ activeCategoryId: id });
    },

    async addItem(menuItemId) {
      if (get().lastSale) set({ lastSale: null });
      const result = await addCall(() => call('cart.addItem', { menuItemId }));
      if (!result.ok) set({ notice: noticeFor(result.error) });
    },

    async addConfigured(menuItemId, options) {
      if (get().lastSale) set({ lastSale: null });
      const input: ChannelInput<'cart.addItem'> = { menuItemId };
      if (options.quantity !== undefined && options.quantity !== 1) input.quantity = options.quantity;
      if (options.optionIds) input.optionIds = options.optionIds;
      if (options.note?.trim()) input.note = options.note.trim();
      return addCall(() => call('cart.addItem', input));
    },

    async addBySku(sku) {
      if (get().lastSale) set({ lastSale: null });
      const result = await addCall(() => call('cart.addBySku', { sku }));
      if (!result.ok) set({ notice: noticeFor(result.error) });
      return result.ok;
    },

    async setQuantity(lineId, quantity) {
      await cartCall(() => call('cart.setQuantity', { lineId, quantity }));
    },

    async removeLine(lineId) {
      await cartCall(() => call('cart.removeLine', { lineId }));
    },

    async clear() {
      await cartCall(() => call('cart.clear', {}));
    },

    async setLineNote(lineId, note) {
      return quietCall(() => call('cart.setLineNote', { lineId, note }));
    },

    async setLineOptions(lineId, optionIds) {
      return addCall(() => call('cart.setLineOptions', { lineId, optionIds }));
    },

    async setDiscount(input) {
      return quietCall(() => call('cart.setDiscount', input));
    },

    async setLineDiscount(input) {
      return quietCall(() => call('cart.setLineDiscount', input));
    },

    async setDetails(input) {
      return quietCall(() => call('cart.setDetails', input));
    },

    async park(name) {
      const result = await quietCall(() => call('cart.park', { name }));
      if (result.ok) await get().loadParked();
      return result;
    },

    async resume(cartId) {
      if (get().lastSale) set({ lastSale: null });
      const result = await quietCall(() => call('cart.resume', { cartId }));
      void get().loadParked();
      return result;
    },

    async updateMenuItem(menuItemId, patch) {
      const result = await call('menu.updateItem', { menuItemId, ...patch });
      if (result.ok) {
        const item = result.value;
        set({
          menu: get().menu.map((c) =>
            c.items.some((i) => i.id === item.id) ? { ...c, items: c.items.map((i) => (i.id === item.id ? item : i)) } : c,
          ),
        });
      }
      return result;
    },

    async checkout(requestId, payments) {
      const result = await call('orders.checkout', { requestId, payments });
      if (result.ok) {
        const { order, change, replayed } = result.value;
        set({
          lastSale: {
            orderId: order.id,
            shortNumber: order.shortNumber,
            total: order.total,
            tendered: order.payments.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.tendered, 0),
            change,
            payments: order.payments,
            replayed,
          },
          notice: null,
        });
        await get().loadCart();
      }
      return result;
    },

    dismissSale() {
      set({ lastSale: null });
    },

    setNotice(notice) {
      set({ notice });
    },

    dismissNotice() {
      set({ notice: null });
    },

    reset() {
      issued = 0;
      applied = 0;
      set({ ...initial });
    },
  };
});
