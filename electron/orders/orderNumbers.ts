// Human order numbers: SHOP-TERM-YYYYMMDD-NNNN, from a per-terminal, per-business-day counter
// bumped inside the checkout transaction (unique without a network round trip).

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The business day (YYYY-MM-DD) an instant belongs to: the shop-local date of (instant − day
 * start), so a sale at 01:30 with a 04:00 day start counts for the evening before. Around a DST
 * change the cut-over may be off by the shift, which only matters for shops open at 02:00–03:00.
 */
export function businessDayOf(at: number, timeZone: string, dayStartMinutes: number): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(at - dayStartMinutes * 60_000));
}

export function formatOrderNumber(shopCode: string, terminalCode: string, businessDay: string, seq: number): string {
  return `${shopCode}-${terminalCode}-${businessDay.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

// ---------- the shop's local time ----------

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/** zone → quarter-hour slot (UTC) → the zone's offset in ms: every offset and every DST change falls on a quarter hour. */
const offsets = new Map<string, Map<number, number>>();
const QUARTER_HOUR = 900_000;

/** The zone's offset from UTC in ms at `at` (Asia/Manila: +8 h), read from Intl once per quarter hour and zone. */
export function zoneOffsetOf(at: number, timeZone: string): number {
  let slots = offsets.get(timeZone);
  if (!slots || slots.size > 100_000) offsets.set(timeZone, (slots = new Map()));
  const slot = Math.floor(at / QUARTER_HOUR);
  let offset = slots.get(slot);
  if (offset === undefined) {
    let format = offsetFormats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
      offsetFormats.set(timeZone, format);
    }
    const start = slot * QUARTER_HOUR;
    const parts = format.formatToParts(new Date(start));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    offset = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - start;
    slots.set(slot, offset);
  }
  return offset;
}

/** The shop-local hour (0–23) of an instant: the hour a sale was rung up, for the reports' hour × weekday. */
export function localHourOf(at: number, timeZone: string): number {
  const local = at + zoneOffsetOf(at, timeZone);
  return ((Math.floor(local / 3_600_000) % 24) + 24) % 24;
}
