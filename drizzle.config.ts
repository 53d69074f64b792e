import { defineConfig } from 'drizzle-kit';

// drizzle-kit cannot open an encrypted vault: it only generates SQL; the app migrates on the keyed connection.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
});
