import { terminals } from '../../db/schema';
import { newId } from '../../db/ids';
import { openDatabase } from '../../db/open';
import { ApprovalStore } from '../accounts/approvals';
import { can, OVERRIDE_ACTIONS } from '../shared/permissions';
import { AuthService } from '../accounts/authService';
import { Credentials } from '../accounts/credentials';
import { EmailCrypto } from '../accounts/emailCrypto';
import { StaffService } from '../accounts/staffService';
import { AuditQuery } from '../audit/auditQuery';
import { ChainVerifier } from '../audit/chainVerifier';
import { SignInHistory } from '../audit/signInHistory';
import { SettingsService } from '../settings/settingsService';
import { SessionStore } from '../accounts/sessions';
import { SetupService } from '../accounts/setupService';
import { StaffDirectory } from '../accounts/staffDirectory';
import { AuditLog } from '../audit/auditLog';
import { measureLegacyEnds } from '../audit/chain';
import { createHandlers } from '../ipc/handlers';
import { createRouter, type CallContext, type Router } from '../ipc/router';
import { MenuService, type MenuChange } from '../menu/menuService';
import { AdminView } from '../menu/adminView';
import { CatalogService } from '../menu/catalogService';
import { CategoryService } from '../menu/categoryService';
import { SoldOut } from '../menu/soldOut';
import { ModifierService } from '../menu/modifierService';
import { MenuImport } from '../menu/menuImport';
import { CartService } from '../orders/cartService';
import { CheckoutService } from '../orders/checkoutService';
import { OrderHistory } from '../orders/orderHistory';
import { OrderExports } from '../orders/orderExport';
import { OrderQueue } from '../orders/orderQueue';
import { ParkedTickets } from '../orders/parkedTickets';
import { ReceiptService, type ReceiptPrinter } from '../receipts/receiptService';
import { SettingsStore } from '../settings/shopSettings';
import { RefundRecords } from '../refunds/refundRecords';
import { RefundService } from '../refunds/refundService';
import { LegacyCancels } from '../refunds/legacyCancels';
import { OpenShift } from '../shifts/openShift';
import { ShiftService } from '../shifts/shiftService';
import { ZReports } from '../shifts/zReports';
import { ensureRollups } from '../reports/rollupBuild';
import { ReportService } from '../reports/reportService';
import type { PosEventName, PosEvents } from '../shared/bridge';
import { consoleLogger, systemClock, type Clock, type Deps, type Logger, type SaveDialog } from './deps';
import { ReadPool } from './readPool';
import { guardSaveDialog } from './savePaths';
import type { KeyProvider } from './keys';

export interface CoreOptions {
  /** SQLite file; created and migrated if new. */
  dbPath: string;
  /** Origins whose top frame may call the router (app://brewline in Electron). */
  trustedOrigins: readonly string[];
  /** Where the email encryption keys come from (safeStorage in the app, a 0600 file in Node). */
  keys: KeyProvider;
  migrationsFolder?: string;
  /** Electron's printing (main.ts); without it, print and PDF answer "available in the desktop app". */
  printer?: ReceiptPrinter;
  /** Where exports are saved (Electron's save dialog); without it, exports answer "available in the desktop app". */
  saveDialog?: SaveDialog;
  /** better_sqlite3.node built for the running runtime (Electron passes its own build). */
  nativeBinding?: string;
  clock?: Clock;
  logger?: Logger;
  appVersion?: string;
}

export type CoreEventListener = <E extends PosEventName>(senderId: string, event: E, payload: PosEvents[E]) => void;

/**
 * Builds the whole Electron-free core: database, services and the IPC router. main.ts wires it
 * to ipcMain; tests and the e2e bridge call it directly from plain Node.
 */
export function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const { sqlite, db } = openDatabase({
    path: options.dbPath,
    migrationsFolder: options.migrationsFolder,
    nativeBinding: options.nativeBinding,
    now: clock.now,
  });

  const terminal = ensureTerminal(db, clock.now());
  const deps: Deps = { db, sqlite, clock, logger, appVersion: options.appVersion ?? '0.0.0', terminal };

  const listeners = new Set<CoreEventListener>();
  const settings = new SettingsStore(deps);
  const staff = new StaffDirectory(deps);
  // The audit key signs both chains (audit_events, auth_events); it is read when first needed.
  const auditKey = () => options.keys.keys().auditKey;
  // Where each log's unkeyed (pre-key) entries end, fixed in the key store the first time: later
  // unkeyed rows are forgeries, whatever the database says.
  const legacyEnds = options.keys.legacyChainEnds(() => measureLegacyEnds(sqlite));
  const audit = new AuditLog(deps, auditKey, legacyEnds);
  const sessions: SessionStore = new SessionStore(
    clock,
    {
      idleLockMs: () => settings.security().idleLockMinutes * 60_000,
      maxSessionMs: () => settings.security().maxSessionHours * 3_600_000,
    },
    (session, reason) => {
      auth.recordEvent({
        type: reason === 'idle' ? 'idle_lock' : 'lock',
        successful: true,
        usernameSubmitted: session.username,
        userId: session.userId,
      });
      for (const listener of listeners) listener(session.senderId, 'session.locked', { reason });
    },
    (session, reason) => {
      auth.sessionEnded(session, reason);
      if (reason === 'expired') for (const listener of listeners) listener(session.senderId, 'session.ended', { reason });
    },
  );
  // The PIN pepper is read when first needed, like the email key.
  const credentials = new Credentials(deps, () => options.keys.keys().pepperKey);
  const emails = new EmailCrypto(options.keys);
  // An approval is checked again when used: its approver must still be active and allowed to give it.
  const approvals = new ApprovalStore(clock, (approverId, action) => {
    const approver = staff.findById(approverId);
    return !!approver?.isActive && can(approver.role, OVERRIDE_ACTIONS[action]);
  });
  const auth = new AuthService(deps, sessions, staff, settings, credentials, audit);
  const setup = new SetupService(deps, settings, staff, audit, auth, sessions, credentials);
  const staffService = new StaffService(deps, staff, credentials, emails, audit, auth, sessions);
  const settingsService = new SettingsService(deps, settings, options.keys, audit);
  const verifier = new ChainVerifier(deps, auditKey, { dbPath: options.dbPath, nativeBinding: options.nativeBinding }, legacyEnds);
  const auditQuery = new AuditQuery(deps, verifier, staff, settings);
  const signIns = new SignInHistory(deps, staff, settings);
  const menu = new MenuService(deps, audit, settings);
  const modifiers = new ModifierService(deps, audit, settings, menu);
  // The back office (categories, items, sold out): every write drops the counter's cached menu.
  const menuView = new AdminView(db, clock.now, () => modifiers.adminGroups());
  // A sale's category in a report is read from the menu as it is now: the open shift's kept figures are read again.
  const catalogContext = {
    deps,
    audit,
    view: menuView,
    onChange: (change?: MenuChange) => {
      menu.invalidate(change);
      shifts.menuChanged();
    },
  };
  // Categories write only category and item rows: the counter keeps its modifier catalog.
  const menuCategories = new CategoryService({
    ...catalogContext,
    onChange: () => {
      menu.invalidate('items');
      shifts.menuChanged();
    },
  });
  const menuCatalog = new CatalogService(catalogContext, settings);
  const soldOut = new SoldOut(deps, audit, settings, (change) => menu.invalidate(change));
  const menuImport = new MenuImport(deps, audit, settings, menuView, () => {
    menu.invalidate();
    shifts.menuChanged();
  });
  const cart = new CartService(deps, menu, settings, staff, approvals, audit);
  // History searches, reports and exports read on worker threads with their own connections.
  const reads = new ReadPool({ dbPath: options.dbPath, nativeBinding: options.nativeBinding }, logger);
  // Never over the database or the keys (a person can pick any file in the dialog).
  const saveDialog = options.saveDialog ? guardSaveDialog(options.saveDialog, options.dbPath) : null;
  const openShift = new OpenShift(sqlite);
  const refundRecords = new RefundRecords(sqlite);
  const history = new OrderHistory(deps, settings, refundRecords, reads);
  const orderExports = new OrderExports(deps, reads, saveDialog, settings);
  // After each sale the open shift's figures read it, off the sale's path (see ShiftFigures).
  const checkout = new CheckoutService(deps, settings, cart, history, audit, openShift, () => shifts.saleRecorded());
  const parked = new ParkedTickets(deps, cart, staff);
  // A cash refund takes no more than the open shift's drawer should hold.
  const refunds = new RefundService(deps, settings, staff, history, audit, approvals, openShift, options.printer ?? null, refundRecords, (shiftId) => shifts.expectedCash(shiftId));
  const queue = new OrderQueue(deps, history, audit, approvals, refunds);
  const receipts = new ReceiptService(history, settings, options.printer ?? null);
  const zReports = new ZReports(deps, settings, options.printer ?? null, audit);
  const reports = new ReportService(deps, settings, reads, options.printer ?? null, saveDialog);
  const shifts = new ShiftService(deps, settings, staff, audit, approvals, zReports, (senderId) => sessions.get(senderId)?.id);

  const services = {
    settings,
    settingsService,
    staff,
    staffService,
    emails,
    approvals,
    audit,
    auditQuery,
    signIns,
    sessions,
    auth,
    setup,
    menu,
    menuView,
    menuCategories,
    menuCatalog,
    menuImport,
    modifiers,
    soldOut,
    cart,
    history,
    orderExports,
    checkout,
    parked,
    queue,
    receipts,
    openShift,
    shifts,
    zReports,
    refunds,
    refundRecords,
    reads,
    saveDialog,
    reports,
  };
  // Orders cancelled before refunds were recorded get their refund of everything (once).
  new LegacyCancels(deps, settings, refundRecords, audit).run();
  // Sales rollups for orders written before they existed (once; logs how long it took).
  ensureRollups(deps, settings);
  const router: Router = createRouter({
    handlers: createHandlers(services),
    sessions,
    approvals,
    trustedOrigins: options.trustedOrigins,
    logger,
    // PCI DSS 10.2.1: refused calls are security events.
    onRefused: (channel, session) =>
      audit.appendAuthEvent({ type: 'permission_denied', successful: false, usernameSubmitted: session?.username ?? '', userId: session?.userId ?? null, metadata: { channel } }),
  });
  audit.appendAuthEvent({ type: 'app_start', successful: true, metadata: { version: deps.appVersion } });
  shifts.warm();

  return {
    router,
    services,
    sqlite,
    db,
    terminal,
    /** Shorthand for router.call. */
    call: (ctx: CallContext, channel: unknown, input: unknown) => router.call(ctx, channel, input),
    /** Main→renderer events (idle lock); returns an unsubscribe function. */
    onEvent(listener: CoreEventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Lock idle sessions now; main calls this on a timer. */
    sweepIdle: () => sessions.sweepIdle(),
    /** The window closed (main.ts): its session ends with it. */
    endWindow: (senderId: string) => sessions.endWindow(senderId),
    close: () => {
      if (!sqlite.open) return;
      verifier.close();
      void reads.close();
      try {
        audit.appendAuthEvent({ type: 'app_stop', successful: true, metadata: { version: deps.appVersion } });
      } finally {
        sqlite.close();
      }
    },
  };
}

export type Core = ReturnType<typeof createCore>;
export type Services = Core['services'];

function ensureTerminal(db: Deps['db'], now: number): Deps['terminal'] {
  const existing = db.select().from(terminals).limit(1).get();
  if (existing) return { id: existing.id, code: existing.code, name: existing.name };
  const row = { id: newId(now), code: 'T1', name: 'Till 1', createdAt: now };
  db.insert(terminals).values(row).run();
  return { id: row.id, code: row.code, name: row.name };
}
