import type { ShiftState, ShiftView } from '../../../../electron/shared/contract';
import { useSessionStore } from '../../stores/sessionStore';
import { Icon } from '../Icon';
import { formatBusinessDay } from './shiftFormat';

/** A shift still open after its business day ended: count the drawer and close it. */
export function StaleShiftBanner({ shift, today, onGo }: { shift: ShiftView; today: string; onGo?: () => void }) {
  return (
    <div className="shift-banner shift-banner--stale" role="alert">
      <Icon name="clock" className="shift-banner-icon" />
      <span className="shift-banner-text">
        This shift was opened on {formatBusinessDay(shift.businessDay, today)} and is still open: count and close it.
      </span>
      {onGo && (
        <button type="button" className="btn btn--secondary" onClick={onGo}>
          Count and close
        </button>
      )}
    </div>
  );
}

/**
 * The counter's shift banners: a calm note when no shift is open and cash needs one (card sales
 * still work), or the stale-shift warning. Nothing when all is well.
 */
export function CounterShiftBanner({ state }: { state: ShiftState | null }) {
  const setView = useSessionStore((s) => s.setView);
  if (!state) return null;
  const goToDrawer = () => setView('shift');
  if (state.shift?.stale) return <StaleShiftBanner shift={state.shift} today={state.today} onGo={goToDrawer} />;
  if (state.shift || !state.cashNeedsShift) return null;
  return (
    <div className="shift-banner shift-banner--calm" role="status">
      <Icon name="lock" className="shift-banner-icon" />
      <span className="shift-banner-text">
        <strong>No shift open</strong> — cash needs a counted drawer. Card sales still work.
      </span>
      <button type="button" className="btn btn--secondary" onClick={goToDrawer}>
        Open shift
      </button>
    </div>
  );
}
