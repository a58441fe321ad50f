CREATE TABLE "monitor_counts" (
	"institution" text NOT NULL,
	"category" text NOT NULL,
	"region" text NOT NULL,
	"month" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"forwarded" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"answered_in_time" integer DEFAULT 0 NOT NULL,
	"finished" integer DEFAULT 0 NOT NULL,
	"finished_in_time" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monitor_counts_institution_category_region_month_pk" PRIMARY KEY("institution","category","region","month")
);
--> statement-breakpoint
CREATE TABLE "monitor_overdue" (
	"institution" text NOT NULL,
	"category" text NOT NULL,
	"region" text NOT NULL,
	"time_zone" text NOT NULL,
	"day" text NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monitor_overdue_institution_category_region_time_zone_day_pk" PRIMARY KEY("institution","category","region","time_zone","day")
);
--> statement-breakpoint
CREATE TABLE "monitor_reports" (
	"report_id" integer NOT NULL,
	"dirty" boolean DEFAULT true NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"tracking_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"holder" text NOT NULL,
	"category_id" text,
	"region_code" text,
	"province" text,
	"regency" text,
	"title" text,
	"excerpt" text,
	"received_at" timestamp (3) with time zone NOT NULL,
	"changed_at" timestamp (3) with time zone NOT NULL,
	"month" text NOT NULL,
	"time_zone" text NOT NULL,
	"forwarded_at" timestamp (3) with time zone,
	"response_days" integer,
	"finished" boolean DEFAULT false NOT NULL,
	"finished_in_time" boolean DEFAULT false NOT NULL,
	"deadline_kind" text,
	"deadline_due" text,
	"resolution_due" text,
	"overdue_from" text,
	CONSTRAINT "monitor_reports_report_id_pk" PRIMARY KEY("report_id")
);
--> statement-breakpoint
CREATE TABLE "monitor_response_days" (
	"institution" text NOT NULL,
	"category" text NOT NULL,
	"region" text NOT NULL,
	"month" text NOT NULL,
	"days" integer NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monitor_response_days_institution_category_region_month_days_pk" PRIMARY KEY("institution","category","region","month","days")
);
--> statement-breakpoint
CREATE TABLE "monitor_state" (
	"id" integer NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monitor_state_id_pk" PRIMARY KEY("id")
);
--> statement-breakpoint
ALTER TABLE "monitor_reports" ADD CONSTRAINT "monitor_reports_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitor_reports_dirty_idx" ON "monitor_reports" USING btree ("report_id") WHERE "monitor_reports"."dirty";--> statement-breakpoint
CREATE INDEX "monitor_reports_published_idx" ON "monitor_reports" USING btree ("report_id") WHERE "monitor_reports"."published";--> statement-breakpoint
CREATE INDEX "monitor_reports_holder_idx" ON "monitor_reports" USING btree ("holder","report_id") WHERE "monitor_reports"."published";--> statement-breakpoint
CREATE INDEX "monitor_reports_province_idx" ON "monitor_reports" USING btree ("province","report_id") WHERE "monitor_reports"."published";--> statement-breakpoint
CREATE INDEX "monitor_reports_regency_idx" ON "monitor_reports" USING btree ("regency","report_id") WHERE "monitor_reports"."published";--> statement-breakpoint
CREATE INDEX "monitor_reports_category_idx" ON "monitor_reports" USING btree ("category_id","report_id") WHERE "monitor_reports"."published";--> statement-breakpoint
INSERT INTO "monitor_state" ("id", "version") VALUES (1, 0);--> statement-breakpoint
-- Reports filed before public monitoring: marked for the projector, which derives the rest from their timelines.
INSERT INTO "monitor_reports" ("report_id", "tracking_id", "kind", "status", "holder", "received_at", "changed_at", "month", "time_zone")
SELECT "id", "tracking_id", "kind", "status", "institution_id", "created_at", "updated_at", '', '' FROM "reports";
--> statement-breakpoint
-- Published reports' masked title and text, indexed for the public list's search (monitor/search.ts).
CREATE TABLE "monitor_search" ("report_id" integer PRIMARY KEY REFERENCES "reports"("id"), "document" tsvector NOT NULL);--> statement-breakpoint
CREATE INDEX "monitor_search_document_idx" ON "monitor_search" USING gin ("document");
