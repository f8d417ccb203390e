import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from './lib/database-url.js';

// The CLI runs its WASM schema engine through the pg driver adapter: no engine download (offline machines).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () => new PrismaPg(parseDatabaseUrl(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL)),
});
