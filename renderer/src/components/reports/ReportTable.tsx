// A report's numbers as a real table (caption, column headers), optionally with a bar under each
// row's name sized by one of its figures: the picture and the numbers in one place, readable by
// a screen reader (the bar is decorative) and on paper.
import { useId, useState, type ReactNode } from 'react';

export interface Column<T> {
  label: string;
  /** Right-aligned figures. */
  num?: boolean;
  cell(row: T): ReactNode;
}

interface ReportTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey(row: T, index: number): string;
  /** Draw a bar under the first cell, sized by this figure against the largest. */
  bar?(row: T): number;
  /** Show this many rows, with a button for the rest. */
  limit?: number;
  /** Said instead of an empty table. */
  empty: string;
  className?: string;
}

export function ReportTable<T>({ caption, columns, rows, rowKey, bar, limit, empty, className }: ReportTableProps<T>) {
  const [all, setAll] = useState(false);
  const id = useId();
  if (rows.length === 0) return <p className="muted rpt-empty">{empty}</p>;
  const shown = !limit || all ? rows : rows.slice(0, limit);
  const max = bar ? Math.max(0, ...rows.map(bar)) : 0;
  return (
    <>
      <table className={`rpt-table${className ? ` ${className}` : ''}`} id={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) => (
            <tr key={rowKey(row, i)}>
              {columns.map((c, ci) => {
                const content = c.cell(row);
                if (ci === 0) {
                  const share = bar && max > 0 ? Math.max(0, bar(row)) / max : 0;
                  return (
                    <th key={c.label} scope="row" className="rpt-row-name">
                      {content}
                      {bar && (
                        <span className="rpt-bar" aria-hidden="true">
                          <span className="rpt-bar-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
                        </span>
                      )}
                    </th>
                  );
                }
                return (
                  <td key={c.label} className={c.num ? 'num' : undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {limit && rows.length > limit && (
        <button type="button" className="btn btn--ghost btn--small rpt-more" aria-controls={id} aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? `Show the top ${limit}` : `Show all ${rows.length}`}
        </button>
      )}
    </>
  );
}

/** One part of the report: a heading, what it shows, and the table (and chart). */
export function ReportSection({ title, hint, actions, children, className }: { title: string; hint?: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`rpt-section${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <div className="rpt-section-head">
        <div>
          <h3 id={id} className="rpt-section-title">
            {title}
          </h3>
          {hint && <p className="muted rpt-section-hint">{hint}</p>}
        </div>
        {actions && <div className="rpt-section-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
