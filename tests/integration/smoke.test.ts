import { expect, test } from 'vitest';
import { makeSetUpCore, newRequestId } from '../support/testCore';

test('smoke: setup, add, checkout', async () => {
  const t = await makeSetUpCore();
  const menu = await t.must('menu.list', {});
  const latte = menu.flatMap((c) => c.items).find((i) => i.name === 'Latte')!;
  await t.must('cart.addItem', { menuItemId: latte.id });
  const cart = await t.must('cart.addItem', { menuItemId: latte.id });
  expect(cart.lines[0]!.quantity).toBe(2);
  const result = await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 50000 }] });
  console.log(result);
  t.close();
});
