import { can, OVERRIDE_ACTIONS } from '../shared/permissions';
import type { Services } from '../core/createCore';
import { ServiceError } from '../core/errors';
import type { Session } from '../accounts/sessions';
import type { Handlers } from './router';

/** Reading a log is itself recorded (PCI DSS 10.2.1): once per first page, not per page. */
function viewed<T>(s: Services, session: Session, log: 'audit' | 'sign_ins', before: string | undefined, read: () => T): T {
  const page = read();
  if (before === undefined) s.audit.appendAuthEvent({ type: 'audit_view', successful: true, usernameSubmitted: session.username, userId: session.userId, metadata: { log } });
  return page;
}

/** Channel → service method. Validation, sessions and permissions already happened in the router. */
export function createHandlers(s: Omit<Services, never>): Handlers {
  return {
    'setup.status': () => s.setup.status(),
    'setup.complete': (input, { senderId }) => s.setup.complete(senderId, input),
    'auth.users': () => s.staff.listActive(),
    'auth.session': (_input, { senderId }) => s.auth.current(senderId),
    'auth.loginPin': (input, { senderId }) => s.auth.login(senderId, input.username, input.pin, 'pin'),
    'auth.loginPassword': (input, { senderId }) => s.auth.login(senderId, input.username, input.password, 'password'),
    'auth.lock': (_input, { session }) => (s.auth.lock(session), null),
    'auth.logout': (_input, { session }) => (s.auth.logout(session), null),
    'auth.activity': () => null, // the router already marked the session active
    'auth.changePassword': async (input, { session }) => (await s.auth.changePassword(session, input.currentPassword, input.newPassword), null),
    'auth.changePin': async (input, { session }) => (await s.auth.changePin(session, input.currentPin, input.newPin), null),
    'override.approve': async (input, { session }) => {
      const approver = await s.auth.verifyApprover(input.username, input.pin, { action: input.action, requestedBy: session.userId });
      if (!can(approver.role, OVERRIDE_ACTIONS[input.action])) {
        throw new ServiceError('FORBIDDEN', `${approver.displayName} cannot approve this. Ask a manager.`);
      }
      if (input.action === 'order.refund') s.refunds.assertMayApprove(approver.role, input.params.orderId, input.params.amount);
      return s.approvals.issue(session, input, approver);
    },
    'staff.list': () => s.staffService.list(),
    'staff.create': (input, { session }) => s.staffService.create(session, input),
    'staff.update': (input, { session }) => s.staffService.update(session, input),
    'staff.setActive': (input, { session }) => s.staffService.setActive(session, input.userId, input.active),
    'staff.resetPin': (input, { session }) => s.staffService.resetPin(session, input.userId, input.pin),
    'staff.resetPassword': (input, { session }) => s.staffService.resetPassword(session, input.userId, input.password),
    'staff.unlock': (input, { session }) => s.staffService.unlock(session, input.userId),
    'settings.get': () => s.settingsService.view(),
    'settings.updateSecurity': (input, { session }) => s.settingsService.updateSecurity(session, input),
    'audit.list': (input, { session }) => viewed(s, session, 'audit', input.before, () => s.auditQuery.list(input)),
    'audit.filters': () => s.auditQuery.filters(),
    'audit.verify': (input) => s.auditQuery.verify(input),
    'audit.signIns': (input, { session }) => viewed(s, session, 'sign_ins', input.before, () => s.signIns.page(input)),
    'menu.updateItem': (input, { session }) => s.menu.updateItem(session, input),
    'menu.list': () => s.menu.list(),
    'menu.admin': () => s.menuView.all(),
    'menu.saveCategory': (input, { session }) => s.menuCategories.save(session, input),
    'menu.reorderCategories': (input, { session }) => s.menuCategories.reorder(session, input.ids),
    'menu.archiveCategory': (input, { session }) => s.menuCategories.archive(session, input),
    'menu.restoreCategory': (input, { session }) => s.menuCategories.restore(session, input),
    'menu.saveItem': (input, { session }) => s.menuCatalog.save(session, input),
    'menu.duplicateItem': (input, { session }) => s.menuCatalog.duplicate(session, input),
    'menu.archiveItem': (input, { session }) => s.menuCatalog.archive(session, input),
    'menu.restoreItem': (input, { session }) => s.menuCatalog.restore(session, input),
    'menu.reorderItems': (input, { session }) => s.menuCatalog.reorder(session, input),
    'menu.saveGroup': (input, { session }) => s.modifiers.saveGroup(session, input),
    'menu.attachGroup': (input, { session }) => s.modifiers.attachGroup(session, input),
    'menu.archiveGroup': (input, { session }) => s.modifiers.archiveGroup(session, input),
    'menu.setSoldOut': (input, { session }) => (s.soldOut.set(session, input), s.menuView.all()),
    'menu.exportCsv': () => s.menuImport.exportCsv(),
    'menu.importPreview': (input, { session }) => s.menuImport.preview(session, input.csv),
    'menu.importApply': (input, { session }) => s.menuImport.apply(session, input.token),
    'menu.importUndo': (_input, { session }) => s.menuImport.undo(session),
    'cart.setLineOptions': (input, { session }) => s.cart.setLineOptions(session.userId, input.lineId, input.optionIds),
    'cart.get': (_input, { session }) => s.cart.view(session.userId),
    'cart.addItem': (input, { session }) => s.cart.addItem(session.userId, input),
    'cart.addBySku': (input, { session }) => s.cart.addBySku(session.userId, input.sku),
    'cart.setLineNote': (input, { session }) => s.cart.setLineNote(session.userId, input.lineId, input.note),
    'cart.setLineDiscount': (input, { session }) => s.cart.setLineDiscount(session, input),
    'cart.setDetails': (input, { session }) => s.cart.setDetails(session.userId, input),
    'cart.park': (input, { session }) => s.parked.park(session, input.name),
    'cart.parked': () => s.parked.list(),
    'cart.resume': (input, { session }) => s.parked.resume(session, input.cartId),
    'cart.setQuantity': (input, { session }) => s.cart.setQuantity(session.userId, input.lineId, input.quantity),
    'cart.removeLine': (input, { session }) => s.cart.removeLine(session.userId, input.lineId),
    'cart.setDiscount': (input, { session }) => s.cart.setDiscount(session, input),
    'cart.clear': (_input, { session }) => s.cart.clear(session.userId),
    'orders.checkout': (input, { session }) => s.checkout.checkout(session, input),
    'orders.list': (input, { session }) => s.history.pageFor(session, input),
    'orders.totals': (input, { session }) => s.history.totalsFor(session, input.filters),
    'orders.exportCsv': (input, { session }) => s.orderExports.start(session, input.exportId, input.filters ?? {}),
    'orders.exportProgress': (input, { session }) => s.orderExports.progress(session, input.exportId),
    'orders.get': (input, { session }) => s.history.detailFor(session, input.orderId),
    'orders.queue': () => s.queue.list(),
    'orders.advance': (input, { session }) => s.queue.advance(session, input.orderId, input.from),
    // A manager brings the owner's approval (input.approvalId) to cancel over the refund limit.
    'orders.cancel': (input, { session, approvalId }) => s.queue.cancel(session, input.orderId, input.reason, approvalId ?? input.approvalId ?? null),
    'receipts.get': (input, { session }) => s.receipts.get(session, input.orderId),
    'receipts.print': (input, { session }) => s.receipts.print(session, input.orderId),
    'receipts.savePdf': (input, { session }) => s.receipts.savePdf(session, input.orderId),
    'receipts.printers': () => s.receipts.printers(),
    'settings.updateShop': (input, { session }) => s.settingsService.updateShop(session, input),
    'settings.updateDrawer': (input, { session }) => s.settingsService.updateDrawer(session, input),
    'settings.drawer': () => s.settings.drawer(),
    'shifts.current': (_input, { session }) => s.shifts.current(session),
    'shifts.open': (input, { session }) => s.shifts.open(session, input),
    'shifts.move': (input, { session }) => s.shifts.move(session, input),
    'shifts.voidMovement': (input, { session }) => s.shifts.voidMovement(session, input),
    'shifts.xReport': (_input, { session }) => s.shifts.xReport(session),
    'shifts.count': (input, { session }) => s.shifts.count(session, input),
    'shifts.close': (input, { session }) => s.shifts.close(session, input),
    'cart.payment': (input, { session }) => s.shifts.payment(session, input.state),
    'zreports.list': (input) => s.zReports.list(input.before),
    'zreports.get': (input) => s.zReports.get(input.id),
    'zreports.print': (input, { session }) => s.zReports.print(session, input.id),
    'zreports.savePdf': (input, { session }) => s.zReports.savePdf(session, input.id),
    'refunds.preview': (input, { session }) => s.refunds.preview(session, input),
    'refunds.issue': (input, { session }) => s.refunds.issue(session, input),
    'refunds.receipt': (input, { session }) => s.refunds.receipt(session, input.refundId),
    'refunds.print': (input, { session }) => s.refunds.print(session, input.refundId),
    'reports.sales': (input) => s.reports.sales(input),
    'reports.exportCsv': (input) => s.reports.exportCsv(input),
    'reports.print': (input) => s.reports.print(input),
    'reports.savePdf': (input) => s.reports.savePdf(input),
  };
}
