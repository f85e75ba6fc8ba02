// When the shop is busy: a table of hours (rows, in the shop's day order, quiet stretches folded;
// see heatRows.ts) by weekday (columns, Monday first), each cell shaded by its orders and showing its orders and
// net, so the picture and the numbers are the same table (readable on paper and by a screen
// reader; the shade is only a help, never the only way to read a cell).
import type { Currency, SalesReport } from '../../../../electron/shared/contract';
import { formatMoney } from '../../format';
import { busyHours, heatRows } from './heatRows';
import { WEEKDAY_NAMES, WEEKDAYS, hourLabel } from './periods';
import { countWords } from './reportFormat';
import './charts.css';

/** Shades 1–5 (classes in charts.css): a class, not an inline colour, so it prints with the page's own styles. */
const LEVELS = 5;

type Cell = SalesReport['heatmap'][number];

function HourRow({ hour, byKey, most, currency }: { hour: number; byKey: ReadonlyMap<string, Cell>; most: number; currency: Currency }) {
  return (
    <tr>
      <th scope="row" className="heatmap-hour">
        {hourLabel(hour)}
      </th>
      {WEEKDAYS.map((d, wd) => {
        const c = byKey.get(`${wd}:${hour}`);
        if (!c) return <td key={d} className="heat heat--0" />;
        const level = Math.max(1, Math.ceil((c.orders / most) * LEVELS));
        const words = `${WEEKDAY_NAMES[wd]} ${hourLabel(hour)}–${hourLabel((hour + 1) % 24)}: ${countWords(c.orders, 'order')}, ${formatMoney(c.net, currency)} net`;
        return (
          <td key={d} className={`heat heat--${level}`} title={words}>
            <span className="heat-orders">{countWords(c.orders, 'order')}</span>
            <span className="heat-net">{formatMoney(c.net, currency)}</span>
          </td>
        );
      })}
    </tr>
  );
}

export function Heatmap({ report }: { report: SalesReport }) {
  const cells = report.heatmap;
  if (cells.length === 0) return <p className="muted rpt-empty">No sales in this period.</p>;
  const byKey = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
  const busy = new Set(cells.map((c) => c.hour));
  const rows = heatRows(busyHours(busy), busy);
  const most = Math.max(...cells.map((c) => c.orders));

  return (
    <div className="heatmap-wrap">
      <table className="heatmap">
        <caption className="visually-hidden">Orders and net sales by hour and weekday</caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap-corner">
              Hour
            </th>
            {WEEKDAYS.map((d, i) => (
              <th key={d} scope="col">
                <abbr title={WEEKDAY_NAMES[i]}>{d}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) =>
            row.kind === 'quiet' ? (
              <tr key={`quiet-${row.from}`} className="heatmap-quiet">
                <th scope="row" className="heatmap-hour">
                  {hourLabel(row.from)}–{hourLabel((row.to + 1) % 24)}
                </th>
                <td colSpan={WEEKDAYS.length}>No sales</td>
              </tr>
            ) : (
              <HourRow key={row.hour} hour={row.hour} byKey={byKey} most={most} currency={report.currency} />
            ),
          )}
        </tbody>
      </table>
      <p className="heatmap-key muted" aria-hidden="true">
        <span>Quieter</span>
        {Array.from({ length: LEVELS }, (_, i) => (
          <span key={i} className={`heat-swatch heat--${i + 1}`} />
        ))}
        <span>Busier</span>
      </p>
    </div>
  );
}
