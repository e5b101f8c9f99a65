/**
 * The wrappers while the database is not there: every route answers 503 with Retry-After (never a 500),
 * with the route's own message when it has one. The database here is a port where nothing listens,
 * so the token lookup itself fails as it does when PostgreSQL is down or restarting.
 */
import { createServer } from "node:net";
import { NextRequest, NextResponse } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  // Before any module reads the environment: this file's database is one that does not answer.
  process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${await closedPort()}/nothing_here`;
});

const token = "gh_" + "A".repeat(40);
const request = (init: { method?: string; body?: string } = {}) =>
  new NextRequest("http://localhost/api/v1/programmes/p/things", { headers: { authorization: `Bearer ${token}` }, ...init });
const params = { params: Promise.resolve({ slug: "p" }) };

describe("database unavailable", () => {
  it("withApiToken answers 503 with Retry-After and the default or the route's message; the handler never runs", async () => {
    const { withApiToken } = await import("@/server/api/with-api-token");
    const handler = vi.fn(() => NextResponse.json({}));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const plain = await withApiToken(handler)(request(), params);
    expect(plain.status).toBe(503);
    expect(plain.headers.get("retry-after")).toBe("2");
    expect(await plain.json()).toEqual({
      error: {
        code: "DATABASE_UNAVAILABLE",
        message: "The database is not reachable right now (it may be restarting). Try again shortly.",
      },
    });
    const custom = await withApiToken(handler, { body: "json", unavailableMessage: "Send the same batch again." })(
      request({ method: "POST", body: "{}" }),
      params,
    );
    expect(custom.status).toBe(503);
    expect(custom.headers.get("retry-after")).toBe("2");
    expect(await custom.json()).toMatchObject({ error: { message: "Send the same batch again." } });
    expect(handler).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it("a handler whose query finds no database answers 503 too (withPublicRoute)", async () => {
    const { withPublicRoute } = await import("@/server/api/with-public-route");
    const { db } = await import("@/server/db");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const res = await withPublicRoute(async () => NextResponse.json({ n: await db.programme.count() }))(
      new NextRequest("http://localhost/api/v1/calendar/x"),
      { params: Promise.resolve({}) },
    );
    warn.mockRestore();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
  });
});
