CREATE TABLE `desk_link_revocations` (
	`report_id` integer PRIMARY KEY NOT NULL,
	`revoked_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `desk_reminders` (
	`report_id` integer NOT NULL,
	`kind` text NOT NULL,
	`due` text NOT NULL,
	`queued_at` integer NOT NULL,
	PRIMARY KEY(`report_id`, `kind`, `due`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deliveries_destination_idx` ON `deliveries` (`destination`,`report_id`) WHERE "deliveries"."kind" = 'report';