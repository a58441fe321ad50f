CREATE TABLE "monitor_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitor_reports" ADD COLUMN "indexed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "monitor_reports_unindexed_idx" ON "monitor_reports" USING btree ("report_id") WHERE "monitor_reports"."published" and not "monitor_reports"."indexed";--> statement-breakpoint
-- The index held the raw masked words; it now holds their stems (monitor/words.ts). Emptied here, every published
-- report is indexed again by the projector, unindexed as the new column says.
DELETE FROM "monitor_search";
