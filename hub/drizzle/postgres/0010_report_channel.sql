ALTER TABLE "reports" ADD COLUMN "channel" text DEFAULT 'form' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "channel_source" text;