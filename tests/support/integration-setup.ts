import { afterAll } from "vitest";

if (!process.env.DATABASE_URL) {
  throw new Error("Integration tests need DATABASE_URL (a migrated database). Run them with `npm test`, which makes a fresh one.");
}
process.env.DATABASE_POOL_MAX ??= "4";
// The app never runs without a session secret (npm start generates one; env.ts refuses to sign without it).
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";

afterAll(async () => {
  const { disconnectDb } = await import("@/server/db");
  await disconnectDb();
});
