-- A paid sale never changes (issue 9 review): its money, its lines, its payments, its number, its
-- business day and its shift are fixed at checkout; only its bar status moves (and a cancel is a
-- refund + status). Reports keep a shift's sales once read and Z reports are sealed on them, so
-- an edit here would be a silent change of history: refused instead. Nothing is ever deleted.
CREATE TRIGGER `orders_paid_fixed` BEFORE UPDATE ON `orders`
WHEN NEW.id IS NOT OLD.id OR NEW.order_number IS NOT OLD.order_number OR NEW.business_day IS NOT OLD.business_day
  OR NEW.day_seq IS NOT OLD.day_seq OR NEW.client_request_id IS NOT OLD.client_request_id OR NEW.terminal_id IS NOT OLD.terminal_id
  OR NEW.user_id IS NOT OLD.user_id OR NEW.staff_name IS NOT OLD.staff_name OR NEW.currency IS NOT OLD.currency
  OR NEW.tax_rate_bp IS NOT OLD.tax_rate_bp OR NEW.prices_include_tax IS NOT OLD.prices_include_tax
  OR NEW.subtotal IS NOT OLD.subtotal OR NEW.discount_total IS NOT OLD.discount_total OR NEW.tax_total IS NOT OLD.tax_total
  OR NEW.total IS NOT OLD.total OR NEW.item_count IS NOT OLD.item_count OR NEW.shift_id IS NOT OLD.shift_id
  OR NEW.paid_at IS NOT OLD.paid_at OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, 'a paid order is never edited: only its status moves; money goes back through a refund');
END;
--> statement-breakpoint
CREATE TRIGGER `orders_no_delete` BEFORE DELETE ON `orders`
BEGIN
  SELECT RAISE(ABORT, 'orders are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `order_items_no_update` BEFORE UPDATE ON `order_items`
BEGIN
  SELECT RAISE(ABORT, 'order lines are never edited');
END;
--> statement-breakpoint
CREATE TRIGGER `order_items_no_delete` BEFORE DELETE ON `order_items`
BEGIN
  SELECT RAISE(ABORT, 'order lines are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `payments_no_update` BEFORE UPDATE ON `payments`
BEGIN
  SELECT RAISE(ABORT, 'payments are never edited');
END;
--> statement-breakpoint
CREATE TRIGGER `payments_no_delete` BEFORE DELETE ON `payments`
BEGIN
  SELECT RAISE(ABORT, 'payments are never deleted');
END;
--> statement-breakpoint
-- The shift's request id is an opening field too.
DROP TRIGGER `shifts_close_once`;
--> statement-breakpoint
CREATE TRIGGER `shifts_close_once` BEFORE UPDATE ON `shifts`
WHEN OLD.status = 'closed' OR NEW.status <> 'closed' OR NEW.id IS NOT OLD.id OR NEW.terminal_id IS NOT OLD.terminal_id
  OR NEW.opened_at IS NOT OLD.opened_at OR NEW.opened_by IS NOT OLD.opened_by OR NEW.opening_float IS NOT OLD.opening_float
  OR NEW.opening_counts IS NOT OLD.opening_counts OR NEW.business_day IS NOT OLD.business_day
  OR NEW.open_request_id IS NOT OLD.open_request_id
BEGIN
  SELECT RAISE(ABORT, 'a shift is opened once and closed once; its figures are never edited');
END;
