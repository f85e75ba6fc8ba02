// Contract, shifts: the till's shift and cash drawer, X reports, the blind count and close, and
// the numbered, immutable Z reports.
import { z } from 'zod';
import type { DayFigures } from '../../reports/figures';
import type { Currency, Minor } from '../money';
import { cursor, id, text } from '../schemas';
import { channel, empty, minor } from './channel';

export type DrawerMovementKind = 'pay_in' | 'pay_out' | 'safe_drop' | 'no_sale';
/** Every figure a report shows (computed by electron/reports/figures.ts, the one module). */
export type ReportFigures = DayFigures;

/** A count of the drawer: by denomination ("3 × ₱1,000") or one amount. */
export interface CashCountView {
  total: Minor;
  /** Denomination (minor units) and how many; empty when one amount was entered. */
  counts: { value: Minor; count: number }[];
}

export interface DrawerMovementView {
  id: string;
  kind: DrawerMovementKind;
  /** Positive; a void is a counter-movement with the negated amount. */
  amount: Minor;
  category: string;
  reason: string;
  by: string;
  at: number;
  /** Set on a counter-movement: the movement it voids. */
  voidsId: string | null;
  /** Set on a movement that was voided: the counter-movement's id. */
  voidedById: string | null;
}

export interface ShiftView {
  id: string;
  status: 'open' | 'closed';
  /** The business day it was opened. */
  businessDay: string;
  openedAt: number;
  openedBy: string;
  openingFloat: CashCountView;
  closedAt: number | null;
  closedBy: string | null;
  /** Still open after its business day ended: flagged at the next sign-in. */
  stale: boolean;
  movements: DrawerMovementView[];
}

export interface ShiftState {
  terminalName: string;
  currency: Currency;
  /** The open shift on this till, if any. */
  shift: ShiftView | null;
  /** What the last close left in the drawer: the suggested opening float. */
  suggestedFloat: Minor;
  /** Setting: cash sales (and cash refunds) need an open shift. */
  cashNeedsShift: boolean;
  /** The currency's notes and coins, largest first (minor units). */
  denominations: Minor[];
  /** The shop's business day now. */
  today: string;
}

export interface XReport {
  shiftId: string;
  terminalName: string;
  currency: Currency;
  generatedAt: number;
  openedAt: number;
  openedBy: string;
  figures: ReportFigures;
  movements: DrawerMovementView[];
  /** Orders cancelled (refund everything + cancel) in this shift. */
  cancellations: number;
  firstOrderNumber: string | null;
  lastOrderNumber: string | null;
}

/** What the cashier learns after the blind count is in. */
export interface CountResult {
  shiftId: string;
  counted: CashCountView;
  expected: Minor;
  /** counted − expected: negative is a shortage. */
  variance: Minor;
  tolerance: Minor;
  /** Over the tolerance: a reason and a manager's approval are needed to close. */
  needsApproval: boolean;
  /** 1 for the first count; recounts are recorded too. */
  countNumber: number;
}

export interface ZReportContent extends Omit<XReport, 'generatedAt'> {
  number: number;
  shopName: string;
  timezone: string;
  businessDay: string;
  closedAt: number;
  closedBy: string;
  cash: {
    openingFloat: Minor;
    expected: Minor;
    counted: CashCountView;
    variance: Minor;
    varianceReason: string;
    approvedBy: string | null;
    leftInDrawer: Minor;
    /** Counts submitted before closing (1 = no recount). */
    counts: number;
  };
}

export interface ZReportView extends ZReportContent {
  id: string;
  /** SHA-256 of the stored content: any edit shows. */
  contentHash: string;
  /** The audit chain head when it was closed. */
  auditHead: string;
  /** Printed or saved before: the next print is a REPRINT. */
  printedBefore: boolean;
  /** The stored content still matches its hash. */
  intact: boolean;
}

export interface ZReportSummary {
  id: string;
  number: number;
  terminalName: string;
  businessDay: string;
  closedAt: number;
  closedBy: string;
  net: Minor;
  variance: Minor;
  currency: Currency;
}

export interface DrawerSettingsView {
  cashNeedsShift: boolean;
  /** A count this far from expected (either way) closes without a manager. */
  varianceTolerance: Minor;
  /** Managers refund up to this per refund; above it the owner approves. */
  refundLimit: Minor;
}

// ---------- input pieces ----------

export const cashCount = z
  .strictObject({
    counts: z
      .array(z.strictObject({ value: z.int().min(1).max(10_000_000), count: z.int().min(0, 'At least 0').max(99_999, 'At most 99,999 of one note or coin') }))
      .max(30)
      .optional(),
    amount: minor.optional(),
  })
  .refine((c) => (c.counts === undefined) !== (c.amount === undefined), 'Count by note and coin, or enter one amount');
export type CashCountInput = z.infer<typeof cashCount>;

const requestId = z.uuid('This action has no valid request number. Close it and try again.').transform((s) => s.toLowerCase());

export const shiftChannels = {
  'shifts.current': channel<ShiftState>()({
    input: empty,
    permission: 'shifts.operate',
    summary: "This till's open shift (with its drawer movements), or the suggested float to open one.",
  }),
  'shifts.open': channel<ShiftState>()({
    input: z.strictObject({ requestId, float: cashCount }),
    permission: 'shifts.operate',
    summary: 'Open a shift on this till with the counted opening float. Idempotent on requestId.',
  }),
  'shifts.move': channel<ShiftState>()({
    input: z.strictObject({
      requestId,
      kind: z.enum(['pay_in', 'pay_out', 'safe_drop', 'no_sale']),
      /** 0 for a no-sale. */
      amount: minor,
      category: text(40).optional(),
      reason: text(200, { min: 3, required: 'Say why' }),
    }),
    permission: 'shifts.operate',
    summary: 'Record a pay-in, pay-out, safe drop or no-sale drawer open in the open shift (append-only).',
  }),
  'shifts.voidMovement': channel<ShiftState>()({
    input: z.strictObject({ requestId, movementId: id, reason: text(200, { min: 3, required: 'Say why' }) }),
    permission: 'shifts.manage',
    summary: 'Void a wrong drawer movement with a counter-movement (never an edit).',
  }),
  'shifts.xReport': channel<XReport>()({
    input: empty,
    // It shows the expected cash: managers only, so that the cashier's count stays blind.
    permission: 'shifts.manage',
    summary: "The open shift's figures so far (X report, managers): nothing is closed or stored.",
  }),
  'shifts.count': channel<CountResult>()({
    input: z.strictObject({ shiftId: id, count: cashCount }),
    permission: 'shifts.operate',
    summary: 'The blind count: recorded (and audited) before the expected cash is shown.',
  }),
  'shifts.close': channel<ZReportView>()({
    input: z.strictObject({
      shiftId: id,
      leftInDrawer: minor,
      varianceReason: text(200).optional(),
      approvalId: z.uuid().optional(),
    }),
    permission: 'shifts.operate',
    summary: 'Close the shift with its last count and store the numbered Z report (a variance over tolerance needs a reason and a manager).',
  }),
  'zreports.list': channel<{ reports: ZReportSummary[]; nextCursor: string | null }>()({
    input: z.strictObject({ before: cursor(64).optional() }),
    permission: 'shifts.manage',
    summary: 'Z reports of this till, newest first.',
  }),
  'zreports.get': channel<ZReportView>()({
    input: z.strictObject({ id }),
    permission: 'shifts.operate',
    summary: 'One stored Z report (its hash checked).',
  }),
  'zreports.print': channel<{ printer: string; reprint: boolean }>()({
    input: z.strictObject({ id }),
    permission: 'shifts.operate',
    summary: 'Print a Z report; every print after the first is marked REPRINT.',
  }),
  'zreports.savePdf': channel<{ saved: boolean; path: string | null; reprint: boolean }>()({
    input: z.strictObject({ id }),
    permission: 'shifts.operate',
    summary: 'Save a Z report as PDF (asks where); after the first print or save it is marked REPRINT.',
  }),
  'cart.payment': channel<null>()({
    input: z.strictObject({ state: z.enum(['open', 'closed']) }),
    permission: 'cart.use',
    summary: 'The payment screen opened or closed on this till: a shift cannot close mid-payment.',
  }),
  'settings.updateDrawer': channel<DrawerSettingsView>()({
    input: z.strictObject({
      cashNeedsShift: z.boolean(),
      varianceTolerance: minor.max(100_000_00, 'At most 100,000.00'),
      refundLimit: minor.max(100_000_000_00, 'Too large'),
    }),
    permission: 'settings.manage',
    summary: 'Cash needs an open shift, the count tolerance and the managers’ refund limit.',
  }),
  'settings.drawer': channel<DrawerSettingsView>()({
    input: empty,
    permission: 'shifts.operate',
    summary: 'The drawer settings (tolerance, refund limit).',
  }),
};
