CREATE TABLE "open311_clients" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"institution_id" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "open311_clients_keyHash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
ALTER TABLE "open311_clients" ADD CONSTRAINT "open311_clients_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;