/**
 * Pages while the database is not there (decision record 018): the proxy answers 503 with Retry-After
 * (HTML for a page, JSON for the sync status the sync page polls) instead of letting the page render
 * its error as a 500; once the database is back, requests pass again. The database here is a port
 * where nothing listens, then a port where something does.
 */
import { createServer, type Server } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let port = 0;
let server: Server | null = null;

beforeAll(async () => {
  server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = null;
  // Before any module reads the environment: this file's database is one that does not answer.
  process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${port}/nothing_here`;
});

afterAll(async () => {
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
});

const page = (path: string, init: { accept?: string; method?: string } = {}) =>
  new NextRequest(`http://localhost:3000${path}`, {
    method: init.method ?? "GET",
    headers: {
      host: "localhost:3000",
      ...(init.accept ? { accept: init.accept } : {}),
      ...(init.method === "POST" ? { origin: "http://localhost:3000" } : {}),
    },
  });

describe("pages while the database is unreachable", () => {
  it("answer 503 with Retry-After; a page gets HTML, the sync status and a server action get JSON", async () => {
    const { proxy } = await import("@/proxy");
    const { resetDatabaseHealth } = await import("@/server/db-health");
    resetDatabaseHealth();
    const html = await proxy(page("/programmes/acme/risks", { accept: "text/html" }));
    expect(html.status).toBe(503);
    expect(html.headers.get("retry-after")).toBe("2");
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(await html.text()).toContain("cannot reach its database");
    const status = await proxy(page("/programmes/acme/dashboard/sync/status"));
    expect(status.status).toBe(503);
    expect(await status.json()).toMatchObject({ error: { code: "DATABASE_UNAVAILABLE" } });
    const action = await proxy(page("/programmes/acme/risks", { method: "POST" }));
    expect(action.status).toBe(503);
  });

  it("pass again once the database answers (probed at most once a second)", async () => {
    const { proxy } = await import("@/proxy");
    const { resetDatabaseHealth, markDatabaseUnavailable } = await import("@/server/db-health");
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    resetDatabaseHealth();
    const ok = await proxy(page("/programmes/acme/risks"));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-middleware-next")).toBe("1");
    // Code that just lost the database (the page guard, the action factory) marks it: the next requests get 503 at once.
    markDatabaseUnavailable();
    expect((await proxy(page("/programmes/acme/risks"))).status).toBe(503);
    resetDatabaseHealth();
  });

  it("a server action from another site is a 403, never Next's 500", async () => {
    const { proxy } = await import("@/proxy");
    for (const origin of ["https://evil.test", "null", "not a url", "http://localhost:3001"]) {
      const res = await proxy(
        new NextRequest("http://localhost:3000/programmes/acme/risks", {
          method: "POST",
          headers: { host: "localhost:3000", origin, "next-action": "abc" },
        }),
      );
      expect(res.status, origin).toBe(403);
    }
  });

  it("a path with malformed %-encoding is a 400 before anything else (Next would answer 500)", async () => {
    const { proxy, config } = await import("@/proxy");
    const res = await proxy(new NextRequest("http://localhost:3000/programmes/acme/risks/%C3%28", { headers: { host: "localhost:3000" } }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
    // API and sync-keys paths with any %-encoding go through the proxy too; plain ones stay outside it (their bodies stream).
    const matches = (path: string) => config.matcher.some((m) => new RegExp(`^${m.replace("/(", "/(?:")}$`).test(path));
    expect(matches("/api/v1/programmes/%C3%28/gates")).toBe(true);
    expect(matches("/programmes/x%C3/dashboard/sync/keys")).toBe(true);
  });
});
