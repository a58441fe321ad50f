CREATE TABLE `monitor_counts` (
	`institution` text NOT NULL,
	`category` text NOT NULL,
	`region` text NOT NULL,
	`month` text NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`forwarded` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`answered_in_time` integer DEFAULT 0 NOT NULL,
	`finished` integer DEFAULT 0 NOT NULL,
	`finished_in_time` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`institution`, `category`, `region`, `month`)
);
--> statement-breakpoint
CREATE TABLE `monitor_overdue` (
	`institution` text NOT NULL,
	`category` text NOT NULL,
	`region` text NOT NULL,
	`time_zone` text NOT NULL,
	`day` text NOT NULL,
	`reports` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`institution`, `category`, `region`, `time_zone`, `day`)
);
--> statement-breakpoint
CREATE TABLE `monitor_reports` (
	`report_id` integer PRIMARY KEY NOT NULL,
	`dirty` integer DEFAULT true NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`tracking_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`holder` text NOT NULL,
	`category_id` text,
	`region_code` text,
	`province` text,
	`regency` text,
	`title` text,
	`excerpt` text,
	`received_at` integer NOT NULL,
	`changed_at` integer NOT NULL,
	`month` text NOT NULL,
	`time_zone` text NOT NULL,
	`forwarded_at` integer,
	`response_days` integer,
	`finished` integer DEFAULT false NOT NULL,
	`finished_in_time` integer DEFAULT false NOT NULL,
	`deadline_kind` text,
	`deadline_due` text,
	`resolution_due` text,
	`overdue_from` text,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `monitor_reports_dirty_idx` ON `monitor_reports` (`report_id`) WHERE "monitor_reports"."dirty";--> statement-breakpoint
CREATE INDEX `monitor_reports_published_idx` ON `monitor_reports` (`report_id`) WHERE "monitor_reports"."published";--> statement-breakpoint
CREATE INDEX `monitor_reports_holder_idx` ON `monitor_reports` (`holder`,`report_id`) WHERE "monitor_reports"."published";--> statement-breakpoint
CREATE INDEX `monitor_reports_province_idx` ON `monitor_reports` (`province`,`report_id`) WHERE "monitor_reports"."published";--> statement-breakpoint
CREATE INDEX `monitor_reports_regency_idx` ON `monitor_reports` (`regency`,`report_id`) WHERE "monitor_reports"."published";--> statement-breakpoint
CREATE INDEX `monitor_reports_category_idx` ON `monitor_reports` (`category_id`,`report_id`) WHERE "monitor_reports"."published";--> statement-breakpoint
CREATE TABLE `monitor_response_days` (
	`institution` text NOT NULL,
	`category` text NOT NULL,
	`region` text NOT NULL,
	`month` text NOT NULL,
	`days` integer NOT NULL,
	`reports` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`institution`, `category`, `region`, `month`, `days`)
);
--> statement-breakpoint
CREATE TABLE `monitor_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
INSERT INTO `monitor_state` (`id`, `version`) VALUES (1, 0);--> statement-breakpoint
-- Reports filed before public monitoring: marked for the projector, which derives the rest from their timelines.
INSERT INTO `monitor_reports` (`report_id`, `tracking_id`, `kind`, `status`, `holder`, `received_at`, `changed_at`, `month`, `time_zone`)
SELECT `id`, `tracking_id`, `kind`, `status`, `institution_id`, `created_at`, `updated_at`, '', '' FROM `reports`;
--> statement-breakpoint
-- Published reports' masked title and text, indexed for the public list's search (monitor/search.ts). Contentless: the
-- index holds words, not the text, which the monitor row and the report already keep.
CREATE VIRTUAL TABLE `monitor_search` USING fts5(`title`, `body`, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
