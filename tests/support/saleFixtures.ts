// A latte in the cart, a paid order: the first steps of many channel cases.
import { newRequestId, type TestCore } from './testCore';

export const latteId = async (t: TestCore) => (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === 'Latte')!.id;
export const lineId = async (t: TestCore) => (await t.must('cart.addItem', { menuItemId: await latteId(t) })).lines[0]!.id;

/** A latte paid in cash by the person on window-1. */
export const paidOrderId = async (t: TestCore) => {
  await lineId(t);
  return (await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 50000 }] })).order.id;
};
