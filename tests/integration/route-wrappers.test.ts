import { NextRequest, NextResponse } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { makeProgramme, makeUser, uniqueSuffix } from "@/demo/factories";
import { createApiToken } from "@/features/tokens/server/create-api-token";
import { withApiToken } from "@/server/api/with-api-token";
import { withPublicRoute } from "@/server/api/with-public-route";
import { withSession } from "@/server/api/with-session";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

// The signed-in user comes from NextAuth's cookie, which needs Next's request scope: here it is whoever the test says.
const session = vi.hoisted(() => ({ user: null as Actor | null, calls: 0 }));
vi.mock("@/server/auth/session", () => ({
  currentUser: async () => {
    session.calls++;
    return session.user;
  },
}));

async function programmeWithToken() {
  const p = await makeProgramme(await makeUser());
  const { token } = await createApiToken({ id: null, label: "test" }, { programmeSlug: p.slug, name: `t-${uniqueSuffix()}` });
  return { p, token };
}

/** An endless upload that counts how many chunks were pulled from it and whether it was cancelled. */
function countingStream(chunkBytes: number) {
  const seen = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        seen.pulls++;
        controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    // Nothing is pulled until someone reads.
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

const url = (slug: string) => `http://localhost/api/v1/programmes/${slug}/things?q=1`;
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

function request(slug: string, init: { token?: string; body?: BodyInit; headers?: Record<string, string>; method?: string } = {}) {
  return new NextRequest(url(slug), {
    method: init.method ?? "POST",
    body: init.body,
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
}

const thingSchema = z.object({
  name: z.string().min(1, "is required"),
  items: z.array(z.object({ n: z.number({ error: "must be a number" }) })),
});

/** A route as the app writes one: a schema, a small cap, and its own rate limit so tests do not share counters. */
function thingRoute(limit = 1000) {
  let ran = 0;
  const POST = withApiToken(
    async ({ token, body, text, params, searchParams }) => {
      ran++;
      return NextResponse.json({
        programme: token.programme.slug,
        slug: params.slug,
        name: body.name,
        bytes: text.length,
        q: searchParams.get("q"),
      });
    },
    {
      body: thingSchema,
      maxBodyBytes: 1024,
      rateLimit: { name: `test_${uniqueSuffix()}`, what: "test calls", limits: [{ points: limit, seconds: 60 }] },
    },
  );
  return { POST, ran: () => ran };
}

describe("withApiToken", () => {
  it("checks the token before reading a byte of the body: none, unknown, revoked or another programme's token", async () => {
    const { p, token } = await programmeWithToken();
    const other = await programmeWithToken();
    const { POST, ran } = thingRoute();
    const revoked = await programmeWithToken();
    await db.apiToken.updateMany({ where: { programmeId: revoked.p.id }, data: { revokedAt: new Date() } });

    const cases: [string | undefined, string, number][] = [
      [undefined, p.slug, 401],
      ["gh_" + "x".repeat(40), p.slug, 401],
      [revoked.token, revoked.p.slug, 401],
      [other.token, p.slug, 404],
    ];
    for (const [t, slug, status] of cases) {
      const upload = countingStream(64 * 1024);
      const res = await POST(request(slug, { token: t, body: upload.stream }), params(slug));
      expect(res.status).toBe(status);
      expect((await res.json()) as unknown).toMatchObject({ error: { code: status === 401 ? "UNAUTHENTICATED" : "NOT_FOUND" } });
      expect(upload.seen.pulls).toBe(0);
    }
    expect(ran()).toBe(0);

    const json = JSON.stringify({ name: "a", items: [{ n: 1 }] });
    const ok = await POST(request(p.slug, { token, body: json }), params(p.slug));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ programme: p.slug, slug: p.slug, name: "a", bytes: json.length, q: "1" });
  });

  it("413 over the cap: a declared Content-Length is refused unread, a streamed body is cancelled at the first chunk past the cap", async () => {
    const { p, token } = await programmeWithToken();
    const { POST, ran } = thingRoute();

    const declared = countingStream(256);
    const res = await POST(request(p.slug, { token, body: declared.stream, headers: { "content-length": "5000" } }), params(p.slug));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: "TOO_LARGE", message: "The body is over 1 KB." } });
    expect(declared.seen.pulls).toBe(0);

    const streamed = countingStream(256);
    const res2 = await POST(request(p.slug, { token, body: streamed.stream }), params(p.slug));
    expect(res2.status).toBe(413);
    // 1024 bytes fit in 4 chunks; the 5th passes the cap and nothing after it is read.
    expect(streamed.seen.pulls).toBeLessThanOrEqual(5);
    expect(streamed.seen.cancelled).toBe(true);
    expect(ran()).toBe(0);
  });

  it("400 on malformed JSON, an empty body or null; 422 naming every bad field", async () => {
    const { p, token } = await programmeWithToken();
    const { POST, ran } = thingRoute();
    const send = (body: string) => POST(request(p.slug, { token, body }), params(p.slug));

    const bad = await send("{not json");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: "MALFORMED_JSON", message: "The body is not valid JSON." } });
    const empty = await send("");
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { message: "The body is empty; send JSON." } });
    const latin1 = await POST(request(p.slug, { token, body: new Uint8Array([0x7b, 0xff, 0x7d]) }), params(p.slug));
    expect(latin1.status).toBe(400);
    expect(await latin1.json()).toMatchObject({ error: { message: "The body is not valid UTF-8 text." } });
    const nul = await send("null");
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ error: { message: "The body is JSON null; send a JSON object." } });

    const invalid = await send(JSON.stringify({ name: "", items: [{ n: 1 }, { n: "two" }] }));
    expect(invalid.status).toBe(422);
    const body = (await invalid.json()) as { error: { code: string; message: string; fields: { path: string; message: string }[] } };
    expect(body.error.code).toBe("INVALID");
    expect(body.error.fields).toEqual([
      { path: "name", message: "is required" },
      { path: "items.1.n", message: "must be a number" },
    ]);
    expect(body.error.message).toBe("name: is required; items.1.n: must be a number");
    expect(ran()).toBe(0);
  });

  it("429 with Retry-After once a token used its limit; another token is not affected", async () => {
    const a = await programmeWithToken();
    const b = await programmeWithToken();
    const { POST, ran } = thingRoute(2);
    const send = (slug: string, token: string) =>
      POST(request(slug, { token, body: JSON.stringify({ name: "a", items: [] }) }), params(slug));
    expect((await send(a.p.slug, a.token)).status).toBe(200);
    expect((await send(a.p.slug, a.token)).status).toBe(200);
    const limited = await send(a.p.slug, a.token);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({
      error: { code: "RATE_LIMITED", message: expect.stringContaining("at most 2 per minute") },
    });
    expect((await send(a.p.slug, a.token)).status).toBe(429);
    expect((await send(b.p.slug, b.token)).status).toBe(200);
    expect(ran()).toBe(3);
  });

  it("errors from the handler: an AppError with its status, a zod error as 422 naming fields, anything else a generic 500", async () => {
    const { p, token } = await programmeWithToken();
    const failing = (error: unknown) =>
      withApiToken(
        () => {
          throw error;
        },
        { rateLimit: { name: `test_${uniqueSuffix()}`, what: "test calls", limits: [{ points: 100, seconds: 60 }] } },
      );
    const call = (error: unknown) => failing(error)(request(p.slug, { token, method: "GET" }), params(p.slug));

    const notFound = await call(new NotFoundError("Workflow not found."));
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: { code: "NOT_FOUND", message: "Workflow not found." } });
    const rule = await call(new RuleError("Pick a later day.", "day"));
    expect(rule.status).toBe(422);
    expect(await rule.json()).toEqual({
      error: { code: "INVALID", message: "Pick a later day.", fields: [{ path: "day", message: "Pick a later day." }] },
    });
    const zod = await call(z.object({ from: z.string() }).safeParse({}).error);
    expect(zod.status).toBe(422);
    expect(await zod.json()).toMatchObject({ error: { code: "INVALID", field: "from", fields: [{ path: "from" }] } });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = await call(new TypeError("cannot read x of undefined"));
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
    expect(bug.status).toBe(500);
    expect(await bug.json()).toEqual({ error: { code: "INTERNAL", message: "Something went wrong; nothing was changed." } });
  });
});

describe("withSession", () => {
  const user = async () => {
    const u = await makeUser();
    return { id: u.id, email: u.email, name: u.name };
  };
  let ran = 0;
  const POST = withSession<{ slug: string }, z.ZodObject<{ kind: z.ZodString }>>(
    ({ user, body, params }) => {
      ran++;
      return NextResponse.json({ user: user.id, kind: body.kind, slug: params.slug });
    },
    { body: z.object({ kind: z.string() }), sensitive: true },
  );
  const GET = withSession<{ slug: string }>(({ user }) => NextResponse.json({ user: user.id }));
  const post = (headers: Record<string, string>, body = JSON.stringify({ kind: "ADMIN" })) =>
    POST(new NextRequest("http://localhost:3000/programmes/p/things", { method: "POST", body, headers }), params("p"));

  beforeEach(() => {
    session.user = null;
    session.calls = 0;
    ran = 0;
  });

  it("refuses a state-changing request from another site with 403 JSON (not a 500), before the session or the body", async () => {
    session.user = await user();
    for (const origin of ["https://evil.test", "null", "http://localhost:3001"]) {
      const res = await post({ origin, "content-type": "application/json" });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: "FORBIDDEN", message: "Cross-origin requests are refused." } });
    }
    const fetchMetadata = await post({ "sec-fetch-site": "cross-site", "content-type": "application/json" });
    expect(fetchMetadata.status).toBe(403);
    expect(session.calls).toBe(0);
    expect(ran).toBe(0);

    const same = await post({ origin: "http://localhost:3000", "content-type": "application/json" });
    expect(same.status).toBe(200);
    expect(await same.json()).toMatchObject({ kind: "ADMIN", slug: "p" });
    // A read from anywhere is not a state change.
    const read = await GET(
      new NextRequest("http://localhost:3000/programmes/p/x", { headers: { origin: "https://evil.test" } }),
      params("p"),
    );
    expect(read.status).toBe(200);
  });

  it("401 JSON without a signed-in user; 415 for a body that is not JSON; 422 naming the field", async () => {
    const none = await post({ origin: "http://localhost:3000", "content-type": "application/json" });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Please sign in." } });
    session.user = await user();
    const form = await post({ "content-type": "application/x-www-form-urlencoded" }, "kind=ADMIN");
    expect(form.status).toBe(415);
    const invalid = await post({ "content-type": "application/json" }, JSON.stringify({ kind: 7 }));
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ error: { code: "INVALID", field: "kind", fields: [{ path: "kind" }] } });
    expect(ran).toBe(0);
  });
});

describe("withPublicRoute", () => {
  it("runs the handler with the URL's params and maps its errors", async () => {
    const GET = withPublicRoute<{ token: string }>(({ params }) => {
      if (params.token !== "good") throw new NotFoundError("Calendar not found.");
      return new NextResponse("ok");
    });
    const call = (token: string) =>
      GET(new NextRequest(`http://localhost/api/v1/calendar/${token}`), { params: Promise.resolve({ token }) });
    expect((await call("good")).status).toBe(200);
    const missing = await call("bad");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "NOT_FOUND", message: "Calendar not found." } });
  });
});
