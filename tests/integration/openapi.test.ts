import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import addFormats from "ajv-formats";
import { Ajv2020 } from "ajv/dist/2020.js";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as calendarRoute } from "@/app/api/v1/calendar/[token]/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { GET as cohortsRoute } from "@/app/api/v1/programmes/[slug]/cohorts/route";
import { GET as gatesRoute } from "@/app/api/v1/programmes/[slug]/gates/route";
import { GET as metricsRoute } from "@/app/api/v1/programmes/[slug]/metrics/route";
import { POST as usageRoute } from "@/app/api/v1/programmes/[slug]/usage-events/route";
import { POST as runRoute } from "@/app/api/v1/programmes/[slug]/workflows/[workflow]/runs/route";
import { GET as workflowsRoute } from "@/app/api/v1/programmes/[slug]/workflows/route";
import { makeProgramme, makeUser } from "@/demo/factories";
import { createCalendarLink } from "@/features/calendar/server/create-calendar-link";
import { saveCohort } from "@/features/cohorts/server/save-cohort";
import { createApiToken } from "@/features/tokens/server/create-api-token";
import { startEvaluation } from "@/features/workflows/server/evaluate";
import { approveVersion, markCandidate, promoteVersion } from "@/features/workflows/server/labels";

import { startFakeAnthropic, type FakeAnthropic } from "../support/fake-anthropic";
import { makeReadyWorkflow } from "../support/workflow-fixture";

/**
 * The API contract: GET /api/v1/openapi.json validates as OpenAPI 3.1, documents every route.ts
 * method under src/app/api/v1, and every answer of every endpoint — success and error — matches the
 * document's schema for that status (ajv, JSON Schema 2020-12).
 */

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

let doc: Doc;
let ajv: Ajv2020;
let fake: FakeAnthropic;
const checked = new Set<string>();

beforeAll(async () => {
  fake = await startFakeAnthropic();
  process.env.ANTHROPIC_API_KEY = fake.apiKey;
  process.env.ANTHROPIC_BASE_URL = fake.url;
  const res = await openApiRoute(new NextRequest("http://localhost/api/v1/openapi.json"), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  doc = (await res.json()) as Doc;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc, "openapi");
});
afterAll(() => fake.close());

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Asserts the response's status is documented for the operation and its JSON body matches that status's schema. */
async function expectDocumented(res: Response, docPath: string, method: string) {
  const op = doc.paths[docPath]?.[method];
  expect(op, `${method.toUpperCase()} ${docPath} is documented`).toBeDefined();
  const documented = op!.responses[String(res.status)];
  expect(documented, `${method.toUpperCase()} ${docPath} documents status ${res.status}`).toBeDefined();
  checked.add(`${method} ${docPath} ${res.status}`);
  const type = res.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    expect(Object.keys(documented!.content ?? {}).some((t) => type.startsWith(t))).toBe(true);
    return res.text();
  }
  const body: unknown = await res.json();
  const validate = ajv.compile({
    $ref: `openapi#/${pointer("paths", docPath, method, "responses", String(res.status), "content", "application/json", "schema")}`,
  });
  if (!validate(body))
    expect.fail(`${method.toUpperCase()} ${docPath} ${res.status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
  return body;
}

const request = (url: string, init: { method?: string; token?: string; body?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(`http://localhost${url}`, {
    method: init.method ?? "GET",
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body ? { "content-type": "application/json" } : {}),
      ...init.headers,
    },
    body: init.body,
  });

const call = <P>(handler: (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>, req: NextRequest, params: P) =>
  handler(req, { params: Promise.resolve(params) });

/** Every route.ts under src/app/api/v1 as "method /path" (OpenAPI's {param} for [param]). */
function routeMethods(): string[] {
  const root = path.join(process.cwd(), "src/app/api/v1");
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const url =
          "/api/v1/" +
          path
            .relative(root, dir)
            .split(path.sep)
            .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
            .join("/");
        const source = readFileSync(full, "utf8");
        for (const m of source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g))
          out.push(`${m[1]!.toLowerCase()} ${url}`);
      }
    }
  };
  walk(root);
  return out.sort();
}

describe("the OpenAPI document", () => {
  it("validates as OpenAPI 3.1", async () => {
    const api = (await SwaggerParser.validate(structuredClone(doc) as never)) as { openapi: string };
    expect(api.openapi).toBe("3.1.0");
  });

  it("documents every method of every route.ts under src/app/api/v1, and nothing else", () => {
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`))
      .sort();
    expect(routeMethods().length).toBeGreaterThanOrEqual(7);
    expect(documented).toEqual(routeMethods());
  });

  it("documents the error statuses of each endpoint with the wrappers' error shape", () => {
    const runs = doc.paths["/api/v1/programmes/{slug}/workflows/{workflow}/runs"]!.post!.responses;
    expect(Object.keys(runs).sort()).toEqual(["200", "400", "401", "404", "413", "422", "429", "500", "502", "503"]);
    const usage = doc.paths["/api/v1/programmes/{slug}/usage-events"]!.post!.responses;
    expect(Object.keys(usage)).toEqual(expect.arrayContaining(["409", "413", "422", "429", "503"]));
  });
});

describe("every endpoint's answers match the document", () => {
  it("gates, metrics, usage events, workflows, runs, the calendar feed and the document itself", async () => {
    const pm = await makeUser({ name: "Pat Contract" });
    const p = await makeProgramme(pm);
    const other = await makeProgramme(pm);
    const { token } = await createApiToken({ id: null, label: "test" }, { programmeSlug: p.slug, name: "contract" });
    const { token: otherToken } = await createApiToken({ id: null, label: "test" }, { programmeSlug: other.slug, name: "other" });
    const slug = p.slug;

    // A workflow in production, so the list has variables and a run can succeed.
    const { w, owner, reviewer, ref } = await makeReadyWorkflow(pm, slug);
    await markCandidate(owner, ref);
    await (await startEvaluation(owner, ref, { apiKey: fake.apiKey, baseURL: fake.url, timeoutMs: 2_000 })).execute();
    await approveVersion(reviewer, { ...ref, note: "" });
    await promoteVersion(pm, ref);

    // gates
    const gatesUrl = `/api/v1/programmes/${slug}/gates`;
    const gp = "/api/v1/programmes/{slug}/gates";
    await expectDocumented(await call(gatesRoute, request(gatesUrl, { token }), { slug }), gp, "get");
    await expectDocumented(await call(gatesRoute, request(gatesUrl), { slug }), gp, "get");
    await expectDocumented(await call(gatesRoute, request(gatesUrl, { token: otherToken }), { slug }), gp, "get");

    // cohorts (one planned, so the metrics' cohort adoption has a row too)
    await saveCohort(pm, { programmeSlug: slug, name: "Pilot group", kind: "PEOPLE", plannedSeats: 20 });
    const cohortsPath = "/api/v1/programmes/{slug}/cohorts";
    const cohortsUrl = `/api/v1/programmes/${slug}/cohorts`;
    await expectDocumented(await call(cohortsRoute, request(cohortsUrl, { token }), { slug }), cohortsPath, "get");
    await expectDocumented(await call(cohortsRoute, request(cohortsUrl, { token: otherToken }), { slug }), cohortsPath, "get");

    // metrics
    const mp = "/api/v1/programmes/{slug}/metrics";
    const metrics = (url: string) => call(metricsRoute, request(url, { token }), { slug });
    await expectDocumented(await metrics(`/api/v1/programmes/${slug}/metrics?from=2026-11-01&to=2026-11-30`), mp, "get");
    const bad = await metrics(`/api/v1/programmes/${slug}/metrics?from=2026-02-30&to=2026-11-30`);
    expect(bad.status).toBe(422);
    await expectDocumented(bad, mp, "get");

    // usage events: stored, replayed, invalid, malformed, key reused, too large
    const up = "/api/v1/programmes/{slug}/usage-events";
    const usageUrl = `/api/v1/programmes/${slug}/usage-events`;
    const event = {
      externalId: "e-1",
      day: "2026-11-20",
      user: "u-1",
      tasks: 3,
      tokens: { uncachedInput: 100, output: 20 },
      costUsd: 0.02,
    };
    const send = (body: string, headers: Record<string, string> = {}) =>
      call(usageRoute, request(usageUrl, { method: "POST", token, body, headers }), { slug });
    const stored = await send(JSON.stringify({ events: [event] }), { "idempotency-key": "batch-1" });
    expect(await expectDocumented(stored, up, "post")).toEqual({ received: 1, inserted: 1, duplicates: 0 });
    const replay = await send(JSON.stringify({ events: [event] }), { "idempotency-key": "batch-1" });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    await expectDocumented(replay, up, "post");
    const reused = await send(JSON.stringify({ events: [{ ...event, externalId: "e-2" }] }), { "idempotency-key": "batch-1" });
    expect(reused.status).toBe(409);
    await expectDocumented(reused, up, "post");
    const invalid = await send(JSON.stringify({ events: [{ ...event, day: "2026-13-01" }] }));
    expect(invalid.status).toBe(422);
    expect(((await expectDocumented(invalid, up, "post")) as { error: { events: unknown[] } }).error.events).toHaveLength(1);
    const malformed = await send("{ not json");
    expect(malformed.status).toBe(400);
    await expectDocumented(malformed, up, "post");
    const huge = await call(
      usageRoute,
      request(usageUrl, { method: "POST", token, body: "{}", headers: { "content-length": String(13 * 1024 * 1024) } }),
      { slug },
    );
    expect(huge.status).toBe(413);
    await expectDocumented(huge, up, "post");

    // workflows: the production version's variables, each required
    const wp = "/api/v1/programmes/{slug}/workflows";
    const list = (await expectDocumented(
      await call(workflowsRoute, request(`/api/v1/programmes/${slug}/workflows`, { token }), { slug }),
      wp,
      "get",
    )) as { workflows: { slug: string; variables: { name: string; required: boolean }[] | null; evaluationMode: string | null }[] };
    expect(list.workflows.find((x) => x.slug === w.slug)).toMatchObject({
      variables: [
        { name: "claim_ref", required: true },
        { name: "customer", required: true },
      ],
      evaluationMode: "api",
    });

    // runs: 200, 502, 422 naming the variables, 404, 400, 413, then 429 past the per-minute limit
    const rp = "/api/v1/programmes/{slug}/workflows/{workflow}/runs";
    const runUrl = `/api/v1/programmes/${slug}/workflows/${w.slug}/runs`;
    const run = (body: string, workflow = w.slug, headers: Record<string, string> = {}) =>
      call(runRoute, request(`/api/v1/programmes/${slug}/workflows/${workflow}/runs`, { method: "POST", token, body, headers }), {
        slug,
        workflow,
      });
    const good = JSON.stringify({ variables: { claim_ref: "C-9", customer: "Bo" } });
    const ok = await run(good);
    expect(ok.status).toBe(200);
    await expectDocumented(ok, rp, "post");
    fake.failNext({ status: 400, message: "bad request" });
    const failed = await run(good);
    expect(failed.status).toBe(502);
    await expectDocumented(failed, rp, "post");
    const missing = await run(JSON.stringify({ variables: { claim_ref: "C-9" } }));
    expect(missing.status).toBe(422);
    expect(((await expectDocumented(missing, rp, "post")) as { error: { variables: unknown } }).error.variables).toEqual([
      { name: "customer", reason: "is required" },
    ]);
    const shapeless = await run(JSON.stringify({ vars: {} }));
    expect(shapeless.status).toBe(422);
    expect(((await expectDocumented(shapeless, rp, "post")) as { error: { fields: unknown[] } }).error.fields.length).toBeGreaterThan(0);
    const unknown = await run(good, "no-such-workflow");
    expect(unknown.status).toBe(404);
    await expectDocumented(unknown, rp, "post");
    const notJson = await run("{");
    expect(notJson.status).toBe(400);
    await expectDocumented(notJson, rp, "post");
    const tooBig = await call(
      runRoute,
      request(runUrl, { method: "POST", token, body: good, headers: { "content-length": String(300 * 1024) } }),
      { slug, workflow: w.slug },
    );
    expect(tooBig.status).toBe(413);
    await expectDocumented(tooBig, rp, "post");
    let limited: Response | undefined;
    for (let i = 0; i < 12 && !limited; i++) {
      const r = await run(JSON.stringify({ variables: {} }));
      if (r.status === 429) limited = r;
    }
    expect(limited?.headers.get("retry-after")).toMatch(/^\d+$/);
    await expectDocumented(limited!, rp, "post");

    // the calendar feed: the feed itself, and a 404 as JSON
    const cp = "/api/v1/calendar/{token}";
    const { token: calendarToken } = await createCalendarLink(pm, { programmeSlug: slug });
    const feed = await call(calendarRoute, request(`/api/v1/calendar/${calendarToken}.ics`), { token: `${calendarToken}.ics` });
    expect(feed.status).toBe(200);
    await expectDocumented(feed, cp, "get");
    await expectDocumented(await call(calendarRoute, request(`/api/v1/calendar/nope.ics`), { token: "nope.ics" }), cp, "get");

    // the document
    await expectDocumented(await call(openApiRoute, request("/api/v1/openapi.json"), {}), "/api/v1/openapi.json", "get");

    // Every documented operation was called at least once.
    const called = new Set([...checked].map((c) => c.split(" ").slice(0, 2).join(" ")));
    expect([...called].sort()).toEqual(routeMethods());
  }, 120_000);
});
