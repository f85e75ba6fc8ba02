import type { DrawerMovementView } from '../../../../electron/shared/contract';
import type { Currency } from '../../../../electron/shared/money';
import { formatTime } from '../../format';
import { drawerEffect, MOVEMENT_LABELS, signedMoney } from './shiftFormat';

interface MovementsListProps {
  movements: readonly DrawerMovementView[];
  currency: Currency;
  timeZone?: string | undefined;
  /** Shown to people who may void (shifts.manage); absent otherwise. */
  onVoid?: ((movement: DrawerMovementView) => void) | undefined;
  /** The table's accessible name. */
  label?: string;
}

/**
 * The drawer's movements, oldest first: what it did to the cash (+/−), category, reason and who.
 * A voided movement stays, struck through and marked "Voided"; its counter-movement shows as a void.
 */
export function MovementsList({ movements, currency, timeZone, onVoid, label = 'Drawer movements' }: MovementsListProps) {
  if (movements.length === 0) return <p className="muted">No pay-ins, pay-outs, safe drops or no-sales yet.</p>;
  return (
    <div className="table-scroll">
      <table className="report-table movements-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">What</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Category</th>
            <th scope="col">Reason</th>
            <th scope="col">By</th>
            {onVoid && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {movements.map((m) => {
            const voided = m.voidedById !== null;
            const isVoid = m.voidsId !== null;
            return (
              <tr key={m.id} className={voided ? 'movement--voided' : isVoid ? 'movement--void' : undefined}>
                <td className="nowrap">{formatTime(m.at, timeZone)}</td>
                <td>
                  <span className="movement-kind">{isVoid ? `${MOVEMENT_LABELS[m.kind]} — void` : MOVEMENT_LABELS[m.kind]}</span>
                  {voided && <span className="badge badge--voided">Voided</span>}
                </td>
                <td className="num">{signedMoney(drawerEffect(m), currency)}</td>
                <td>{m.category || '—'}</td>
                <td className="movement-reason">{m.reason}</td>
                <td>{m.by}</td>
                {onVoid && (
                  <td className="num movement-actions">
                    {!voided && !isVoid && m.kind !== 'no_sale' && (
                      <button
                        type="button"
                        className="btn btn--danger-outline btn--small"
                        onClick={() => onVoid(m)}
                        aria-label={`Void ${MOVEMENT_LABELS[m.kind]} ${signedMoney(drawerEffect(m), currency)} at ${formatTime(m.at, timeZone)}`}
                      >
                        Void
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
