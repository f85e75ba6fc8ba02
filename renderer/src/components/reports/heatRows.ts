// Which rows the busy-hours heatmap shows, in which order (pure, so it is unit-tested).

/**
 * The hours to show, in the shop's own order: the longest stretch of hours with no sale (the
 * night) is left out and the list starts after it, so a bar open until 02:00 reads 07:00 … 01:00
 * rather than starting at midnight.
 */
export function busyHours(withSales: ReadonlySet<number>): number[] {
  if (withSales.size === 0) return [];
  let gapStart = 0;
  let gapLength = 0;
  for (let start = 0; start < 24; start++) {
    if (withSales.has(start) || !withSales.has((start + 23) % 24)) continue; // a gap starts right after a busy hour
    let length = 0;
    while (length < 24 && !withSales.has((start + length) % 24)) length++;
    if (length > gapLength) [gapStart, gapLength] = [start, length];
  }
  const first = (gapStart + gapLength) % 24;
  return Array.from({ length: 24 - gapLength }, (_, i) => (first + i) % 24);
}

export type HeatRow = { kind: 'hour'; hour: number } | { kind: 'quiet'; from: number; to: number };

/** Three or more hours in a row with no sale (a lull, a night) read as one "No sales" row: less scrolling past empty cells. */
const QUIET_RUN = 3;

export function heatRows(hours: number[], busy: ReadonlySet<number>): HeatRow[] {
  const rows: HeatRow[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length >= QUIET_RUN) rows.push({ kind: 'quiet', from: run[0]!, to: run[run.length - 1]! });
    else rows.push(...run.map((hour) => ({ kind: 'hour' as const, hour })));
    run = [];
  };
  for (const hour of hours) {
    if (busy.has(hour)) {
      flush();
      rows.push({ kind: 'hour', hour });
    } else run.push(hour);
  }
  flush();
  return rows;
}
