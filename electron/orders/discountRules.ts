import type { ApprovalStore, Approver } from '../accounts/approvals';
import type { Session } from '../accounts/sessions';
import { invalid, ServiceError } from '../core/errors';
import type { ApprovalParams } from '../shared/contract';
import { discountsWithin, effectiveDiscountBp, formatRate, orderTotals, type Discount, type OrderTotals, type PricedLine, type TaxPolicy } from '../shared/money';
import { can } from '../shared/permissions';
import type { SettingsStore } from '../settings/shopSettings';

/** Discounts are compared before tax: the tax policy does not change a discount's share. */
const NO_TAX: TaxPolicy = { rateBp: 0, pricesIncludeTax: true };

/** A cart's lines with their discounts, and its totals (what the limit is checked on). */
export interface Priced {
  lines: readonly PricedLine[];
  totals: OrderTotals;
}

export const priced = (lines: readonly PricedLine[], discount: Discount | null): Priced => ({ lines, totals: orderTotals(lines, NO_TAX, discount) });

/** An amount discount may not exceed what it applies to (a percent never can). */
export function assertWithin(base: number, discount: Discount, field: string): void {
  if (discount.kind === 'amount' && discount.value > base) {
    throw invalid('The discount is more than the amount it applies to', { 'discount.value': field });
  }
}

/**
 * The shop's discount limit applies to the whole order's effective discount (all line and order
 * discounts ÷ the gross), never to one discount alone: 5% off a line plus 5% off the order is
 * 9.75%. Checked when a discount is set and again at checkout, since quantities change after.
 * The rate a manager approved is kept with the cart (carts.discount_approved_bp).
 */
export class DiscountRules {
  constructor(
    private readonly settings: SettingsStore,
    private readonly approvals: ApprovalStore,
  ) {}

  private limitBp(): number {
    return this.settings.security().discountLimitPercent * 100;
  }

  /**
   * Setting a discount (`change`, null when removing one): above the limit the person needs
   * discount.overLimit or a manager's approval bound to exactly this discount, used up around
   * `write` (which must be synchronous and run inside the caller's transaction). `write` gets the
   * approver and the approved cap to keep: null within the limit, the whole-order rate (rounded
   * up) above it; removing a discount keeps the cap, since it never raises the rate.
   */
  authorise(
    session: Session,
    change: { params: ApprovalParams['discount.overLimit']; others: Priced } | null,
    after: Priced,
    currentCapBp: number | null,
    approvalId: string | undefined,
    write: (approver: Approver | null, capBp: number | null) => void,
  ): void {
    if (!change) return write(null, currentCapBp);
    const limit = this.limitBp();
    if (discountsWithin(after.lines, after.totals, limit)) return write(null, null);
    const cap = effectiveDiscountBp(after.totals, 'up');
    if (can(session.role, 'discount.overLimit')) return write(null, cap);
    if (!approvalId) {
      const message =
        change.others.totals.discountTotal > 0
          ? `With the other discounts this order would be ${formatRate(effectiveDiscountBp(after.totals))} off. Over ${formatRate(limit)} needs a manager's approval.`
          : `Discounts over ${formatRate(limit)} need a manager's approval.`;
      throw new ServiceError('FORBIDDEN', message);
    }
    this.approvals.use(approvalId, 'discount.overLimit', session, change.params, (approver) => write(approver, cap));
  }

  /** At checkout: the discounts as they stand now may not exceed the limit or what a manager approved. */
  assertAllowed(session: Session, approvedBp: number | null, lines: readonly PricedLine[], totals: OrderTotals): void {
    if (can(session.role, 'discount.overLimit')) return;
    const limit = this.limitBp();
    const cap = approvedBp ?? 0;
    const allowed = Math.max(limit, cap);
    if (discountsWithin(lines, totals, allowed)) return;
    throw new ServiceError(
      'FORBIDDEN',
      `The discounts now come to ${formatRate(effectiveDiscountBp(totals))} of this order, more than the ${formatRate(allowed)} ${cap > limit ? 'a manager approved' : 'allowed'}. Open the discount and ask a manager to approve it again.`,
    );
  }
}
