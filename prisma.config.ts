import { defineConfig } from "prisma/config";

// Prisma's CLI insists on a native schema-engine binary, which cannot be downloaded here. `generate`,
// `validate` and `format` never actually run it, so any executable path satisfies the check.
// Migrations are applied and authored by scripts/db-migrate.ts and scripts/db-diff.ts instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/gatehouse" },
});
