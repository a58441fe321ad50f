ALTER TABLE `reports` ADD `locale` text DEFAULT 'id' NOT NULL;--> statement-breakpoint
ALTER TABLE `reports` ADD `notify` integer DEFAULT true NOT NULL;