// CSV cells a spreadsheet cannot run: every CSV the app writes (menu, order and report exports)
// passes its cells through here, and the menu import reverses it.

import { toMoneyInput, type Minor } from '../shared/money';

/** A money cell: plain digits with the currency's decimals ("-10.00"), which every spreadsheet reads as a number. */
export const csvMoney = (m: Minor): string => (m < 0 ? `-${toMoneyInput(-m)}` : toMoneyInput(m));

// Formula injection (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A cell a spreadsheet would run as a formula gets a leading quote. Our own numbers ("-10.00")
 * cannot run and stay numbers. A cell that already starts with a quote gets one more, so the
 * import's "drop one quote" gives back exactly what was stored.
 */
export function neutralise(cell: string): string {
  if (PLAIN_NUMBER.test(cell)) return cell;
  return FORMULA_START.test(cell) || cell.startsWith("'") ? `'${cell}` : cell;
}

/** The inverse of neutralise: one leading quote before a formula character or a quote is dropped. */
export function unneutralise(cell: string): string {
  return cell.length > 1 && cell.startsWith("'") && (FORMULA_START.test(cell.slice(1)) || cell[1] === "'") ? cell.slice(1) : cell;
}
