import { useState } from 'react';
import type { DrawerMovementKind, DrawerMovementView, ShiftState, ShiftView } from '../../../../electron/shared/contract';
import { formatMoney } from '../../../../electron/shared/money';
import { formatDateTime } from '../../format';
import { hasPermission, useSessionStore } from '../../stores/sessionStore';
import { MovementDialog, VoidMovementDialog } from './MovementDialog';
import { MovementsList } from './MovementsList';
import { StaleShiftBanner } from './ShiftBanners';
import { XReportDialog } from './XReportDialog';

type Open = { kind: 'move'; move: DrawerMovementKind } | { kind: 'void'; movement: DrawerMovementView } | { kind: 'x' };

const MOVES: { kind: DrawerMovementKind; label: string; hint: string }[] = [
  { kind: 'pay_in', label: 'Pay in', hint: 'Cash into the drawer' },
  { kind: 'pay_out', label: 'Pay out', hint: 'Cash out for a purchase' },
  { kind: 'safe_drop', label: 'Safe drop', hint: 'Cash to the safe' },
  { kind: 'no_sale', label: 'No sale', hint: 'Open the drawer' },
];

interface ShiftPanelProps {
  state: ShiftState;
  shift: ShiftView;
  timeZone: string | undefined;
  onClose(): void;
}

/** The open shift: who opened it and when, the float, the drawer buttons, the movements, X report and Close shift. */
export function ShiftPanel({ state, shift, timeZone, onClose }: ShiftPanelProps) {
  const canManage = useSessionStore((s) => hasPermission(s.session, 'shifts.manage'));
  const [open, setOpen] = useState<Open | null>(null);
  const money = (m: number) => formatMoney(m, state.currency);
  const close = () => setOpen(null);

  return (
    <>
      {shift.stale && <StaleShiftBanner shift={shift} today={state.today} />}

      <section className="shift-card" aria-labelledby="shift-title">
        <div className="shift-card-head shift-card-head--row">
          <div>
            <p className="dialog-kicker">Shift open</p>
            <h3 id="shift-title" className="shift-card-title">
              {state.terminalName}
            </h3>
          </div>
          <div className="shift-main-actions">
            {/* The X report shows the expected cash: a manager's, so the cashier's count stays blind. */}
            {canManage && (
              <button type="button" className="btn btn--secondary btn--large" onClick={() => setOpen({ kind: 'x' })}>
                X report
              </button>
            )}
            <button type="button" className="btn btn--primary btn--large" onClick={onClose}>
              Close shift
            </button>
          </div>
        </div>
        <dl className="facts shift-facts">
          <div>
            <dt>Opened by</dt>
            <dd>{shift.openedBy}</dd>
          </div>
          <div>
            <dt>Opened</dt>
            <dd>{formatDateTime(shift.openedAt, timeZone)}</dd>
          </div>
          <div>
            <dt>Opening float</dt>
            <dd>{money(shift.openingFloat.total)}</dd>
          </div>
        </dl>
      </section>

      <section className="shift-card" aria-labelledby="drawer-title">
        <div className="shift-card-head">
          <h3 id="drawer-title" className="shift-card-title">
            Cash drawer
          </h3>
          <p className="muted">Every time cash goes in or out without a sale, record it here with a reason. A wrong entry is voided, never edited.</p>
        </div>
        <div className="drawer-moves" role="group" aria-label="Drawer">
          {MOVES.map((m) => (
            <button
              key={m.kind}
              type="button"
              className="btn btn--secondary btn--large drawer-move"
              aria-label={m.label}
              onClick={() => setOpen({ kind: 'move', move: m.kind })}
            >
              <span className="drawer-move-label">{m.label}</span>
              <span className="drawer-move-hint" aria-hidden="true">
                {m.hint}
              </span>
            </button>
          ))}
        </div>
        <h4 className="report-card-title">Movements this shift</h4>
        <MovementsList
          movements={shift.movements}
          currency={state.currency}
          timeZone={timeZone}
          onVoid={canManage ? (movement) => setOpen({ kind: 'void', movement }) : undefined}
        />
      </section>

      {open?.kind === 'move' && <MovementDialog kind={open.move} onClose={close} />}
      {open?.kind === 'void' && <VoidMovementDialog movement={open.movement} currency={state.currency} timeZone={timeZone} onClose={close} />}
      {open?.kind === 'x' && <XReportDialog timeZone={timeZone} onClose={close} />}
    </>
  );
}
