CREATE TABLE `report_followers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`email` text NOT NULL,
	`email_hash` text NOT NULL,
	`locale` text NOT NULL,
	`confirmed` integer DEFAULT false NOT NULL,
	`confirm_token_hash` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_followers_email_idx` ON `report_followers` (`report_id`,`email_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `report_followers_confirm_token_idx` ON `report_followers` (`confirm_token_hash`);