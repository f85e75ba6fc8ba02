// The history screen's filter form → the contract's filters: the date presets from main's
// business day (weeks start on Monday), the one search box (order number or customer), and the
// amounts a person types.
import { describe, expect, test } from 'vitest';
import { EMPTY_FORM, isEmptyForm, presetDays, queryHint, readQuery, toFilters } from '../../renderer/src/components/orders/historyFilters';
import { orderFilters } from '../../electron/shared/contract';

describe('date presets count from main’s day', () => {
  test.each([
    ['2026-11-23', 'Monday', '2026-11-23'],
    ['2026-11-25', 'Wednesday', '2026-11-23'],
    ['2026-11-29', 'Sunday', '2026-11-23'],
    ['2026-03-01', 'Sunday, across a month', '2026-02-23'],
    ['2027-01-01', 'Friday, across a year', '2026-12-28'],
  ])('this week on %s (%s) starts on Monday %s', (today, _what, monday) => {
    expect(presetDays('week', today)).toEqual({ from: monday, to: today });
  });

  test('today, yesterday (across a month and a leap day), this month, custom, all', () => {
    expect(presetDays('today', '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    expect(presetDays('yesterday', '2026-12-01')).toEqual({ from: '2026-11-30', to: '2026-11-30' });
    expect(presetDays('yesterday', '2028-03-01')).toEqual({ from: '2028-02-29', to: '2028-02-29' });
    expect(presetDays('month', '2026-11-23')).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(presetDays('custom', '2026-11-23', { from: '2026-10-01', to: '' })).toEqual({ from: '2026-10-01' });
    expect(presetDays('all', '2026-11-23')).toEqual({});
  });
});

test('the search box: up to three digits or #n are order numbers, the receipt’s number too; anything else is a customer', () => {
  expect(readQuery(' 42 ')).toEqual({ number: '42' });
  expect(readQuery('#0042')).toEqual({ number: '#0042' });
  expect(readQuery('BC-T1-20261123-0042')).toEqual({ number: 'BC-T1-20261123-0042' });
  expect(readQuery('5678')).toEqual({ customer: '5678' }); // the end of a phone number
  expect(readQuery('0917 555')).toEqual({ customer: '0917 555' });
  expect(readQuery('Ána')).toEqual({ customer: 'Ána' });
  expect(readQuery('#42a')).toEqual({ customer: '#42a' });
  expect(readQuery('   ')).toEqual({});
  expect(queryHint('42')).toBe('Order number #42');
  expect(queryHint('0917-555')).toBe('Customer phone');
  expect(queryHint('ana')).toBe('Customer name or phone');
  // Whatever the box reads, the contract accepts it.
  for (const q of ['42', '#0042', 'BC-T1-20261123-0042', '5678', 'Ána', 'x'.repeat(80)]) expect(orderFilters.safeParse(readQuery(q)).success).toBe(true);
});

test('the form becomes filters, or field errors a person can fix', () => {
  expect(toFilters({ ...EMPTY_FORM, preset: 'yesterday', query: 'ana', tender: 'card', status: 'partlyRefunded', item: ' oat ', minTotal: '100', maxTotal: '250.50' }, '2026-11-23')).toEqual({
    filters: { customer: 'ana', from: '2026-11-22', to: '2026-11-22', tender: 'card', status: 'partlyRefunded', item: 'oat', minTotal: 10_000, maxTotal: 25_050 },
  });
  expect(toFilters({ ...EMPTY_FORM, minTotal: 'abc', maxTotal: '5' }, '2026-11-23')).toEqual({ errors: { minTotal: 'Enter an amount like 150 or 150.50' } });
  expect(toFilters({ ...EMPTY_FORM, minTotal: '10', maxTotal: '5' }, '2026-11-23')).toEqual({ errors: { maxTotal: 'The smallest total is more than the largest' } });
  expect(toFilters({ ...EMPTY_FORM, preset: 'custom', customFrom: '2026-11-20', customTo: '2026-11-01' }, null)).toEqual({ errors: { customTo: 'The end date is before the start date' } });
  expect(toFilters({ ...EMPTY_FORM, preset: 'custom', customFrom: '2026-11-01' }, null)).toEqual({ filters: { from: '2026-11-01' } });
  expect(isEmptyForm(EMPTY_FORM)).toBe(true);
  expect(isEmptyForm({ ...EMPTY_FORM, item: 'x' })).toBe(false);
});
