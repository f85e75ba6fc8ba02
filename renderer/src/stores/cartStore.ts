// The counter: the menu, the signed-in person's open cart (kept in main) and the last sale's
// confirmation. Totals always come from main's CartView; nothing here adds money up.
import { create } from 'zustand';
import { call } from '../api';
import type { CartView, ChannelInput, CheckoutResult, MenuCategoryView, MenuItemView } from '../../../electron/shared/contract';
import type { Minor } from '../../../electron/shared/money';
import type { AppError, Result } from '../../../electron/shared/result';

export interface LastSale {
  orderId: string;
  shortNumber: string;
  total: Minor;
  tendered: Minor;
  change: Minor;
}

interface CartState {
  menu: MenuCategoryView[];
  menuLoaded: boolean;
  activeCategoryId: string | null;
  cart: CartView | null;
  lastSale: LastSale | null;
  /** Plain-language problem to show on the counter (e.g. an item that can no longer be sold). */
  notice: string | null;

  loadMenu(): Promise<void>;
  loadCart(): Promise<void>;
  selectCategory(id: string): void;
  addItem(menuItemId: string): Promise<void>;
  setQuantity(lineId: string, quantity: number): Promise<void>;
  removeLine(lineId: string): Promise<void>;
  clear(): Promise<void>;
  /** Put (or remove, with discount: null) the order discount; the dialog shows any error itself. */
  setDiscount(input: ChannelInput<'cart.setDiscount'>): Promise<Result<CartView>>;
  /** Menu screen: change an item's price or availability; the counter's menu follows main's answer. */
  updateMenuItem(menuItemId: string, patch: { price?: Minor; isAvailable?: boolean }): Promise<Result<MenuItemView>>;
  checkout(requestId: string, tendered: Minor): Promise<Result<CheckoutResult>>;
  dismissSale(): void;
  dismissNotice(): void;
  reset(): void;
}

const initial = {
  menu: [] as MenuCategoryView[],
  menuLoaded: false,
  activeCategoryId: null as string | null,
  cart: null as CartView | null,
  lastSale: null as LastSale | null,
  notice: null as string | null,
};

/** Quiet errors: a lost session is handled by the session store (the till goes to sign-in). */
function noticeFor(error: AppError): string | null {
  return error.code === 'LOCKED' || error.code === 'UNAUTHENTICATED' ? null : error.message;
}

export const useCartStore = create<CartState>()((set, get) => {
  // Cart calls may overlap when someone taps fast. Main answers in order, so the answer to the
  // newest request reflects every earlier one: never let an older answer overwrite a newer one.
  let issued = 0;
  let applied = 0;

  async function cartCall(run: () => Promise<Result<CartView>>): Promise<boolean> {
    const seq = ++issued;
    const result = await run();
    if (!result.ok) {
      set({ notice: noticeFor(result.error) });
      if (result.error.code === 'NOT_FOUND' || result.error.code === 'CONFLICT') void get().loadCart();
      return false;
    }
    if (seq > applied) {
      applied = seq;
      set({ cart: result.value, notice: null });
    }
    return true;
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
      set({
        menu,
        menuLoaded: true,
        activeCategoryId: menu.some((c) => c.id === active) ? active : (menu[0]?.id ?? null),
      });
    },

    async loadCart() {
      await cartCall(() => call('cart.get', {}));
    },

    selectCategory(id) {
      set({ activeCategoryId: id });
    },

    async addItem(menuItemId) {
      if (get().lastSale) set({ lastSale: null });
      await cartCall(() => call('cart.addItem', { menuItemId }));
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

    async setDiscount(input) {
      const seq = ++issued;
      const result = await call('cart.setDiscount', input);
      if (result.ok) {
        if (seq > applied) {
          applied = seq;
          set({ cart: result.value, notice: null });
        }
      } else if (result.error.code === 'NOT_FOUND' || result.error.code === 'CONFLICT') {
        void get().loadCart();
      }
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

    async checkout(requestId, tendered) {
      const result = await call('orders.checkout', { requestId, payments: [{ method: 'cash', tendered }] });
      if (result.ok) {
        const { order, change } = result.value;
        set({
          lastSale: {
            orderId: order.id,
            shortNumber: order.shortNumber,
            total: order.total,
            tendered: order.payments[0]?.tendered ?? tendered,
            change,
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
