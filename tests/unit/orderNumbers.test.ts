import { expect, test } from 'vitest';
import { shopCodeFor } from '../../electron/accounts/setupService';
import { percentToBasisPoints } from '../../electron/shared/money';
import { isTrivialPin, shortOrderNumber } from '../../electron/shared/contract';
import { businessDayOf, formatOrderNumber } from '../../electron/orders/orderNumbers';

test('business day: the shop-local date minus the day start', () => {
  const start = 4 * 60;
  expect(businessDayOf(Date.UTC(2026, 10, 23, 1, 30), 'Asia/Manila', start)).toBe('2026-11-23'); // 09:30
  expect(businessDayOf(Date.UTC(2026, 10, 23, 19, 59), 'Asia/Manila', start)).toBe('2026-11-23'); // 03:59 next day
  expect(businessDayOf(Date.UTC(2026, 10, 23, 20, 0), 'Asia/Manila', start)).toBe('2026-11-24'); // 04:00
  expect(businessDayOf(Date.UTC(2026, 10, 23, 3, 0), 'America/New_York', start)).toBe('2026-11-22'); // 22:00 on the 22nd
});

test('order numbers', () => {
  expect(formatOrderNumber('BC', 'T1', '2026-11-23', 7)).toBe('BC-T1-20261123-0007');
  expect(shortOrderNumber('BC-T1-20261123-0007')).toBe('#007');
  expect(shortOrderNumber('BC-T1-20261123-0123')).toBe('#123');
  expect(shortOrderNumber('BC-T1-20261123-1234')).toBe('#1234');
});

test('shop codes and tax rates from the setup form', () => {
  expect(shopCodeFor('Brews & Chews')).toBe('BC');
  expect(shopCodeFor('Brewline')).toBe('BREW');
  expect(shopCodeFor('Café Uno Dos Tres Cuatro')).toBe('CUDT');
  expect(shopCodeFor('☕')).toBe('SHOP');
  expect(percentToBasisPoints('12')).toBe(1200);
  expect(percentToBasisPoints('7.5')).toBe(750);
  expect(percentToBasisPoints('8.25')).toBe(825);
  expect(percentToBasisPoints('0')).toBe(0);
});

test('trivial PINs', () => {
  for (const pin of ['000000', '111111', '123456', '654321', '890123', '121212', '123123']) expect(isTrivialPin(pin)).toBe(true);
  for (const pin of ['482913', '730516', '102938']) expect(isTrivialPin(pin)).toBe(false);
});
