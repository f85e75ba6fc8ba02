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
