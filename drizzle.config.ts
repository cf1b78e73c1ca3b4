import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema files and applied by `chancenregion migrate`
// (and on start), on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/**/schema.ts'],
  out: './drizzle',
  casing: 'snake_case',
});
