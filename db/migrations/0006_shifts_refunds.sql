CREATE TABLE `drawer_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`shift_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`reason` text NOT NULL,
	`user_id` text NOT NULL,
	`voids_id` text,
	`request_id` text NOT NULL,
	`business_day` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`shift_id`) REFERENCES `shifts`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "drawer_movements_kind_check" CHECK("drawer_movements"."kind" in ('pay_in','pay_out','safe_drop','no_sale')),
	CONSTRAINT "drawer_movements_sign_check" CHECK(("drawer_movements"."voids_id" is null and "drawer_movements"."amount" >= 0) or ("drawer_movements"."voids_id" is not null and "drawer_movements"."amount" <= 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drawer_movements_voids_id_unique` ON `drawer_movements` (`voids_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `drawer_movements_request_id_unique` ON `drawer_movements` (`request_id`);--> statement-breakpoint
CREATE INDEX `drawer_movements_shift` ON `drawer_movements` (`shift_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `refund_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`refund_id` text NOT NULL,
	`order_item_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`amount` integer NOT NULL,
	`tax` integer NOT NULL,
	FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "refund_lines_check" CHECK("refund_lines"."quantity" >= 0 and "refund_lines"."amount" >= 0 and "refund_lines"."tax" >= 0 and "refund_lines"."tax" <= "refund_lines"."amount")
);
--> statement-breakpoint
CREATE INDEX `refund_lines_refund` ON `refund_lines` (`refund_id`);--> statement-breakpoint
CREATE INDEX `refund_lines_item` ON `refund_lines` (`order_item_id`);--> statement-breakpoint
CREATE TABLE `refund_tenders` (
	`id` text PRIMARY KEY NOT NULL,
	`refund_id` text NOT NULL,
	`method` text NOT NULL,
	`amount` integer NOT NULL,
	FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "refund_tenders_amount_check" CHECK("refund_tenders"."amount" >= 0)
);
--> statement-breakpoint
CREATE INDEX `refund_tenders_refund` ON `refund_tenders` (`refund_id`);--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`request_id` text NOT NULL,
	`terminal_id` text NOT NULL,
	`shift_id` text,
	`business_day` text NOT NULL,
	`user_id` text NOT NULL,
	`staff_name` text NOT NULL,
	`approved_by` text,
	`reason` text NOT NULL,
	`amount` integer NOT NULL,
	`tax` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`terminal_id`) REFERENCES `terminals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`shift_id`) REFERENCES `shifts`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "refunds_money_check" CHECK("refunds"."amount" >= 0 and "refunds"."tax" >= 0 and "refunds"."tax" <= "refunds"."amount")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_request_id_unique` ON `refunds` (`request_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_order_seq` ON `refunds` (`order_id`,`seq`);--> statement-breakpoint
CREATE INDEX `refunds_day` ON `refunds` (`business_day`,`created_at`);--> statement-breakpoint
CREATE INDEX `refunds_shift` ON `refunds` (`shift_id`) WHERE "refunds"."shift_id" is not null;--> statement-breakpoint
CREATE TABLE `shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`terminal_id` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`business_day` text NOT NULL,
	`opened_by` text NOT NULL,
	`opened_at` integer NOT NULL,
	`opening_float` integer NOT NULL,
	`opening_counts` text,
	`open_request_id` text NOT NULL,
	`closed_by` text,
	`closed_at` integer,
	`counted_cash` integer,
	`counted_counts` text,
	`expected_cash` integer,
	`variance` integer,
	`variance_reason` text DEFAULT '' NOT NULL,
	`variance_approved_by` text,
	`left_in_drawer` integer,
	FOREIGN KEY (`terminal_id`) REFERENCES `terminals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`variance_approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "shifts_money_check" CHECK("shifts"."opening_float" >= 0 and ("shifts"."counted_cash" is null or "shifts"."counted_cash" >= 0) and ("shifts"."left_in_drawer" is null or "shifts"."left_in_drawer" >= 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shifts_open_request_id_unique` ON `shifts` (`open_request_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `shifts_one_open_per_till` ON `shifts` (`terminal_id`) WHERE "shifts"."status" = 'open';--> statement-breakpoint
CREATE INDEX `shifts_till` ON `shifts` (`terminal_id`,`opened_at`);--> statement-breakpoint
CREATE TABLE `z_report_prints` (
	`id` text PRIMARY KEY NOT NULL,
	`z_report_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`z_report_id`) REFERENCES `z_reports`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `z_report_prints_report` ON `z_report_prints` (`z_report_id`);--> statement-breakpoint
CREATE TABLE `z_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`terminal_id` text NOT NULL,
	`number` integer NOT NULL,
	`shift_id` text NOT NULL,
	`business_day` text NOT NULL,
	`content` text NOT NULL,
	`content_hash` text NOT NULL,
	`audit_head` text NOT NULL,
	`closed_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`terminal_id`) REFERENCES `terminals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`shift_id`) REFERENCES `shifts`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `z_reports_shift_id_unique` ON `z_reports` (`shift_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `z_reports_till_number` ON `z_reports` (`terminal_id`,`number`);--> statement-breakpoint
ALTER TABLE `orders` ADD `shift_id` text;--> statement-breakpoint
CREATE INDEX `orders_shift` ON `orders` (`shift_id`) WHERE "orders"."shift_id" is not null;--> statement-breakpoint
-- Money history is append-only (issue 9): a wrong movement is voided by a counter-movement, a
-- sale is answered by a refund, a Z report is never edited; a shift row changes once, when it closes.
CREATE TRIGGER `drawer_movements_no_update` BEFORE UPDATE ON `drawer_movements`
BEGIN
  SELECT RAISE(ABORT, 'drawer_movements is append-only: answer a mistake with a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER `drawer_movements_no_delete` BEFORE DELETE ON `drawer_movements`
BEGIN
  SELECT RAISE(ABORT, 'drawer_movements is append-only: answer a mistake with a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER `refunds_no_update` BEFORE UPDATE ON `refunds`
BEGIN
  SELECT RAISE(ABORT, 'refunds is append-only: answer a mistake with a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER `refunds_no_delete` BEFORE DELETE ON `refunds`
BEGIN
  SELECT RAISE(ABORT, 'refunds is append-only: answer a mistake with a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER `refund_lines_no_update` BEFORE UPDATE ON `refund_lines`
BEGIN
  SELECT RAISE(ABORT, 'refund_lines is append-only: answer a mistake with a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER `refund_lines_no_delete` BEFORE DELETE ON `refund_lines`
BEGIN
  SELECT RAISE(ABORT, 'refund_lines is append-only: answer a mistake with a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER `refund_tenders_no_update` BEFORE UPDATE ON `refund_tenders`
BEGIN
  SELECT RAISE(ABORT, 'refund_tenders is append-only: answer a mistake with a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER `refund_tenders_no_delete` BEFORE DELETE ON `refund_tenders`
BEGIN
  SELECT RAISE(ABORT, 'refund_tenders is append-only: answer a mistake with a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER `z_reports_no_update` BEFORE UPDATE ON `z_reports`
BEGIN
  SELECT RAISE(ABORT, 'z_reports is append-only: answer a mistake with a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER `z_reports_no_delete` BEFORE DELETE ON `z_reports`
BEGIN
  SELECT RAISE(ABORT, 'z_reports is append-only: answer a mistake with a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER `z_report_prints_no_update` BEFORE UPDATE ON `z_report_prints`
BEGIN
  SELECT RAISE(ABORT, 'z_report_prints is append-only: answer a mistake with a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER `z_report_prints_no_delete` BEFORE DELETE ON `z_report_prints`
BEGIN
  SELECT RAISE(ABORT, 'z_report_prints is append-only: answer a mistake with a counter-entry');
END;
--> statement-breakpoint
CREATE TRIGGER `shifts_no_delete` BEFORE DELETE ON `shifts`
BEGIN
  SELECT RAISE(ABORT, 'shifts are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `shifts_close_once` BEFORE UPDATE ON `shifts`
WHEN OLD.status = 'closed' OR NEW.status <> 'closed' OR NEW.id IS NOT OLD.id OR NEW.terminal_id IS NOT OLD.terminal_id
  OR NEW.opened_at IS NOT OLD.opened_at OR NEW.opened_by IS NOT OLD.opened_by OR NEW.opening_float IS NOT OLD.opening_float
  OR NEW.opening_counts IS NOT OLD.opening_counts OR NEW.business_day IS NOT OLD.business_day
BEGIN
  SELECT RAISE(ABORT, 'a shift is opened once and closed once; its figures are never edited');
END;
