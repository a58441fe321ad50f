CREATE TABLE `report_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`at` integer NOT NULL,
	`type` text NOT NULL,
	`actor` text NOT NULL,
	`status` text,
	`note` text,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_events_report_id_idx` ON `report_events` (`report_id`,`id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tracking_id` text NOT NULL,
	`receipt_hash` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`incident_date` text NOT NULL,
	`location_text` text NOT NULL,
	`region_code` text,
	`institution_id` text NOT NULL,
	`category_id` text,
	`anonymous` integer NOT NULL,
	`confidential` integer NOT NULL,
	`reporter_name` text,
	`reporter_email` text,
	`reporter_phone` text,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_trackingId_unique` ON `reports` (`tracking_id`);