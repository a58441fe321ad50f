import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './hub/src/db/schema.ts',
  out: './hub/drizzle',
  casing: 'snake_case',
});
