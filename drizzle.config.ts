import { defineConfig } from 'drizzle-kit';

/** SQLite's migrations; drizzle.postgres.config.ts generates PostgreSQL's from its own schema file. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './hub/src/db/schema.sqlite.ts',
  out: './hub/drizzle/sqlite',
  casing: 'snake_case',
});
