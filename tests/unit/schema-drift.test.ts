// prisma/schema.prisma and prisma/migrations must agree: replaying the migrations on an empty
// database must give exactly the schema. Otherwise a schema change has no migration yet.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { closeSchemaDiff, diffMigrations } from "../../src/server/db/schema-diff";

const root = path.resolve(import.meta.dirname, "../..");

// Each diff replays the migrations on an in-memory PGlite, which takes ~2.5 s to start (once:
// keepAlive shares it between the tests of this file).
const timeout = 60_000;

describe("schema drift", () => {
  afterAll(closeSchemaDiff);

  it("prisma/migrations produce exactly prisma/schema.prisma", { timeout }, async () => {
    const { sql, path: written } = await diffMigrations({ write: false, rootDir: root, keepAlive: true });
    expect(written).toBeUndefined();
    expect(
      sql,
      "prisma/schema.prisma has changes that no migration covers. Run `npm run db:diff -- <name>` " +
        "to write the migration, review it and commit it. The missing SQL:\n\n" +
        sql,
    ).toBe("");
  });

  it("detects drift: a model that no migration creates", { timeout }, async () => {
    const schema =
      readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8") +
      '\nmodel DriftProbe {\n  id   Int    @id\n  note String @default("")\n}\n';
    const { sql, path: written } = await diffMigrations({ write: false, rootDir: root, schema, keepAlive: true });
    expect(written).toBeUndefined();
    expect(sql).toContain('CREATE TABLE "DriftProbe"');
    expect(sql).not.toContain('CREATE TABLE "User"'); // only the difference, not the whole schema
  });
});
