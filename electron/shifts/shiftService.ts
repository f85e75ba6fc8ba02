import { newId } from '../../db/ids';
import type { CountResult, ParsedInput, ShiftState, XReport, ZReportView } from '../shared/contract';
import { DENOMINATIONS, formatMoney, type Minor } from '../shared/money';
import type { Session } from '../accounts/sessions';
import type { ApprovalStore } from '../accounts/approvals';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, invalid, notFound } from '../core/errors';
import { businessDayOf } from '../orders/orderNumbers';
import type { SettingsStore } from '../settings/shopSettings';
import type { StaffDirectory } from '../accounts/staffDirectory';
import { cashCountView, readCashCount } from './cashCount';
import { ShiftCloser } from './closeShift';
import { PaymentGate } from './paymentGate';
import { ShiftCounts } from './shiftCounts';
import { ShiftFigures, shiftView, xReportOf } from './shiftReport';
import { ShiftRows, type MovementRow } from './shiftRows';
import type { ZReports } from './zReports';

const NO_SHIFT = 'No shift is open on this till: open one first.';
const OTHER_REQUEST = 'That request id belongs to another action';

/** A till's shift: open with a counted float, drawer movements, X report, blind count and close (Z report). */
export class ShiftService {
  private readonly rows: ShiftRows;
  private readonly figures: ShiftFigures;
  private readonly counts: ShiftCounts;
  private readonly gate: PaymentGate;
  private readonly closer: ShiftCloser;

  constructor(
    readonly deps: Deps,
    readonly settings: SettingsStore,
    readonly staff: StaffDirectory,
    readonly audit: AuditLog,
    readonly approvals: ApprovalStore,
    zReports: ZReports,
    /** The session live in a window now: a payment mark dies with its session. */
    liveSessionId: (senderId: string) => string | undefined,
  ) {
    this.rows = new ShiftRows(deps.sqlite);
    this.figures = new ShiftFigures(deps.sqlite, this.rows);
    this.counts = new ShiftCounts(deps.sqlite, audit);
    this.gate = new PaymentGate(deps.clock, liveSessionId);
    this.closer = new ShiftCloser(deps, settings, staff, audit, approvals, this.rows, this.figures, this.counts, this.gate, zReports);
  }

  private today(): string {
    const shop = this.settings.requireShop();
    return businessDayOf(this.deps.clock.now(), shop.timezone, shop.businessDayStartMinutes);
  }

  /**
   * At start-up: read the open shift's sales once, so the first X report or count of the day
   * reads only what was sold since (see ShiftFigures). Nothing to do without an open shift.
   */
  warm(): void {
    const shift = this.rows.openOn(this.deps.terminal.id);
    if (shift) this.figures.snapshot(shift);
  }

  /** The cash that should be in the shift's drawer now (call inside the transaction that takes some out). */
  expectedCash(shiftId: string): Minor {
    const shift = this.rows.byId(shiftId);
    if (!shift) throw notFound('That shift');
    return this.figures.snapshot(shift).figures.expectedCash;
  }

  /** The menu changed: a sale's category is read from the menu as it is now, so the kept figures are read again. */
  menuChanged(): void {
    this.figures.forget();
  }

  /** A sale was committed on this till: the open shift's figures read it soon, not in the sale's turn. */
  saleRecorded(): void {
    this.figures.readNewSoon();
  }

  current(_session: Session): ShiftState {
    const shop = this.settings.requireShop();
    const { terminal } = this.deps;
    const shift = this.rows.openOn(terminal.id);
    return {
      terminalName: terminal.name,
      currency: shop.currency,
      shift: shift ? shiftView(shift, this.rows.movements(shift.id), this.staff.nameLookup(), this.today()) : null,
      suggestedFloat: this.rows.lastLeftInDrawer(terminal.id),
      cashNeedsShift: this.settings.drawer().cashNeedsShift,
      denominations: [...DENOMINATIONS[shop.currency]],
      today: this.today(),
    };
  }

  /** Opens a shift with its counted float; a replay of the request answers with the state. */
  open(session: Session, input: ParsedInput<'shifts.open'>): ShiftState {
    const { sqlite, clock, terminal } = this.deps;
    const shop = this.settings.requireShop();
    const float = readCashCount(input.float, shop.currency, 'float');
    sqlite
      .transaction(() => {
        const earlier = this.rows.byOpenRequest(input.requestId);
        if (earlier) {
          if (earlier.opened_by !== session.userId) throw conflict(OTHER_REQUEST);
          return;
        }
        const open = this.rows.openOn(terminal.id);
        if (open) {
          const by = this.staff.findById(open.opened_by)?.displayName ?? 'someone';
          const at = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: shop.timezone }).format(new Date(open.opened_at));
          throw conflict(`A shift is already open on this till (opened by ${by} at ${at})`);
        }
        const now = clock.now();
        const id = newId(now);
        const openingCounts = float.counts === null ? null : JSON.stringify(float.counts);
        this.rows.insert({
          id,
          terminalId: terminal.id,
          businessDay: businessDayOf(now, shop.timezone, shop.businessDayStartMinutes),
          openedBy: session.userId,
          openedAt: now,
          openingFloat: float.total,
          openingCounts,
          openRequestId: input.requestId,
        });
        this.audit.append({
          actorUserId: session.userId,
          action: 'shift.open',
          entityType: 'shift',
          entityId: id,
          newValue: { float: float.total, counts: float.counts },
        });
      })
      .immediate();
    this.warm(); // a new shift: its figures start empty and follow each sale
    return this.current(session);
  }

  /** Appends a pay-in, pay-out, safe drop or no-sale to the open shift; idempotent on requestId. */
  move(session: Session, input: ParsedInput<'shifts.move'>): ShiftState {
    const { sqlite, clock, terminal } = this.deps;
    const shop = this.settings.requireShop();
    if (input.kind === 'no_sale' && input.amount !== 0) throw invalid('A no-sale moves no money: leave the amount at 0', { amount: 'Must be 0 for a no-sale' });
    if (input.kind !== 'no_sale' && input.amount < 1) throw invalid('Enter the amount', { amount: 'Enter the amount' });
    sqlite
      .transaction(() => {
        const earlier = this.rows.movementByRequest(input.requestId);
        if (earlier) {
          if (earlier.user_id !== session.userId || earlier.voids_id !== null || earlier.kind !== input.kind) throw conflict(OTHER_REQUEST);
          return;
        }
        const shift = this.rows.openOn(terminal.id);
        if (!shift) throw conflict(NO_SHIFT);
        // Money leaving the drawer must be in it: the expected cash right now, from the shift's records.
        if (input.kind === 'pay_out' || input.kind === 'safe_drop') {
          const inDrawer = this.figures.snapshot(shift).figures.expectedCash;
          if (input.amount > inDrawer) {
            throw conflict(`Only ${formatMoney(inDrawer, shop.currency)} should be in the drawer: check the amount`, { amount: 'More than is in the drawer' });
          }
        }
        const now = clock.now();
        const row: MovementRow = {
          id: newId(now),
          shift_id: shift.id,
          kind: input.kind,
          amount: input.amount,
          category: input.kind === 'pay_out' ? input.category || 'Other' : '',
          reason: input.reason,
          user_id: session.userId,
          voids_id: null,
          request_id: input.requestId,
          business_day: businessDayOf(now, shop.timezone, shop.businessDayStartMinutes),
          created_at: now,
        };
        this.rows.insertMovement(row);
        this.audit.append({
          actorUserId: session.userId,
          action: 'drawer.move',
          entityType: 'drawer_movement',
          entityId: row.id,
          newValue: { shiftId: shift.id, kind: row.kind, amount: row.amount, category: row.category },
          reason: row.reason,
        });
      })
      .immediate();
    return this.current(session);
  }

  /** Voids a wrong movement of the open shift with a counter-movement (managers). */
  voidMovement(session: Session, input: ParsedInput<'shifts.voidMovement'>): ShiftState {
    const { sqlite, clock, terminal } = this.deps;
    const shop = this.settings.requireShop();
    sqlite
      .transaction(() => {
        const earlier = this.rows.movementByRequest(input.requestId);
        if (earlier) {
          if (earlier.user_id !== session.userId || earlier.voids_id !== input.movementId) throw conflict(OTHER_REQUEST);
          return;
        }
        const original = this.rows.movement(input.movementId);
        const shift = this.rows.openOn(terminal.id);
        if (!original) throw notFound('That drawer movement');
        if (!shift || original.shift_id !== shift.id) throw conflict('Only movements of the open shift can be voided');
        if (original.voids_id !== null) throw conflict('That entry is itself a void: it cannot be voided');
        if (original.kind === 'no_sale') throw conflict('A no-sale records that the drawer was opened: it cannot be voided');
        if (this.rows.voidOf(original.id)) throw conflict('That movement was already voided');
        if (original.kind === 'pay_in') {
          const inDrawer = this.figures.snapshot(shift).figures.expectedCash;
          if (original.amount > inDrawer) throw conflict(`Only ${formatMoney(inDrawer, shop.currency)} should be in the drawer: this pay-in cannot come out`);
        }
        const now = clock.now();
        const row: MovementRow = {
          ...original,
          id: newId(now),
          amount: -original.amount,
          reason: input.reason,
          user_id: session.userId,
          voids_id: original.id,
          request_id: input.requestId,
          business_day: businessDayOf(now, shop.timezone, shop.businessDayStartMinutes),
          created_at: now,
        };
        this.rows.insertMovement(row);
        this.audit.append({
          actorUserId: session.userId,
          action: 'drawer.void',
          entityType: 'drawer_movement',
          entityId: original.id,
          oldValue: { kind: original.kind, amount: original.amount, category: original.category },
          newValue: { voidId: row.id, amount: row.amount },
          reason: input.reason,
        });
      })
      .immediate();
    return this.current(session);
  }

  xReport(_session: Session): XReport {
    const { sqlite, clock, terminal } = this.deps;
    const shop = this.settings.requireShop();
    // One read transaction: the figures and movements come from the same moment.
    return sqlite.transaction(() => {
      const shift = this.rows.openOn(terminal.id);
      if (!shift) throw conflict(NO_SHIFT);
      return xReportOf(this.figures.snapshot(shift), { terminalName: terminal.name, currency: shop.currency, generatedAt: clock.now() }, this.staff.nameLookup());
    })();
  }

  /** The blind count: recorded (audited) first, and only then compared with the expected cash. */
  count(session: Session, input: ParsedInput<'shifts.count'>): CountResult {
    const { sqlite, terminal } = this.deps;
    const shop = this.settings.requireShop();
    const cash = readCashCount(input.count, shop.currency, 'count');
    const tolerance = this.settings.drawer().varianceTolerance;
    return sqlite
      .transaction((): CountResult => {
        const shift = this.rows.byId(input.shiftId);
        if (!shift || shift.terminal_id !== terminal.id) throw notFound('That shift');
        if (shift.status !== 'open') throw conflict('That shift is already closed');
        const expected = this.figures.snapshot(shift).figures.expectedCash;
        const recorded = this.counts.record(session, shift.id, cash, expected);
        return {
          shiftId: shift.id,
          counted: cashCountView(recorded.counted, recorded.counts),
          expected,
          variance: recorded.variance,
          tolerance,
          needsApproval: Math.abs(recorded.variance) > tolerance,
          countNumber: recorded.countNumber,
        };
      })
      .immediate();
  }

  close(session: Session, input: ParsedInput<'shifts.close'>): ZReportView {
    return this.closer.close(session, input);
  }

  /** The payment screen opened/closed on this till (closing is refused meanwhile). */
  payment(session: Session, state: 'open' | 'closed'): null {
    this.gate.mark(session, state);
    return null;
  }
}
