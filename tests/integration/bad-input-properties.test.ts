import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { makeProgramme, makeUser } from "@/demo/factories";
import { createCalendarLink } from "@/features/calendar/server/create-calendar-link";
import { createApiToken } from "@/features/tokens/server/create-api-token";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";

// Property (issue 12, decision record 018): no generated input gets a 5xx other than 503 — from any JSON API
// endpoint (its exported handlers, called with NextRequests against the real test database) or any page
// (its server component called as Next calls it: params and searchParams as generated, the signed-in user given).

// The signed-in user of pages (NextAuth's cookie needs Next's request scope): the programme's manager.
const session = vi.hoisted(() => ({ user: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user!,
  requirePageUser: async () => session.user!,
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
}));
// Per-token rate limits are tested on their own (route-wrappers.test.ts); here every generated request must reach its handler.
vi.mock("@/server/api/rate-limit", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/api/rate-limit")>()),
  consumeRateLimit: async () => {},
}));

const RUNS_PER_ENDPOINT = 300;
const PAGE_RUNS = 2000;
const counts = { api: 0, pages: 0, statuses: new Map<number, number>(), pageOutcomes: new Map<string, number>() };

let fixture: { slug: string; otherSlug: string; token: string; otherToken: string; calendarToken: string; riskId: string; manager: Actor };

beforeAll(async () => {
  const manager = await makeUser();
  const p = await makeProgramme(manager);
  const other = await makeProgramme(await makeUser());
  const { token } = await createApiToken({ id: null, label: "test" }, { programmeSlug: p.slug, name: "property" });
  const { token: otherToken } = await createApiToken({ id: null, label: "test" }, { programmeSlug: other.slug, name: "other" });
  const { token: calendarToken } = await createCalendarLink(manager, { programmeSlug: p.slug });
  const risk = await db.risk.findFirstOrThrow({ where: { programmeId: p.id }, select: { id: true } });
  fixture = { slug: p.slug, otherSlug: other.slug, token, otherToken, calendarToken, riskId: risk.id, manager };
  session.user = manager;
});

afterAll(() => {
  console.log(
    `bad-input properties: ${counts.api} API requests (statuses ${JSON.stringify(Object.fromEntries(counts.statuses))}), ` +
      `${counts.pages} page renders (${JSON.stringify(Object.fromEntries(counts.pageOutcomes))})`,
  );
});

// --- Generators --------------------------------------------------------------------------------

/** Text a careless client or an attacker sends: any string, control characters and NUL, huge numbers, near-dates. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "\r\n", "%00", "null", "undefined", "NaN", "Infinity", "-1", "0", "1e308", "-0", "../"),
  fc.stringMatching(/^\d{1,25}$/),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
    .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  fc.constantFrom("2026-02-30", "0000-01-01", "2026-13-01", "9999-12-31", "2026-03-01", "2026-03-31", "abc"),
  fc.uuid(),
);
const slugArb = () =>
  fc.oneof(
    { arbitrary: fc.constant(fixture.slug), weight: 4 },
    { arbitrary: fc.constant(fixture.otherSlug), weight: 1 },
    { arbitrary: nasty, weight: 2 },
  );
const tokenArb = () =>
  fc.oneof(
    { arbitrary: fc.constant(`Bearer ${fixture.token}`), weight: 6 },
    { arbitrary: fc.constant(`Bearer ${fixture.otherToken}`), weight: 1 },
    { arbitrary: nasty.map((s) => `Bearer ${s}`), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
const queryArb = fc.array(fc.tuple(fc.constantFrom("from", "to", "week", "round", "x", "from"), nasty), { maxLength: 4 });
const jsonArb = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({
    events: fc.array(
      fc.dictionary(
        fc.constantFrom("externalId", "day", "user", "tasks", "costUsd", "tokens", "minutesSaved"),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      { maxLength: 5 },
    ),
  }),
  fc.record({ variables: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })) }),
);
const bodyArb = fc.oneof(
  jsonArb.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    "",
    "null",
    "{",
    '{"events": null}',
    '{"events": [{"day": "2026-02-30"}]}',
    '{"events": [{"externalId":"a","day":"2026-03-01","user":"u","costUsd":1e308}]}',
  ),
);

const url = (p: string, query: [string, string][]) => {
  const u = new URL(`http://localhost${p}`);
  for (const [k, v] of query) u.searchParams.append(k, v);
  return u.toString();
};

function record(status: number) {
  counts.api++;
  counts.statuses.set(status, (counts.statuses.get(status) ?? 0) + 1);
}
const acceptable = (status: number) => status < 500 || status === 503;

// --- JSON API ----------------------------------------------------------------------------------

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * Every route handler and each method it exports, found on disk — so an endpoint added later is covered without
 * anyone remembering to list it. NextAuth's catch-all is its own library's (route-handlers.test.ts lists it as
 * the one exception to the wrappers).
 */
function apiEndpoints(): { name: string; file: string; method: (typeof METHODS)[number]; segments: string[] }[] {
  const API = path.resolve("src/app/api");
  const files = (readdirSync(API, { recursive: true }) as string[])
    .filter((f) => /(^|\/)route\.ts$/.test(f) && !f.includes("[...nextauth]"))
    .sort();
  return files.flatMap((f) => {
    const source = readFileSync(path.join(API, f), "utf8");
    const segments = [...f.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
    return METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b|export \\{[^}]*\\b${m}\\b`).test(source)).map(
      (method) => ({ name: `${method} ${path.dirname(f)}`, file: path.join(API, f), method, segments }),
    );
  });
}

describe("every JSON API endpoint answers generated input with a 4xx (or 2xx), never a 5xx other than 503", () => {
  const endpoints = apiEndpoints();

  it("finds every route handler under src/app/api (NextAuth's own excepted)", () => {
    expect(endpoints.map((e) => e.name)).toEqual(
      expect.arrayContaining(["GET v1/programmes/[slug]/metrics", "POST v1/programmes/[slug]/usage-events"]),
    );
  });

  for (const endpoint of endpoints) {
    it(
      endpoint.name,
      async () => {
        const handler = (await import(/* @vite-ignore */ endpoint.file))[endpoint.method] as Handler;
        const segmentArb = (name: string) =>
          name === "slug" ? slugArb() : name === "token" ? fc.oneof(fc.constant(`${fixture.calendarToken}.ics`), nasty) : nasty;
        const paramsArb = fc.record(
          Object.fromEntries(endpoint.segments.map((s) => [s, segmentArb(s)])) as Record<string, fc.Arbitrary<string>>,
        );
        await fc.assert(
          fc.asyncProperty(
            paramsArb,
            tokenArb(),
            queryArb,
            bodyArb,
            fc.constantFrom(undefined, "k-1", "\u00e9"),
            async (params, auth, query, body, key) => {
              const headers: Record<string, string> = { "content-type": "application/json" };
              if (auth !== undefined && /^[\t\x20-\x7e]*$/.test(auth)) headers.authorization = auth;
              if (key !== undefined && /^[\x20-\x7e]*$/.test(key)) headers["idempotency-key"] = key;
              const request = new NextRequest(url("/api/v1/x", query), {
                method: endpoint.method,
                headers,
                body: endpoint.method === "POST" ? body : undefined,
              });
              const res = await handler(request, { params: Promise.resolve(params) });
              record(res.status);
              if (!acceptable(res.status)) throw new Error(`${endpoint.name} answered ${res.status}: ${await res.text()}`);
            },
          ),
          { numRuns: RUNS_PER_ENDPOINT, seed: 20261202 },
        );
      },
      300_000,
    );
  }
});

// --- Pages -------------------------------------------------------------------------------------

const APP = path.resolve("src/app");

/** Every page (and the programme layout, which loads the programme), with the names of its segments. */
function pageFiles(): { file: string; segments: string[] }[] {
  const files = (readdirSync(APP, { recursive: true }) as string[])
    .filter((f) => /(^|\/)page\.tsx$/.test(f) || f === "(app)/programmes/[slug]/layout.tsx")
    .sort();
  return files.map((f) => ({ file: path.join(APP, f), segments: [...f.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!) }));
}

/** What Next does with what a page throws: notFound() is a 404, redirect() a 307; anything else is a 500. */
function outcomeOf(e: unknown): string {
  const digest = (e as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return digest.split(";")[1]!;
  if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return "redirect";
  throw e;
}

describe("every page answers generated segments and query strings with a page, a 404 or a redirect, never a 500", () => {
  it("pages", async () => {
    const pages = pageFiles();
    expect(pages.length).toBeGreaterThan(40);
    const modules = await Promise.all(
      pages.map(async (p) => ({ ...p, component: (await import(p.file)).default as (props: unknown) => unknown })),
    );
    const segmentArb = (name: string) =>
      name === "slug"
        ? slugArb()
        : name === "id" || name === "scenarioId"
          ? fc.oneof(fc.constant(fixture.riskId), nasty)
          : name === "gate"
            ? fc.oneof(fc.constantFrom("architecture-review", "pilot-debrief", "production-readiness-review"), nasty)
            : nasty;
    const searchArb = fc.dictionary(
      fc.constantFrom(
        "from",
        "to",
        "week",
        "round",
        "before",
        "a",
        "b",
        "with",
        "compare",
        "probability",
        "impact",
        "flag",
        "status",
        "callbackUrl",
        "error",
        "q",
      ),
      fc.oneof(nasty, fc.array(nasty, { maxLength: 3 })),
      { maxKeys: 4 },
    );
    const caseArb = fc.integer({ min: 0, max: modules.length - 1 }).chain((index) =>
      fc.record({
        index: fc.constant(index),
        params: fc.record(
          Object.fromEntries(modules[index]!.segments.map((s) => [s, segmentArb(s)])) as Record<string, fc.Arbitrary<string>>,
        ),
        search: searchArb,
      }),
    );
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ index, params, search }) => {
        const page = modules[index]!;
        let outcome: string;
        try {
          await page.component({ params: Promise.resolve(params), searchParams: Promise.resolve(search), children: null });
          outcome = "rendered";
        } catch (e) {
          try {
            outcome = outcomeOf(e);
          } catch {
            throw new Error(
              `${path.relative(APP, page.file)} with ${JSON.stringify({ params, search })} threw: ${String((e as Error)?.stack ?? e)}`,
            );
          }
        }
        counts.pages++;
        counts.pageOutcomes.set(outcome, (counts.pageOutcomes.get(outcome) ?? 0) + 1);
      }),
      { numRuns: PAGE_RUNS, seed: 20261202 },
    );
  }, 600_000);
});
