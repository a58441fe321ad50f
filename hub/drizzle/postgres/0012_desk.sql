CREATE TABLE "desk_link_revocations" (
	"report_id" integer NOT NULL,
	"revoked_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "desk_link_revocations_report_id_pk" PRIMARY KEY("report_id")
);
--> statement-breakpoint
CREATE TABLE "desk_reminders" (
	"report_id" integer NOT NULL,
	"kind" text NOT NULL,
	"due" text NOT NULL,
	"queued_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "desk_reminders_report_id_kind_due_pk" PRIMARY KEY("report_id","kind","due")
);
--> statement-breakpoint
ALTER TABLE "desk_link_revocations" ADD CONSTRAINT "desk_link_revocations_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_reminders" ADD CONSTRAINT "desk_reminders_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_destination_idx" ON "deliveries" USING btree ("destination","report_id") WHERE "deliveries"."kind" = 'report';