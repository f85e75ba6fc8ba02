CREATE TABLE `category_modifier_groups` (
	`category_id` text NOT NULL,
	`group_id` text NOT NULL,
	`display_order` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`category_id`, `group_id`),
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `modifier_groups`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `menu_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`user_id` text,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	`undone_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `categories` ADD `color` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `menu_items` ADD `sold_out_until` integer;--> statement-breakpoint
ALTER TABLE `menu_items` ADD `color` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `menu_items` ADD `is_favorite` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `modifier_groups` ADD `allow_repeat` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `modifier_groups` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `modifier_options` ADD `is_available` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `modifier_options` ADD `sold_out_until` integer;--> statement-breakpoint
CREATE INDEX `order_items_menu_item` ON `order_items` (`menu_item_id`);