// The Reports screen and its chart library load only when someone opens Reports, so the sign-in
// screen and the counter never download or parse them (the cold-start budget).
import { lazy, Suspense } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';

const ReportsScreen = lazy(() =>
  import('./ReportsScreen').then(
    (m) => ({ default: m.ReportsScreen }),
    // A missing or broken chunk (a damaged install) is a plain sentence, not a blank window.
    () => ({
      default: () => (
        <main className="page-screen">
          <div className="page-inner">
            <ErrorMessage message="Reports could not open. Restart Brewline; if it keeps happening, call support." />
          </div>
        </main>
      ),
    }),
  ),
);

export function LazyReportsScreen() {
  return (
    <Suspense
      fallback={
        <main className="page-screen" aria-busy="true">
          <div className="page-inner">
            <p className="muted">Opening reports…</p>
          </div>
        </main>
      }
    >
      <ReportsScreen />
    </Suspense>
  );
}
