CREATE TABLE `menu_item_modifier_groups` (
	`menu_item_id` text NOT NULL,
	`group_id` text NOT NULL,
	`display_order` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`menu_item_id`, `group_id`),
	FOREIGN KEY (`menu_item_id`) REFERENCES `menu_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `modifier_groups`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `modifier_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`min_choices` integer DEFAULT 0 NOT NULL,
	`max_choices` integer DEFAULT 1 NOT NULL,
	`display_order` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `modifier_groups_name_unique` ON `modifier_groups` (`name`);--> statement-breakpoint
CREATE TABLE `modifier_options` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`name` text NOT NULL,
	`price_delta` integer DEFAULT 0 NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`display_order` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `modifier_groups`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "modifier_options_delta_check" CHECK("modifier_options"."price_delta" between -999999 and 999999)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `modifier_options_group_name` ON `modifier_options` (`group_id`,`name`);--> statement-breakpoint
CREATE TABLE `order_status_events` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`user_id` text,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_status_events_order` ON `order_status_events` (`order_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `cart_items` ADD `option_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `cart_items` ADD `discount_kind` text;--> statement-breakpoint
ALTER TABLE `cart_items` ADD `discount_value` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cart_items` ADD `discount_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `cart_items` ADD `discount_approved_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `carts` ADD `contact_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `carts` ADD `contact_phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `carts` ADD `special_instructions` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `carts` ADD `parked_at` integer;--> statement-breakpoint
ALTER TABLE `carts` ADD `parked_by` text REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `orders_queue` ON `orders` (`status`,`paid_at`);