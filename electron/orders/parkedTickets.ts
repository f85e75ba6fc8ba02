import { and, asc, eq } from 'drizzle-orm';
import { draftTransaction } from '../../db/open';
import { carts } from '../../db/schema';
import type { CartView, ParkedTicketView } from '../shared/contract';
import { orderTotals } from '../shared/money';
import type { Session } from '../accounts/sessions';
import type { StaffDirectory } from '../accounts/staffDirectory';
import type { Deps } from '../core/deps';
import { conflict, notFound } from '../core/errors';
import type { CartService } from './cartService';

/** Park the current order under a name and pick it up later; anyone at this till can resume it. */
export class ParkedTickets {
  constructor(
    private readonly deps: Deps,
    private readonly cart: CartService,
    private readonly staff: StaffDirectory,
  ) {}

  park(session: Session, name: string): CartView {
    const open = this.cart.openCart(session.userId);
    if (!open || this.cart.cartLines(open.id).length === 0) throw conflict('There is nothing to park: add items first');
    const now = this.deps.clock.now();
    draftTransaction(this.deps.sqlite, () => {
      this.deps.db
        .update(carts)
        .set({ status: 'parked', name, parkedAt: now, parkedBy: session.userId, terminalId: this.deps.terminal.id, updatedAt: now })
        .where(eq(carts.id, open.id))
        .run();
    });
    return this.cart.view(session.userId);
  }

  list(): ParkedTicketView[] {
    const policy = this.cart.taxPolicy();
    return this.deps.db
      .select()
      .from(carts)
      .where(and(eq(carts.status, 'parked'), eq(carts.terminalId, this.deps.terminal.id)))
      .orderBy(asc(carts.parkedAt))
      .all()
      .map((c) => {
        const lines = this.cart.cartLines(c.id);
        const discount = c.discountKind ? { kind: c.discountKind, value: c.discountValue } : null;
        return {
          id: c.id,
          name: c.name,
          itemCount: lines.reduce((n, l) => n + l.quantity, 0),
          total: orderTotals(lines, policy, discount).total,
          parkedAt: c.parkedAt ?? c.updatedAt,
          parkedBy: c.parkedBy ? (this.staff.findById(c.parkedBy)?.displayName ?? '') : '',
        };
      });
  }

  /** The parked ticket becomes the person's open cart; an empty open cart is dropped, a non-empty one refused. */
  resume(session: Session, cartId: string): CartView {
    draftTransaction(this.deps.sqlite, () => {
      const ticket = this.deps.db
        .select({ id: carts.id })
        .from(carts)
        .where(and(eq(carts.id, cartId), eq(carts.status, 'parked')))
        .get();
      if (!ticket) throw notFound('That parked ticket');
      const open = this.cart.openCart(session.userId);
      if (open) {
        if (this.cart.cartLines(open.id).length > 0) throw conflict('Park or charge the current order first');
        this.cart.discardOpenCart(session.userId);
      }
      this.deps.db
        .update(carts)
        .set({ status: 'open', userId: session.userId, parkedAt: null, parkedBy: null, updatedAt: this.deps.clock.now() })
        .where(eq(carts.id, cartId))
        .run();
    });
    return this.cart.view(session.userId);
  }
}
