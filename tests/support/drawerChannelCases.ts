// Channel cases of the shift, drawer, Z report and refund channels (issue 9), in channelCases.ts's
// table: happy input on a set-up core with an open shift, and inputs validation must refuse.
import type { refundChannels } from '../../electron/shared/contract/refunds';
import type { shiftChannels } from '../../electron/shared/contract/shifts';
import type { Case } from './channelCases';
import { paidOrderId } from './saleFixtures';
import { newRequestId, OWNER, type TestCore } from './testCore';

type DrawerChannel = keyof typeof shiftChannels | keyof typeof refundChannels;

// Shifts: makeSetUpCore opens one with no float, so a count of 0 closes it without a variance.
const openShiftId = async (t: TestCore) => (await t.must('shifts.current', {})).shift!.id;
const closedZReportId = async (t: TestCore) => {
  const shiftId = await openShiftId(t);
  await t.must('shifts.count', { shiftId, count: { amount: 0 } });
  return (await t.must('shifts.close', { shiftId, leftInDrawer: 0 })).id;
};
const drawerInput = { cashNeedsShift: true, varianceTolerance: 500, refundLimit: 50_000 };

// Refunds: a refund of one latte of a paid order, and one already issued (by the owner).
const refundOfOneLatte = async (t: TestCore) => {
  const order = await t.must('orders.get', { orderId: await paidOrderId(t) });
  return { orderId: order.id, what: { kind: 'lines' as const, lines: [{ lineId: order.lines[0]!.id, quantity: 1 }] }, tender: 'original' as const };
};
const issuedRefundId = async (t: TestCore) =>
  (await t.must('refunds.issue', { ...(await refundOfOneLatte(t)), requestId: newRequestId(), reason: 'Too cold' })).refund.id;

export const drawerCases: { [C in DrawerChannel]: Case<C> } = {
  'cart.payment': { happy: async () => ({ state: 'open' }), bad: [{}, { state: 'maybe' }, { state: 'open', orderId: 'x' }] },
  'shifts.current': { happy: async () => ({}), bad: [{ terminalId: 'x' }] },
  'shifts.open': {
    happy: async (t) => {
      await closedZReportId(t);
      return { requestId: newRequestId(), float: { counts: [{ value: 100000, count: 2 }, { value: 2000, count: 5 }] } };
    },
    bad: [
      {},
      { requestId: 'not-a-uuid', float: { amount: 0 } },
      { requestId: newRequestId(), float: {} },
      { requestId: newRequestId(), float: { amount: 100, counts: [] } },
      { requestId: newRequestId(), float: { amount: -1 } },
      { requestId: newRequestId(), float: { amount: 10.5 } },
      { requestId: newRequestId(), float: { counts: [{ value: 100, count: -1 }] } },
      { requestId: newRequestId(), float: { counts: [{ value: 100, count: 1.5 }] } },
      // Not a peso note or coin, and the same note twice (refused by the service, as VALIDATION).
      { requestId: newRequestId(), float: { counts: [{ value: 300, count: 1 }] } },
      { requestId: newRequestId(), float: { counts: [{ value: 100, count: 1 }, { value: 100, count: 2 }] } },
    ],
  },
  'shifts.move': {
    happy: async () => ({ requestId: newRequestId(), kind: 'pay_in', amount: 50_000, reason: 'Change from the bank' }),
    bad: [
      { requestId: newRequestId(), kind: 'refund', amount: 100, reason: 'Because' },
      { requestId: newRequestId(), kind: 'pay_in', amount: 100, reason: '' },
      { requestId: newRequestId(), kind: 'pay_in', amount: 100, reason: 'ab\ud800' },
      { requestId: newRequestId(), kind: 'pay_in', amount: -100, reason: 'Because' },
      { requestId: newRequestId(), kind: 'pay_in', amount: 1.5, reason: 'Because' },
      { requestId: newRequestId(), kind: 'pay_in', amount: 0, reason: 'Because' },
      { requestId: newRequestId(), kind: 'no_sale', amount: 500, reason: 'Because' },
      { requestId: newRequestId(), kind: 'pay_out', amount: 100, reason: 'Milk', category: 'x'.repeat(41) },
      { kind: 'pay_in', amount: 100, reason: 'Because' },
    ],
  },
  'shifts.voidMovement': {
    happy: async (t) => {
      const state = await t.must('shifts.move', { requestId: newRequestId(), kind: 'pay_in', amount: 50_000, reason: 'Change from the bank' });
      return { requestId: newRequestId(), movementId: state.shift!.movements[0]!.id, reason: 'Entered twice' };
    },
    bad: [{ requestId: newRequestId(), movementId: '', reason: 'Entered twice' }, { requestId: newRequestId(), movementId: 'x', reason: '' }, { movementId: 'x', reason: 'Entered twice' }],
  },
  'shifts.xReport': { happy: async () => ({}), bad: [{ shiftId: 'x' }] },
  'shifts.count': {
    happy: async (t) => ({ shiftId: await openShiftId(t), count: { counts: [{ value: 100, count: 0 }] } }),
    bad: [
      { shiftId: 'x' },
      { shiftId: '', count: { amount: 0 } },
      { shiftId: 'x', count: { amount: 0, counts: [] } },
      { shiftId: 'x', count: { counts: Array.from({ length: 31 }, () => ({ value: 100, count: 1 })) } },
      { shiftId: 'x', count: { counts: [{ value: 3, count: 1 }] } },
    ],
  },
  'shifts.close': {
    happy: async (t) => {
      const shiftId = await openShiftId(t);
      await t.must('shifts.count', { shiftId, count: { amount: 0 } });
      return { shiftId, leftInDrawer: 0 };
    },
    bad: [{ shiftId: 'x' }, { shiftId: 'x', leftInDrawer: -1 }, { shiftId: 'x', leftInDrawer: 0, approvalId: 'nope' }, { shiftId: 'x', leftInDrawer: 0, varianceReason: 'x'.repeat(201) }],
  },
  'zreports.list': { happy: async (t) => (await closedZReportId(t), {}), bad: [{ before: 5 }, { before: 'not a cursor' }] },
  'zreports.get': { happy: async (t) => ({ id: await closedZReportId(t) }), bad: [{}, { id: '' }, { id: 7 }] },
  'zreports.print': { happy: async (t) => ({ id: await closedZReportId(t) }), bad: [{}, { id: '' }] },
  'zreports.savePdf': { happy: async (t) => ({ id: await closedZReportId(t) }), bad: [{}, { id: null }] },
  'settings.drawer': { happy: async () => ({}), bad: [{ all: true }] },
  'settings.updateDrawer': {
    happy: async () => drawerInput,
    bad: [{}, { ...drawerInput, cashNeedsShift: 'yes' }, { ...drawerInput, varianceTolerance: -1 }, { ...drawerInput, varianceTolerance: 100_000_01 }, { ...drawerInput, refundLimit: 0.5 }],
  },
  'refunds.preview': {
    happy: async (t) => refundOfOneLatte(t),
    bad: [
      {},
      { orderId: 'x', what: { kind: 'everything' }, tender: 'original' },
      { orderId: 'x', what: { kind: 'all' }, tender: 'gift card' },
      { orderId: 'x', what: { kind: 'amount', amount: 0 }, tender: 'original' },
      { orderId: 'x', what: { kind: 'amount', amount: 10.5 }, tender: 'original' },
      { orderId: 'x', what: { kind: 'lines', lines: [] }, tender: 'original' },
      { orderId: 'x', what: { kind: 'lines', lines: [{ lineId: 'a', quantity: 0 }] }, tender: 'original' },
      { orderId: 'x', what: { kind: 'lines', lines: [{ lineId: 'a', quantity: 1 }, { lineId: 'a', quantity: 1 }] }, tender: 'original' },
    ],
  },
  'refunds.issue': {
    happy: async (t) => {
      const what = await refundOfOneLatte(t);
      const input = { ...what, requestId: newRequestId(), reason: 'Too cold' };
      // The permission matrix signs barista Ben in: a barista refunds with a manager's approval, bound to this refund.
      if (!t.core.services.sessions.get('ben')) return input;
      const { amount } = await t.must('refunds.preview', what);
      const params = { orderId: what.orderId, amount, tender: what.tender };
      const { approvalId } = await t.must('override.approve', { username: OWNER.username, pin: OWNER.pin, action: 'order.refund', params }, 'ben');
      return { ...input, approvalId };
    },
    bad: [
      { requestId: 'not-a-uuid', orderId: 'x', what: { kind: 'all' }, tender: 'original', reason: 'Too cold' },
      { requestId: newRequestId(), orderId: 'x', what: { kind: 'all' }, tender: 'original', reason: '' },
      { requestId: newRequestId(), orderId: 'x', what: { kind: 'all' }, tender: 'original', reason: 'ab\ud800' },
      { requestId: newRequestId(), orderId: 'x', what: { kind: 'all' }, tender: 'original', reason: 'r'.repeat(201) },
      { requestId: newRequestId(), orderId: 'x', what: { kind: 'all' }, tender: 'original', reason: 'Too cold', approvalId: 'nope' },
      { requestId: newRequestId(), orderId: 'x', what: { kind: 'amount', amount: -1 }, tender: 'original', reason: 'Too cold' },
      { requestId: newRequestId(), orderId: 'x', tender: 'original', reason: 'Too cold' },
    ],
  },
  'refunds.receipt': { happy: async (t) => ({ refundId: await issuedRefundId(t) }), bad: [{}, { refundId: '' }, { refundId: 5 }] },
  'refunds.print': { happy: async (t) => ({ refundId: await issuedRefundId(t) }), bad: [{}, { refundId: null }, { refundId: 'x'.repeat(65) }] },
};
