CREATE TABLE `sms_drafts` (
	`gateway` text NOT NULL,
	`sender` text NOT NULL,
	`step` text NOT NULL,
	`draft` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`gateway`, `sender`)
);
--> statement-breakpoint
CREATE TABLE `sms_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`gateway` text NOT NULL,
	`recipient` text,
	`text` text,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_outbox_key_unique` ON `sms_outbox` (`key`);--> statement-breakpoint
CREATE INDEX `sms_outbox_due_idx` ON `sms_outbox` (`state`,`next_attempt_at`);