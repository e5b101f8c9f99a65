import { afterAll } from "vitest";

if (!process.env.DATABASE_URL) {
  throw new Error("Integration tests need DATABASE_URL (a migrated database). Run them with `npm test`, which makes a fresh one.");
}
process.env.DATABASE_POOL_MAX ??= "4";

afterAll(async () => {
  const { disconnectDb } = await import("@/server/db");
  await disconnectDb();
});
