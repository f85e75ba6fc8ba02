import type { AuthService } from '../accounts/authService';
import type { SetupService } from '../accounts/setupService';
import type { StaffDirectory } from '../accounts/staffDirectory';
import type { MenuService } from '../menu/menuService';
import type { CartService } from '../orders/cartService';
import type { CheckoutService } from '../orders/checkoutService';
import type { OrderHistory } from '../orders/orderHistory';
import type { Handlers } from './router';

/** Channel → service method. Validation, sessions and permissions already happened in the router. */
export function createHandlers(s: {
  setup: SetupService;
  auth: AuthService;
  staff: StaffDirectory;
  menu: MenuService;
  cart: CartService;
  checkout: CheckoutService;
  history: OrderHistory;
}): Handlers {
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
    'menu.list': () => s.menu.list(),
    'cart.get': (_input, { session }) => s.cart.view(session.userId),
    'cart.addItem': (input, { session }) => s.cart.addItem(session.userId, input.menuItemId, input.quantity),
    'cart.setQuantity': (input, { session }) => s.cart.setQuantity(session.userId, input.lineId, input.quantity),
    'cart.removeLine': (input, { session }) => s.cart.removeLine(session.userId, input.lineId),
    'cart.clear': (_input, { session }) => s.cart.clear(session.userId),
    'orders.checkout': (input, { session }) => s.checkout.checkout(session, input),
    'orders.list': (input) => s.history.page(input.limit, input.before),
    'orders.get': (input) => s.history.detail(input.orderId),
  };
}
