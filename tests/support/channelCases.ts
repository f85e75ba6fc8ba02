// Per-channel inputs shared by the channel tests and the permission-matrix test. Typed over the
// contract: a new channel does not compile until it has its cases here.
import type { Channel, ChannelInput } from '../../electron/shared/contract';
import { drawerCases } from './drawerChannelCases';
import { latteId, lineId, paidOrderId } from './saleFixtures';

export { latteId };
import { WHIP_GROUP } from './menuFixtures';
import { addStaff, newRequestId, OWNER, setupInput, STAFF_PIN, type TestCore } from './testCore';

export interface Case<C extends Channel> {
  /** Prepares the core (signed-in owner unless `fresh`) and returns a valid input. */
  happy: (t: TestCore) => Promise<ChannelInput<C>>;
  fresh?: boolean;
  /** Inputs that must be refused by validation. */
  bad: unknown[];
}


const baristaId = async (t: TestCore) => (await addStaff(t, 'barista', 'bea')).id;

/** A report's period refused: reversed, not on the calendar, longer than three years, malformed; `bucket` only where the channel takes one. */
const reportBadInputs = (bucketed: boolean): unknown[] => [
  {},
  { from: '2026-11-24', to: '2026-11-23' },
  { from: '2026-02-30', to: '2026-03-01' },
  { from: '2023-01-01', to: '2026-11-23' },
  { from: '2026-11-23' },
  { from: '23/11/2026', to: '2026-11-23' },
  { from: '2026-11-23', to: '2026-11-23', bucket: bucketed ? 'year' : 'day' },
  { from: '2026-11-23', to: '2026-11-23', path: '/etc/passwd' },
];



export const cases: { [C in Channel]: Case<C> } = {
  ...drawerCases,
  'cart.addBySku': {
    happy: async (t) => ({ sku: (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === 'Croissant')!.sku! }),
    bad: [{}, { sku: '' }, { sku: 'x'.repeat(65) }, { sku: 42 }],
  },
  'cart.setLineNote': { happy: async (t) => ({ lineId: await lineId(t), note: 'extra hot' }), bad: [{ lineId: 'x' }, { lineId: 'x', note: 'n'.repeat(141) }] },
  'cart.setLineDiscount': {
    happy: async (t) => ({ lineId: await lineId(t), discount: { kind: 'amount', value: 500 }, reason: 'Spilled' }),
    bad: [{ lineId: 'x', discount: { kind: 'percent', value: 20_000 } }, { lineId: 'x' }, { lineId: 'x', discount: null, approvalId: 'nope' }],
  },
  'cart.setDetails': {
    happy: async () => ({ contactName: 'Ana', contactPhone: '+63 917 000 0000', specialInstructions: 'Less ice' }),
    bad: [{ contactPhone: 'call me maybe' }, { contactName: 'x'.repeat(121) }, { table: 4 }],
  },
  'cart.park': {
    happy: async (t) => {
      await lineId(t);
      return { name: 'Ana' };
    },
    bad: [{ name: '' }, {}, { name: 'x'.repeat(61) }],
  },
  'cart.parked': { happy: async () => ({}), bad: [{ all: true }] },
  'cart.resume': {
    happy: async (t) => {
      await lineId(t);
      await t.must('cart.park', { name: 'Ana' });
      return { cartId: (await t.must('cart.parked', {}))[0]!.id };
    },
    bad: [{}, { cartId: '' }],
  },
  'orders.queue': { happy: async () => ({}), bad: [{ status: 'all' }] },
  'orders.advance': {
    happy: async (t) => ({ orderId: await paidOrderId(t), from: 'pending' }),
    bad: [{ orderId: 'x', from: 'completed' }, { orderId: 'x' }, { orderId: 'x', from: 'nowhere' }],
  },
  'orders.cancel': {
    happy: async (t) => ({ orderId: await paidOrderId(t), reason: 'Customer left' }),
    bad: [{ orderId: 'x', reason: '' }, { orderId: 'x' }, { orderId: 'x', reason: 'Customer left', approvalId: 'not-a-uuid' }],
  },
  'receipts.get': { happy: async (t) => ({ orderId: await paidOrderId(t) }), bad: [{}, { orderId: 5 }] },
  'receipts.print': { happy: async (t) => ({ orderId: await paidOrderId(t) }), bad: [{}, { orderId: '' }] },
  'receipts.savePdf': { happy: async (t) => ({ orderId: await paidOrderId(t) }), bad: [{}, { orderId: null }] },
  'receipts.printers': { happy: async () => ({}), bad: [{ refresh: 1 }] },
  'settings.updateShop': {
    happy: async () => ({
      name: 'Brews & Chews Too',
      taxRatePercent: '12',
      pricesIncludeTax: true,
      businessDayStart: '05:30',
      receiptFooter: 'Salamat!',
      silentPrint: true,
      printerName: 'EPSON TM-T82',
    }),
    bad: [
      { name: 'x', taxRatePercent: '12', pricesIncludeTax: true, businessDayStart: '25:00', receiptFooter: '', silentPrint: false, printerName: '' },
      { name: '', taxRatePercent: '12', pricesIncludeTax: true, businessDayStart: '04:00', receiptFooter: '', silentPrint: false, printerName: '' },
      { name: 'x', taxRatePercent: 'twelve', pricesIncludeTax: true, businessDayStart: '04:00', receiptFooter: '', silentPrint: false, printerName: '' },
    ],
  },
  'auth.changePassword': {
    happy: async () => ({ currentPassword: OWNER.password, newPassword: 'a brand new passphrase' }),
    bad: [{ currentPassword: OWNER.password, newPassword: 'short' }, { newPassword: 'a brand new passphrase' }],
  },
  'auth.changePin': {
    happy: async () => ({ currentPin: OWNER.pin, newPin: '604817' }),
    bad: [{ currentPin: OWNER.pin, newPin: '111111' }, { currentPin: OWNER.pin, newPin: '12345' }, { currentPin: 'abc', newPin: '604817' }],
  },
  'override.approve': {
    happy: async (t) => {
      await addStaff(t, 'manager', 'max');
      return { username: 'max', pin: STAFF_PIN, action: 'discount.overLimit', params: { scope: 'order', kind: 'percent', value: 1000 } };
    },
    bad: [
      { username: 'max', pin: STAFF_PIN, action: 'refund.everything' },
      { username: 'max', action: 'discount.overLimit' },
      { username: 'max', pin: STAFF_PIN, action: 'discount.overLimit' }, // what is approved must be said
      { username: 'max', pin: STAFF_PIN, action: 'discount.overLimit', params: { scope: 'order', kind: 'percent', value: 10_001 } },
      { username: 'max', pin: STAFF_PIN, action: 'order.cancelPaid', params: { scope: 'order', kind: 'percent', value: 1000 } },
    ],
  },
  'staff.list': { happy: async () => ({}), bad: [{ includeInactive: true }] },
  'staff.create': {
    happy: async () => ({ username: 'bea', firstName: 'Bea', lastName: 'Cruz', role: 'barista', pin: '730516', email: 'bea@example.com', profile: { favoriteDrink: 'Flat White' } }),
    bad: [
      { username: 'bea', firstName: 'Bea', lastName: '', role: 'barista', pin: '123456' },
      { username: 'bea', firstName: 'Bea', lastName: '', role: 'king', pin: '730516' },
      { username: 'bea', firstName: 'Bea', lastName: '', role: 'manager', pin: '730516', password: 'short' },
      { username: 'bea', firstName: 'Bea', lastName: '', role: 'barista', pin: '730516', email: 'not-an-email' },
      { username: 'bea', firstName: '', lastName: '', role: 'barista', pin: '730516' },
    ],
  },
  'staff.update': {
    happy: async (t) => ({ userId: await baristaId(t), lastName: 'Santos', profile: { bio: 'Latte art champion' } }),
    bad: [{ lastName: 'x' }, { userId: 'x', role: 'emperor' }, { userId: 'x', email: 'nope' }],
  },
  'staff.setActive': { happy: async (t) => ({ userId: await baristaId(t), active: false }), bad: [{ userId: 'x' }, { userId: 'x', active: 'no' }] },
  'staff.resetPin': { happy: async (t) => ({ userId: await baristaId(t), pin: '604817' }), bad: [{ userId: 'x', pin: '000000' }, { userId: 'x' }] },
  'staff.resetPassword': {
    happy: async (t) => ({ userId: await baristaId(t), password: 'a fresh long password' }),
    bad: [{ userId: 'x', password: 'tiny' }],
  },
  'staff.unlock': { happy: async (t) => ({ userId: await baristaId(t) }), bad: [{}, { userId: '' }] },
  'settings.get': { happy: async () => ({}), bad: [{ section: 'all' }] },
  'settings.updateSecurity': {
    happy: async () => ({ maxFailedAttempts: 6, lockoutMinutes: 45, idleLockMinutes: 10, discountLimitPercent: 10 }),
    bad: [
      { maxFailedAttempts: 11, lockoutMinutes: 45, idleLockMinutes: 10, discountLimitPercent: 10 },
      { maxFailedAttempts: 5, lockoutMinutes: 29, idleLockMinutes: 10, discountLimitPercent: 10 },
      { maxFailedAttempts: 5, lockoutMinutes: 45, idleLockMinutes: 16, discountLimitPercent: 10 },
      { maxFailedAttempts: 5, lockoutMinutes: 45, idleLockMinutes: 10, discountLimitPercent: 10, maxSessionHours: 0 },
      { maxFailedAttempts: 5, lockoutMinutes: 45, idleLockMinutes: 10 },
    ],
  },
  'audit.list': { happy: async () => ({ limit: 20, fromDay: '2026-11-01', toDay: '2026-11-30' }), bad: [{ limit: 0 }, { fromDay: '23/11/2026' }] },
  'audit.filters': { happy: async () => ({}), bad: [{ x: 1 }] },
  'audit.verify': { happy: async () => ({}), bad: [{ repair: true }, { full: 'yes' }] },
  'audit.signIns': { happy: async () => ({ limit: 20, successful: true, fromDay: '2026-11-01' }), bad: [{ limit: 0 }, { eventType: 'DROP TABLE' }, { successful: 'no' }] },
  'menu.updateItem': {
    happy: async (t) => ({ menuItemId: await latteId(t), price: 17500, isAvailable: false }),
    bad: [{ menuItemId: 'x', price: -1 }, { menuItemId: 'x', price: 1_000_000 }, { menuItemId: 'x', price: 12.5 }, { price: 100 }],
  },
  // ---- modifier groups and a line's options (helper M2) ----
  'menu.saveGroup': {
    happy: async () => WHIP_GROUP,
    bad: [
      { name: 'Whip', minChoices: 0, maxChoices: 1, allowRepeat: false, options: [] },
      { name: '', minChoices: 0, maxChoices: 1, allowRepeat: false, options: [{ name: 'A', priceDelta: 0, isDefault: false }] },
      { name: 'Whip', minChoices: 0, maxChoices: 0, allowRepeat: false, options: [{ name: 'A', priceDelta: 0, isDefault: false }] },
      { name: 'Whip', minChoices: 0, maxChoices: 1, allowRepeat: false, options: [{ name: 'A', priceDelta: 1_000_000, isDefault: false }] },
      { name: 'Whip', minChoices: 0, maxChoices: 1, allowRepeat: false, options: [{ name: 'A', priceDelta: 1.5, isDefault: false }] },
      { name: 'Whip', minChoices: 0, maxChoices: 1, allowRepeat: 'no', options: [{ name: 'A', priceDelta: 0, isDefault: false }] },
      { name: 'Whip', minChoices: 0, maxChoices: 1, allowRepeat: false, options: [{ name: 'A', priceDelta: 0, isDefault: false, stock: 3 }] },
    ],
  },
  'menu.attachGroup': {
    happy: async (t) => {
      const admin = await t.must('menu.admin', {});
      const extras = admin.groups.find((g) => g.name === 'Extras')!;
      return { groupId: extras.id, version: extras.version, itemIds: [await latteId(t)], categoryIds: [admin.categories[0]!.id] };
    },
    bad: [{ groupId: 'x' }, { groupId: 'x', itemIds: 'all', categoryIds: [] }, { groupId: 'x', itemIds: [], categoryIds: [], version: 0 }],
  },
  'menu.archiveGroup': {
    happy: async (t) => {
      const extras = (await t.must('menu.admin', {})).groups.find((g) => g.name === 'Extras')!;
      return { id: extras.id, version: extras.version };
    },
    bad: [{ id: 'x' }, { id: 'x', version: 0 }, { version: 1 }],
  },
  'cart.setLineOptions': {
    happy: async (t) => {
      const latte = (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === 'Latte')!;
      const pick = (group: string, option: string) => latte.modifierGroups.find((g) => g.name === group)!.options.find((o) => o.name === option)!.id;
      return { lineId: await lineId(t), optionIds: [pick('Size', 'Large'), pick('Milk', 'Oat')] };
    },
    bad: [{ lineId: 'x' }, { lineId: 'x', optionIds: 'oat' }, { lineId: 'x', optionIds: Array.from({ length: 41 }, () => 'a') }, { optionIds: [] }],
  },
  'cart.setDiscount': {
    happy: async (t) => {
      await lineId(t);
      return { discount: { kind: 'percent', value: 500 }, reason: 'Regular' };
    },
    bad: [{ discount: { kind: 'percent', value: 10_001 } }, { discount: { kind: 'bogo', value: 1 } }, { discount: { kind: 'amount', value: 0 } }, { discount: { kind: 'amount', value: 1.5 } }],
  },
  'setup.status': { happy: async () => ({}), fresh: true, bad: [{ x: 1 }, 'str', 42] },
  'setup.complete': {
    happy: async () => setupInput(),
    fresh: true,
    bad: [{}, { ...setupInput(), owner: { ...OWNER, username: 'a b' } }, { ...setupInput(), shop: { ...setupInput().shop, currency: 'BTC' } }, { ...setupInput(), shop: { ...setupInput().shop, taxRatePercent: '-1' } }],
  },
  'auth.users': { happy: async () => ({}), bad: [{ all: true }] },
  'auth.session': { happy: async () => ({}), bad: [[]] },
  'auth.loginPin': { happy: async () => ({ username: 'olivia', pin: OWNER.pin }), bad: [{ username: 'olivia' }, { username: 'olivia', pin: '12ab56' }, { username: '', pin: '482913' }, { username: 'olivia', pin: '4'.repeat(40) }] },
  'auth.loginPassword': { happy: async () => ({ username: 'olivia', password: OWNER.password }), bad: [{ username: 'olivia', password: '' }, { username: 'olivia', password: 'x'.repeat(300) }, null] },
  'auth.lock': { happy: async () => ({}), bad: [{ now: 1 }] },
  'auth.logout': { happy: async () => ({}), bad: [{ everywhere: true }] },
  'auth.activity': { happy: async () => ({}), bad: ['ping'] },
  'menu.list': { happy: async () => ({}), bad: [{ category: 'x' }] },
  // ---- menu back office: categories, items, sold out (helper M1) ----
  'menu.admin': { happy: async () => ({}), bad: [{ all: true }, 'all'] },
  'menu.saveCategory': {
    happy: async () => ({ name: 'Frappes', kind: 'drink', color: 'berry' }),
    bad: [
      { name: '', kind: 'drink', color: '' },
      { name: 'Soup', kind: 'soup', color: '' },
      { name: 'Red', kind: 'drink', color: '#ff0000' },
      { name: 'x'.repeat(101), kind: 'drink', color: '' },
      { name: 'Tea', kind: 'drink', color: '', id: 'x', version: 0 },
      { name: 'Bad\u0000name', kind: 'drink', color: '' },
    ],
  },
  'menu.reorderCategories': {
    happy: async (t) => ({ ids: (await t.must('menu.admin', {})).categories.map((c) => c.id).reverse() }),
    bad: [{ ids: [] }, { ids: 'x' }, {}, { ids: [''] }],
  },
  'menu.archiveCategory': {
    happy: async (t) => {
      const c = (await t.must('menu.admin', {})).categories.find((x) => x.name === 'Bakery')!;
      return { id: c.id, version: c.version, moveItemsTo: null };
    },
    bad: [{ id: 'x', version: 0, moveItemsTo: null }, { id: 'x', version: 1 }, { id: 'x', version: 1, moveItemsTo: '' }],
  },
  'menu.restoreCategory': {
    happy: async (t) => {
      const c = (await t.must('menu.admin', {})).categories.find((x) => x.name === 'Bakery')!;
      const view = await t.must('menu.archiveCategory', { id: c.id, version: c.version, moveItemsTo: null });
      return { id: c.id, version: view.categories.find((x) => x.id === c.id)!.version };
    },
    bad: [{ id: 'x' }, { id: 'x', version: '1' }, { id: 'x', version: 1.5 }],
  },
  'menu.saveItem': {
    happy: async (t) => ({
      categoryId: (await t.must('menu.admin', {})).categories[0]!.id,
      name: 'Mocha Frappe',
      price: 18000,
      description: 'Blended, with whip',
      sku: null,
      color: 'berry',
      isAvailable: true,
      isFavorite: true,
      groupIds: [],
    }),
    bad: [
      { categoryId: 'x', name: 'A', price: -1, description: '', sku: null, color: '', isAvailable: true, isFavorite: false, groupIds: [] },
      { categoryId: 'x', name: 'A', price: 1_000_000, description: '', sku: null, color: '', isAvailable: true, isFavorite: false, groupIds: [] },
      { categoryId: 'x', name: 'A', price: 1.5, description: '', sku: null, color: '', isAvailable: true, isFavorite: false, groupIds: [] },
      { categoryId: 'x', name: 'A', price: 100, description: '', sku: 'a b', color: '', isAvailable: true, isFavorite: false, groupIds: [] },
      { categoryId: 'x', name: '  ', price: 100, description: '', sku: null, color: '', isAvailable: true, isFavorite: false, groupIds: [] },
      { categoryId: 'x', name: 'A', price: 100, description: '', sku: null, color: '', isAvailable: true, isFavorite: false, groupIds: Array(21).fill('g') },
      { categoryId: 'x', name: 'A', price: 100, description: '', sku: null, color: '', isAvailable: true, isFavorite: false, groupIds: [], stock: 5 },
    ],
  },
  'menu.duplicateItem': { happy: async (t) => ({ id: await latteId(t), name: 'Iced Latte' }), bad: [{ id: 'x' }, { id: 'x', name: '' }, { name: 'Iced Latte' }] },
  'menu.archiveItem': {
    happy: async (t) => {
      const item = (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === 'Latte')!;
      return { id: item.id, version: item.version };
    },
    bad: [{ id: 'x' }, { id: 'x', version: 0 }, { id: 'x', version: -1 }],
  },
  'menu.restoreItem': {
    happy: async (t) => {
      const item = (await t.must('menu.list', {})).flatMap((c) => c.items).find((i) => i.name === 'Latte')!;
      const archived = await t.must('menu.archiveItem', { id: item.id, version: item.version });
      return { id: item.id, version: archived.version };
    },
    bad: [{ id: 'x' }, { id: 'x', version: 0 }, { version: 2 }],
  },
  'menu.reorderItems': {
    happy: async (t) => {
      const espresso = (await t.must('menu.list', {}))[0]!;
      return { categoryId: espresso.id, ids: espresso.items.map((i) => i.id).reverse() };
    },
    bad: [{ categoryId: 'x', ids: [] }, { ids: ['x'] }, { categoryId: 'x', ids: 'x' }],
  },
  'menu.setSoldOut': {
    happy: async (t) => ({ target: 'item', id: await latteId(t), soldOut: true, until: 'today' }),
    bad: [
      { target: 'shop', id: 'x', soldOut: true, until: 'today' },
      { target: 'item', id: 'x', soldOut: true, until: 'tomorrow' },
      { target: 'item', id: 'x', soldOut: 'yes', until: 'today' },
      { target: 'item', id: 'x', soldOut: true },
    ],
  },
  'menu.exportCsv': { happy: async () => ({}), bad: [{ format: 'xlsx' }, 'csv'] },
  'menu.importPreview': {
    happy: async (t) => ({ csv: (await t.must('menu.exportCsv', {})).csv.replace(',130.00,', ',140.00,') }),
    bad: [{}, { csv: 42 }, { csv: 'x'.repeat(2_000_001) }, { csv: 'type,name', apply: true }],
  },
  'menu.importApply': {
    happy: async (t) => ({ token: (await t.must('menu.importPreview', { csv: 'type,name,category,price\nitem,Cortado,Espresso,150.00' })).token }),
    bad: [{}, { token: '' }, { token: 'not a token!' }, { token: 'x'.repeat(65) }],
  },
  'menu.importUndo': {
    happy: async (t) => {
      const { token } = await t.must('menu.importPreview', { csv: 'type,name,category,price\nitem,Cortado,Espresso,150.00' });
      await t.must('menu.importApply', { token });
      return {};
    },
    bad: [{ snapshotId: 'x' }, []],
  },
  'cart.get': { happy: async () => ({}), bad: [{ userId: 'someone-else' }] },
  'cart.addItem': { happy: async (t) => ({ menuItemId: await latteId(t), note: 'extra hot' }), bad: [{ menuItemId: 'x', optionIds: 'oat' }, { menuItemId: 'x', note: 'n'.repeat(141) }, {}, { menuItemId: 'x', quantity: 0 }, { menuItemId: 'x', quantity: 1.5 }, { menuItemId: 'x', quantity: 10_000 }, { menuItemId: 42 }] },
  'cart.setQuantity': { happy: async (t) => ({ lineId: await lineId(t), quantity: 3 }), bad: [{ lineId: 'x' }, { lineId: 'x', quantity: -1 }, { lineId: 'x', quantity: '2' }] },
  'cart.removeLine': { happy: async (t) => ({ lineId: await lineId(t) }), bad: [{}, { lineId: '' }] },
  'cart.clear': { happy: async () => ({}), bad: [{ force: true }] },
  'orders.checkout': {
    happy: async (t) => {
      await lineId(t);
      return { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 20000 }] };
    },
    bad: [
      { requestId: 'not-a-uuid', payments: [{ method: 'cash', tendered: 20000 }] },
      { requestId: newRequestId(), payments: [] },
      { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 199.5 }] },
      { requestId: newRequestId(), payments: [{ method: 'cash', tendered: -5 }] },
      { requestId: newRequestId(), payments: [{ method: 'bitcoin', tendered: 20000 }] },
      { requestId: newRequestId(), payments: [{ method: 'card', tendered: 20000 }] },
      { requestId: newRequestId(), payments: Array.from({ length: 11 }, () => ({ method: 'card', amount: 100 })) },
    ],
  },
  'orders.list': {
    happy: async (t) => {
      await paidOrderId(t);
      return { limit: 10, filters: { from: '2026-11-01', to: '2026-11-30', tender: 'cash', status: 'paid', item: 'latte', minTotal: 100 } };
    },
    bad: [
      { limit: 0 },
      { limit: 1000 },
      { before: 5 },
      { before: 'not a cursor!' },
      { filters: { from: '2026-02-30' } },
      { filters: { from: '2026-11-30', to: '2026-11-01' } },
      { filters: { minTotal: 50_000, maxTotal: 100 } },
      { filters: { number: 'forty-two' } },
      { filters: { number: '#12345' } },
      { filters: { status: 'void' } },
      { filters: { tender: 'bitcoin' } },
      { filters: { customer: 'x'.repeat(61) } },
      { filters: { customer: 'Ana\ud800' } },
      { filters: { minTotal: -1 } },
      { filters: { sort: 'oldest' } },
    ],
  },
  'orders.totals': {
    happy: async (t) => {
      await paidOrderId(t);
      return { filters: { from: '2026-11-23', to: '2026-11-23', customer: 'Ana' } };
    },
    bad: [{ filters: { to: '2026-13-01' } }, { filters: 'today' }, { limit: 5 }, { filters: { staffId: '' } }],
  },
  'orders.exportCsv': {
    happy: async (t) => {
      await paidOrderId(t);
      return { exportId: newRequestId(), filters: { from: '2026-11-01', to: '2026-11-30' } };
    },
    bad: [{}, { exportId: 'export-1' }, { exportId: newRequestId(), filters: { from: 'yesterday' } }, { exportId: newRequestId(), path: '/etc/passwd' }],
  },
  'orders.exportProgress': {
    happy: async (t) => {
      const exportId = newRequestId();
      await t.must('orders.exportCsv', { exportId, filters: { from: '2026-11-23', to: '2026-11-23' } });
      return { exportId };
    },
    bad: [{}, { exportId: 'x' }, { exportId: 42 }],
  },
  'orders.get': {
    happy: async (t) => {
      await lineId(t);
      const r = await t.must('orders.checkout', { requestId: newRequestId(), payments: [{ method: 'cash', tendered: 20000 }] });
      return { orderId: r.order.id };
    },
    bad: [{}, { orderId: '' }, { orderId: 7 }],
  },
  'reports.sales': { happy: async (t) => (await paidOrderId(t), { from: '2026-11-23', to: '2026-11-23' }), bad: reportBadInputs(true) },
  'reports.exportCsv': { happy: async (t) => (await paidOrderId(t), { from: '2026-11-01', to: '2026-11-30', bucket: 'week' }), bad: reportBadInputs(true) },
  'reports.print': { happy: async (t) => (await paidOrderId(t), { from: '2026-11-23', to: '2026-11-23' }), bad: reportBadInputs(false) },
  'reports.savePdf': { happy: async (t) => (await paidOrderId(t), { from: '2026-11-17', to: '2026-11-23' }), bad: reportBadInputs(false) },
};

