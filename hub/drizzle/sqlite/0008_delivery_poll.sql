ALTER TABLE `deliveries` ADD `poll_cursor` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `next_poll_at` integer;