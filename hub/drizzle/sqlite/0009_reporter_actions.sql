ALTER TABLE `deliveries` ADD `event_id` integer REFERENCES report_events(id);--> statement-breakpoint
ALTER TABLE `report_events` ADD `rating` integer;