import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './hub/src/db/schema.pg.ts',
  out: './hub/drizzle/postgres',
  casing: 'snake_case',
});
