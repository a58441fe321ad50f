ALTER TABLE `reports` ADD `channel` text DEFAULT 'form' NOT NULL;--> statement-breakpoint
ALTER TABLE `reports` ADD `channel_source` text;