DROP INDEX `audit_events_actor`;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `alg` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_events_action` ON `audit_events` (`action`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_events_actor` ON `audit_events` (`actor_user_id`,`seq`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_auth_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`event_type` text NOT NULL,
	`username_submitted` text DEFAULT '' NOT NULL,
	`user_id` text,
	`terminal_id` text,
	`successful` integer NOT NULL,
	`app_version` text DEFAULT '' NOT NULL,
	`metadata` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`alg` integer DEFAULT 0 NOT NULL,
	`prev_hash` text DEFAULT '' NOT NULL,
	`hash` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`terminal_id`) REFERENCES `terminals`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
-- Existing sign-in events keep their order; they predate the chain (alg 0, no hash).
INSERT INTO `__new_auth_events`("id", "event_type", "username_submitted", "user_id", "terminal_id", "successful", "app_version", "metadata", "created_at") SELECT "id", "event_type", "username_submitted", "user_id", "terminal_id", "successful", "app_version", "metadata", "created_at" FROM `auth_events` ORDER BY "created_at", "id";--> statement-breakpoint
DROP TABLE `auth_events`;--> statement-breakpoint
ALTER TABLE `__new_auth_events` RENAME TO `auth_events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `auth_events_id_unique` ON `auth_events` (`id`);--> statement-breakpoint
CREATE INDEX `auth_events_created` ON `auth_events` (`created_at`);--> statement-breakpoint
CREATE INDEX `auth_events_user` ON `auth_events` (`user_id`,`seq`);--> statement-breakpoint
CREATE INDEX `auth_events_type` ON `auth_events` (`event_type`,`seq`);--> statement-breakpoint
ALTER TABLE `carts` ADD `discount_approved_bp` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `pin_peppered` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- auth_events is append-only like audit_events.
CREATE TRIGGER `auth_events_no_update` BEFORE UPDATE ON `auth_events`
BEGIN
  SELECT RAISE(ABORT, 'auth_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `auth_events_no_delete` BEFORE DELETE ON `auth_events`
BEGIN
  SELECT RAISE(ABORT, 'auth_events is append-only');
END;
--> statement-breakpoint
-- INSERT OR REPLACE deletes the old row without firing delete triggers: refuse any insert that would replace one.
CREATE TRIGGER `auth_events_no_replace` BEFORE INSERT ON `auth_events`
WHEN EXISTS (SELECT 1 FROM `auth_events` WHERE `seq` = NEW.`seq` OR `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'auth_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_replace` BEFORE INSERT ON `audit_events`
WHEN EXISTS (SELECT 1 FROM `audit_events` WHERE `seq` = NEW.`seq` OR `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
