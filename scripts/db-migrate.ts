/**
 * `npm run db:migrate`: applies the pending migrations in prisma/migrations to DATABASE_URL, keeping
 * Prisma's `_prisma_migrations` table (so `prisma migrate deploy` stays interchangeable).
 */
import { applyMigrations } from "../src/server/db/migrations";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "DATABASE_URL is required: set it to the PostgreSQL database to migrate, e.g.\n" +
        "  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/gatehouse npm run db:migrate\n" +
        "(The embedded database started by `npm start` without DATABASE_URL applies migrations itself.)",
    );
    return 1;
  }
  const { applied } = await applyMigrations(url, { log: (msg) => console.log(msg) });
  console.log(applied.length === 0 ? "No pending migrations." : `Applied ${applied.length} migration(s).`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
