CREATE TABLE `poll_votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`poll_id` text NOT NULL,
	`device_hash` text NOT NULL,
	`choice` integer NOT NULL,
	`comment` text,
	`changes` integer NOT NULL,
	`email_hash` text,
	`confirmed` integer DEFAULT true NOT NULL,
	`confirm_token_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `poll_votes_device_idx` ON `poll_votes` (`poll_id`,`device_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `poll_votes_email_idx` ON `poll_votes` (`poll_id`,`email_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `poll_votes_confirm_token_idx` ON `poll_votes` (`confirm_token_hash`);--> statement-breakpoint
CREATE INDEX `poll_votes_count_idx` ON `poll_votes` (`poll_id`,`confirmed`,`choice`);--> statement-breakpoint
CREATE TABLE `polls` (
	`id` text PRIMARY KEY NOT NULL,
	`institution_id` text NOT NULL,
	`region_code` text,
	`question` text NOT NULL,
	`explanation` text NOT NULL,
	`kind` text NOT NULL,
	`options` text NOT NULL,
	`allow_comment` integer NOT NULL,
	`publish_comments` integer NOT NULL,
	`confirm_by_email` integer DEFAULT false NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`closed_early_at` integer,
	`results` text,
	`counted_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `polls_institution_id_idx` ON `polls` (`institution_id`,`closes_at`);