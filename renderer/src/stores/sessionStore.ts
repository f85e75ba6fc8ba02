// Who is at the till: setup status, the shop profile, the (possibly locked) session, the staff
// list for the sign-in screen, and which main view is showing. Everything comes from main.
import { create } from 'zustand';
import { call } from '../api';
import type { ChannelInput, LoginUser, Permission, SessionInfo, ShopProfile } from '../../../electron/shared/contract';
import type { AppError, Result } from '../../../electron/shared/result';
import { useAuditStore } from './auditStore';
import { useCartStore } from './cartStore';
import { useMenuAdminStore } from './menuAdminStore';
import { useOrdersStore } from './ordersStore';
import { useQueueStore } from './queueStore';
import { useSettingsStore } from './settingsStore';
import { useShiftStore } from './shiftStore';
import { useStaffStore } from './staffStore';

export type MainView = 'counter' | 'queue' | 'orders' | 'shift' | 'reports' | 'menu' | 'staff' | 'audit' | 'settings';

/** What each view needs (null: everyone signed in). Hiding is a convenience; main enforces. */
export const VIEW_PERMISSION: Record<MainView, Permission | null> = {
  counter: null,
  queue: 'orders.view',
  orders: null,
  shift: 'shifts.operate',
  reports: 'reports.view',
  menu: 'menu.edit',
  staff: 'staff.view',
  audit: 'audit.view',
  settings: 'settings.manage',
};

export function canSeeView(session: SessionInfo | null, view: MainView): boolean {
  const needed = VIEW_PERMISSION[view];
  return needed === null || !!session?.permissions.includes(needed);
}

/** Whether the signed-in person holds a permission (for showing buttons). */
export function hasPermission(session: SessionInfo | null, permission: Permission): boolean {
  return !!session?.permissions.includes(permission);
}

interface SessionState {
  status: 'loading' | 'unavailable' | 'ready';
  loadError: string | null;
  needsSetup: boolean;
  shop: ShopProfile | null;
  /** This window's session; `locked: true` means the sign-in screen shows the unlock prompt. */
  session: SessionInfo | null;
  users: LoginUser[];
  view: MainView;

  boot(): Promise<void>;
  refreshUsers(): Promise<void>;
  completeSetup(input: ChannelInput<'setup.complete'>): Promise<Result<SessionInfo>>;
  login(username: string, secret: string, kind: 'pin' | 'password'): Promise<AppError | null>;
  lock(): Promise<void>;
  logout(): Promise<void>;
  /** A signed-in call came back LOCKED/UNAUTHENTICATED, or main said the session locked: ask main who (if anyone) holds it. */
  resyncSession(): Promise<void>;
  markLocked(): void;
  setView(view: MainView): void;
  /** The shop profile changed in Settings: the top bar, counter and receipts follow. */
  setShop(shop: ShopProfile): void;
}

function resetWorkStores(): void {
  useCartStore.getState().reset();
  useOrdersStore.getState().reset();
  useQueueStore.getState().reset();
  useStaffStore.getState().reset();
  useAuditStore.getState().reset();
  useSettingsStore.getState().reset();
  useMenuAdminStore.getState().reset();
  useShiftStore.getState().reset();
}

export const useSessionStore = create<SessionState>()((set, get) => {
  /** Adopt a session main just handed us; a different person gets a fresh counter. */
  function adopt(session: SessionInfo | null): void {
    const previous = get().session;
    if (!session || previous?.userId !== session.userId) {
      resetWorkStores();
      set({ view: 'counter' });
    }
    set({ session });
  }

  return {
    status: 'loading',
    loadError: null,
    needsSetup: false,
    shop: null,
    session: null,
    users: [],
    view: 'counter',

    async boot() {
      set({ status: 'loading', loadError: null });
      const status = await call('setup.status', {});
      if (!status.ok) {
        set({ status: 'unavailable', loadError: status.error.message });
        return;
      }
      set({ needsSetup: status.value.needsSetup, shop: status.value.shop });
      if (!status.value.needsSetup) {
        const [session] = await Promise.all([call('auth.session', {}), get().refreshUsers()]);
        adopt(session.ok ? session.value : null);
      }
      set({ status: 'ready' });
    },

    async refreshUsers() {
      const users = await call('auth.users', {});
      if (users.ok) set({ users: users.value });
    },

    async completeSetup(input) {
      const result = await call('setup.complete', input);
      if (result.ok) {
        const status = await call('setup.status', {});
        set({ needsSetup: false, shop: status.ok ? status.value.shop : null });
        adopt(result.value);
        void get().refreshUsers();
      }
      return result;
    },

    async login(username, secret, kind) {
      const result =
        kind === 'pin'
          ? await call('auth.loginPin', { username, pin: secret })
          : await call('auth.loginPassword', { username, password: secret });
      if (!result.ok) return result.error;
      adopt(result.value);
      return null;
    },

    async lock() {
      const result = await call('auth.lock', {});
      if (result.ok) get().markLocked();
    },

    async logout() {
      const result = await call('auth.logout', {});
      if (result.ok) {
        adopt(null);
        await get().refreshUsers();
      }
    },

    async resyncSession() {
      const session = await call('auth.session', {});
      adopt(session.ok ? session.value : null);
      if (!get().session || get().session?.locked) void get().refreshUsers();
    },

    markLocked() {
      const session = get().session;
      if (session) set({ session: { ...session, locked: true } });
      else void get().resyncSession();
    },

    setView(view) {
      if (canSeeView(get().session, view)) set({ view });
    },

    setShop(shop) {
      set({ shop });
    },
  };
});
