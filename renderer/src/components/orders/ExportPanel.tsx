// "Export CSV" for managers and owners: saves what the filters find (orders and their lines)
// where the person chooses; a progress bar while it runs, then where the file went.
import { useOrdersStore } from '../../stores/ordersStore';

export function ExportButton() {
  const exporting = useOrdersStore((s) => s.exporting);
  const loaded = useOrdersStore((s) => s.loaded);
  const exportCsv = useOrdersStore((s) => s.exportCsv);
  const running = exporting?.progress.state === 'running';
  return (
    <button type="button" className="btn btn--secondary btn--small" onClick={() => void exportCsv()} disabled={running || !loaded} aria-busy={running || undefined}>
      Export CSV
    </button>
  );
}

export function ExportStatus() {
  const exporting = useOrdersStore((s) => s.exporting);
  const exportError = useOrdersStore((s) => s.exportError);
  if (exportError) {
    return (
      <p className="history-export history-export--failed" role="alert">
        {exportError}
      </p>
    );
  }
  if (!exporting) return null;
  const { state, done, total, path, error } = exporting.progress;
  const n = (x: number) => x.toLocaleString('en-US');
  if (state === 'running') {
    return (
      <div className="history-export" role="status">
        <label className="history-export-label">
          {total > 0 ? `Saving ${n(done)} of ${n(total)} orders…` : 'Preparing the export…'}
          <progress className="history-progress" max={Math.max(total, 1)} value={total > 0 ? done : undefined} />
        </label>
      </div>
    );
  }
  if (state === 'done') {
    return (
      <p className="history-export history-export--done" role="status">
        Saved {n(done)} {done === 1 ? 'order' : 'orders'} to <span className="mono history-export-path">{path}</span>
      </p>
    );
  }
  if (state === 'failed') {
    return (
      <p className="history-export history-export--failed" role="alert">
        {error ?? 'The export could not be finished.'}
      </p>
    );
  }
  return null; // cancelled in the save dialog: nothing to say
}
