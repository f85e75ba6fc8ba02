import type { Session } from '../accounts/sessions';
import type { Clock } from '../core/deps';

/** A payment screen left open this long is taken as abandoned. */
export const PAYMENT_OPEN_MS = 15 * 60_000;

interface Mark {
  sessionId: string;
  name: string;
  since: number;
}

/**
 * Which windows on this till have a sale mid-payment (the payment screen is open), so a shift is
 * not closed under a cashier taking money. In memory: it describes screens open right now. A
 * mark ends when the screen closes, after 15 minutes, or when its window's session ends.
 */
export class PaymentGate {
  private readonly open = new Map<string, Mark>();

  constructor(
    private readonly clock: Clock,
    /** The id of the session live in a window now (undefined when none). */
    private readonly liveSessionId: (senderId: string) => string | undefined,
  ) {}

  mark(session: Session, state: 'open' | 'closed'): void {
    if (state === 'closed') this.open.delete(session.senderId);
    else this.open.set(session.senderId, { sessionId: session.id, name: session.displayName, since: this.clock.now() });
  }

  /** Who has a payment screen open on this till, if anyone (expired or orphaned marks are dropped). */
  busy(): string | null {
    const now = this.clock.now();
    for (const [senderId, mark] of this.open) {
      if (now - mark.since >= PAYMENT_OPEN_MS || this.liveSessionId(senderId) !== mark.sessionId) this.open.delete(senderId);
      else return mark.name;
    }
    return null;
  }
}
