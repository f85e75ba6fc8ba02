// Import and export: the menu as CSV. Export downloads a file; import reads a file here, asks
// main for a dry run (what would be created, updated, archived, rejected — by row), then applies
// it all or nothing, with one undo.
import { useRef, useState, type ChangeEvent } from 'react';
import type { ImportChange } from '../../../../electron/shared/contract';
import { useMenuAdminStore } from '../../stores/menuAdminStore';
import { ErrorMessage } from '../ErrorMessage';

/** The same limit main has, said before the file is even read. */
const MAX_FILE_BYTES = 2_000_000;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A download through a blob: link (the app's CSP does not restrict downloads; Electron shows its save dialog). */
function download(filename: string, text: string): void {
  // A BOM so spreadsheet apps read ₱ and accents as UTF-8.
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error('read'));
    reader.readAsText(file, 'utf-8');
  });
}

export function ImportExportPanel({ onFlash }: { onFlash(m: string): void }) {
  const preview = useMenuAdminStore((s) => s.preview);
  const lastImport = useMenuAdminStore((s) => s.lastImport);
  const exportCsv = useMenuAdminStore((s) => s.exportCsv);
  const previewImport = useMenuAdminStore((s) => s.previewImport);
  const applyImport = useMenuAdminStore((s) => s.applyImport);
  const undoImport = useMenuAdminStore((s) => s.undoImport);
  const clearPreview = useMenuAdminStore((s) => s.clearPreview);
  const [busy, setBusy] = useState<null | 'export' | 'preview' | 'apply' | 'undo'>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  async function doExport() {
    setBusy('export');
    setError(null);
    const result = await exportCsv();
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    download(result.value.filename, result.value.csv);
    onFlash(`Exported the menu as ${result.value.filename}.`);
  }

  async function chooseFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again re-reads it
    if (!file) return;
    setError(null);
    onFlash('');
    clearPreview();
    setFileName(file.name);
    if (file.size > MAX_FILE_BYTES) return setError(`${file.name} is larger than 2 MB. Split it or remove unused columns.`);
    setBusy('preview');
    let text: string;
    try {
      text = await readFile(file);
    } catch {
      setBusy(null);
      return setError(`${file.name} could not be read. Save it again as CSV and try once more.`);
    }
    const result = await previewImport(text);
    setBusy(null);
    if (!result.ok) setError(result.error.message);
  }

  async function apply() {
    setBusy('apply');
    setError(null);
    const result = await applyImport();
    setBusy(null);
    if (!result.ok) setError(result.error.message);
    // Success is shown by the "Imported: …" box below, with its Undo.
  }

  async function undo() {
    setBusy('undo');
    setError(null);
    const result = await undoImport();
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    onFlash('The menu is back as it was before the import.');
  }

  const changes = preview ? preview.create.length + preview.update.length + preview.archive.length : 0;

  return (
    <section className="menu-panel-body" aria-labelledby="menu-io-title">
      <div className="panel-head">
        <h2 id="menu-io-title">Import and export</h2>
      </div>
      <div className="io-cards">
        <div className="io-card">
          <h3>Export</h3>
          <p className="muted">The whole menu as a CSV file: categories, items, modifier groups and options. Edit it in a spreadsheet and import it back; only what you changed changes.</p>
          <button type="button" className="btn btn--primary btn--large" onClick={() => void doExport()} disabled={busy !== null}>
            {busy === 'export' ? 'Exporting…' : 'Export menu (CSV)'}
          </button>
        </div>
        <div className="io-card">
          <h3>Import</h3>
          <p className="muted">Choose a CSV file. You will see what would change before anything is saved.</p>
          <input ref={fileRef} type="file" accept=".csv,text/csv" className="visually-hidden" aria-label="Menu CSV file" onChange={(e) => void chooseFile(e)} />
          <button type="button" className="btn btn--primary btn--large" onClick={() => fileRef.current?.click()} disabled={busy !== null}>
            {busy === 'preview' ? 'Reading…' : 'Choose a CSV file…'}
          </button>
          {fileName && <p className="small muted">File: {fileName}</p>}
        </div>
      </div>
      <ErrorMessage message={error} />
      {lastImport && (
        <div className="io-done" role="status">
          <p>
            Imported: {lastImport.created} created, {lastImport.updated} updated, {lastImport.archived} archived.
          </p>
          {lastImport.canUndo && (
            <button type="button" className="btn btn--secondary" onClick={() => void undo()} disabled={busy !== null}>
              {busy === 'undo' ? 'Undoing…' : 'Undo import'}
            </button>
          )}
        </div>
      )}
      {preview && (
        <section className="io-preview" aria-label="Import preview">
          <h3>Preview{fileName ? ` of ${fileName}` : ''}</h3>
          <ul className="io-counts">
            <li>
              <strong>{preview.create.length}</strong> to create
            </li>
            <li>
              <strong>{preview.update.length}</strong> to update
            </li>
            <li>
              <strong>{preview.archive.length}</strong> to archive
            </li>
            <li className={preview.rejected.length ? 'io-count--bad' : undefined}>
              <strong>{preview.rejected.length}</strong> rejected
            </li>
            <li>
              <strong>{preview.unchanged}</strong> unchanged
            </li>
          </ul>
          {preview.rejected.length > 0 && (
            <>
              <p className="alert" role="alert">
                <span className="alert-text">
                  {plural(preview.rejected.length, 'row')} cannot be imported. Fix {preview.rejected.length === 1 ? 'it' : 'them'} in the file and choose it again; nothing is saved until every row is right.
                </span>
              </p>
              <table className="io-table" aria-label="Rejected rows">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rejected.map((r) => (
                    <tr key={`${r.row}-${r.reason}`}>
                      <td className="num">{r.row}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <ChangeTable label="To create" rows={preview.create} />
          <ChangeTable label="To update" rows={preview.update} />
          <ChangeTable label="To archive" rows={preview.archive} />
          {changes === 0 && preview.rejected.length === 0 && <p className="success">Nothing to change: the menu already matches this file.</p>}
          <div className="dialog-buttons">
            <button type="button" className="btn btn--secondary btn--large" onClick={() => clearPreview()} disabled={busy !== null}>
              Cancel
            </button>
            <button type="button" className="btn btn--primary btn--large" onClick={() => void apply()} disabled={busy !== null || changes === 0 || preview.rejected.length > 0}>
              {busy === 'apply' ? 'Applying…' : `Apply ${plural(changes, 'change')}`}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}

const KIND_LABELS: Record<ImportChange['kind'], string> = { category: 'Category', item: 'Item', group: 'Group', option: 'Option' };

function ChangeTable({ label, rows }: { label: string; rows: ImportChange[] }) {
  if (rows.length === 0) return null;
  return (
    <details className="io-details" open>
      <summary>
        {label} ({rows.length})
      </summary>
      <div className="io-scroll">
        <table className="io-table" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">What</th>
              <th scope="col">Name</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}-${r.row}-${r.name}`}>
                <td className="num">{r.row}</td>
                <td>{KIND_LABELS[r.kind]}</td>
                <td>{r.name}</td>
                <td>{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
