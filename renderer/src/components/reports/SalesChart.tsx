// Net sales per bucket as bars, drawn by uPlot on a canvas (no injected <style>, no eval: safe
// under the app's CSP). The canvas is a picture only; the same numbers are in the table below it
// and in the line over it for the bar under the pointer.
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SalesReport } from '../../../../electron/shared/contract';
import { formatMoney } from '../../format';
import { axisMoney, countWords } from './reportFormat';
import './charts.css';

type Series = SalesReport['series'];

// Canvas cannot read CSS variables: the theme's accent, ink-2 and surface-3 (styles.css :root).
const BAR = '#b5621b';
const INK_2 = '#54402f';
const GRID = '#e6d7c3';

/** Steps between labelled bars: whole buckets only, in the units people count in (hours of a day, days of a week). */
const X_STEPS = [1, 2, 3, 4, 6, 7, 12, 14, 24, 28, 48, 56, 96, 168, 336];

function rootFontPx(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 17;
}

/** The page's base font size, which grows on big screens (styles.css): canvas text follows it. */
function useRootFontPx(): number {
  const [px, setPx] = useState(rootFontPx);
  useEffect(() => {
    const update = () => setPx(rootFontPx());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return px;
}

/** Print at a page's width (ResizeObserver does not run between "print" and the snapshot). */
const PRINT_WIDTH = 680;

export function SalesChart({ report }: { report: SalesReport }) {
  const host = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const basePx = useRootFontPx();
  const { series, currency } = report;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const fontPx = Math.round(basePx * 0.78);
    const font = `${fontPx}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
    const labels = series.map((s) => s.label);
    const longest = labels.reduce((n, l) => Math.max(n, l.length), 0);
    const n = series.length;
    const nets = series.map((s) => s.net / 100);
    const size = () => ({ width: Math.max(200, el.clientWidth), height: Math.max(160, el.clientHeight) });

    const plot = new uPlot(
      {
        ...size(),
        legend: { show: false },
        cursor: { y: false, points: { show: false }, drag: { x: false, y: false, setScale: false } },
        scales: {
          x: { time: false, range: () => [-0.5, Math.max(0.5, n - 0.5)] },
          y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1] },
        },
        axes: [
          {
            font,
            stroke: INK_2,
            grid: { show: false },
            ticks: { show: true, stroke: GRID, size: 6 },
            incrs: X_STEPS,
            space: Math.max(40, longest * fontPx * 0.62 + 16),
            values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (labels[i] ?? '') : '')),
          },
          {
            font,
            stroke: INK_2,
            grid: { stroke: GRID, width: 1 },
            ticks: { show: false },
            size: fontPx * 6,
            values: (_u, splits) => splits.map((v) => axisMoney(v, currency)),
          },
        ],
        series: [
          {},
          {
            label: 'Net sales',
            stroke: BAR,
            fill: BAR,
            width: 0,
            points: { show: false },
            paths: uPlot.paths.bars!({ size: [0.72, 90], align: 0 }),
          },
        ],
        hooks: {
          setCursor: [(u) => setHover(u.cursor.idx ?? null)],
        },
      },
      [series.map((_, i) => i), nets],
      el,
    );

    const resize = new ResizeObserver(() => plot.setSize(size()));
    resize.observe(el);
    const beforePrint = () => plot.setSize({ width: PRINT_WIDTH, height: Math.max(160, el.clientHeight) });
    const afterPrint = () => plot.setSize(size());
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      resize.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      plot.destroy();
      setHover(null);
    };
  }, [series, currency, basePx]);

  const best = series.reduce<Series[number] | null>((b, s) => (s.net > (b?.net ?? 0) ? s : b), null);
  const shown = hover !== null ? series[hover] : undefined;
  return (
    <figure className="sales-chart">
      <p className="sales-chart-readout">
        {shown ? (
          <>
            <strong>{shown.label}</strong>: {formatMoney(shown.net, currency)} net · {countWords(shown.orders, 'order')}
          </>
        ) : best ? (
          <>
            Best: <strong>{best.label}</strong>, {formatMoney(best.net, currency)} net · {countWords(best.orders, 'order')}
          </>
        ) : (
          'No sales in this period.'
        )}
      </p>
      <div ref={host} className="sales-chart-plot" role="img" aria-label="Bar chart of net sales over time; the numbers are in the table below." />
    </figure>
  );
}
