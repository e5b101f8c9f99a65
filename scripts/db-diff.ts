/**
 * `npm run db:diff -- <name>`: writes the migration that takes prisma/migrations to
 * prisma/schema.prisma, as prisma/migrations/<UTC timestamp>_<name>/migration.sql (an offline
 * `prisma migrate dev --create-only`). Review it, then `npm run db:migrate` (or `npm start`).
 */
import path from "node:path";

import { diffMigrations, MIGRATION_NAME_PATTERN } from "../src/server/db/schema-diff";

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const name = args[0];
  if (args.length !== 1 || !name || !MIGRATION_NAME_PATTERN.test(name)) {
    console.error(
      (name === undefined ? "A migration name is required.\n" : `Invalid migration name ${JSON.stringify(args.join(" "))}.\n`) +
        "Usage: npm run db:diff -- <name>\n" +
        "  <name>: the migration's name, letters, digits and underscores only (e.g. add_risk_owner).",
    );
    return 1;
  }
  const started = Date.now();
  const result = await diffMigrations({ name, write: true });
  if (!result.path) {
    console.log("schema.prisma and the migrations already agree; nothing written.");
    return 0;
  }
  console.log(`Wrote ${path.relative(process.cwd(), result.path)} (${Date.now() - started} ms). Review it, then npm run db:migrate.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
