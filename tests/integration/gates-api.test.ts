import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { GET } from "@/app/api/v1/programmes/[slug]/gates/route";
import { makeProgramme, makeUser } from "@/demo/factories";
import { createApiToken } from "@/features/tokens/server/create-api-token";
import { db } from "@/server/db";

const call = (slug: string, authorization?: string) =>
  GET(new NextRequest(`http://localhost/api/v1/programmes/${slug}/gates`, { headers: authorization ? { authorization } : {} }), {
    params: Promise.resolve({ slug }),
  });

describe("GET /api/v1/programmes/{slug}/gates", () => {
  it("returns each gate's status, readiness and sign-offs for a valid programme token", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const { token } = await createApiToken({ id: null, label: "test" }, { programmeSlug: p.slug, name: "dashboards" });
    const res = await call(p.slug, `Bearer ${token}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      gates: { key: string; status: string; readiness: { summary: string; signOffsRequired: number }; signOffs: unknown[] }[];
    };
    expect(body.gates.map((g) => g.key)).toEqual(["ARCHITECTURE_REVIEW", "PILOT_DEBRIEF", "PRODUCTION_READINESS", "POST_LAUNCH_REVIEW"]);
    expect(body.gates[0]).toMatchObject({
      status: "NOT_STARTED",
      readiness: { summary: "0 of 12 criteria met, 0 of 4 sign-offs", signOffsRequired: 4 },
      signOffs: [],
    });
    expect((await db.apiToken.findFirstOrThrow({ where: { programmeId: p.id } })).lastUsedAt).not.toBeNull();
  });

  it("refuses a missing or unknown token (401) and another programme's token (404), as JSON", async () => {
    const pm = await makeUser();
    const a = await makeProgramme(pm);
    const b = await makeProgramme(pm);
    const { token } = await createApiToken({ id: null, label: "test" }, { programmeSlug: a.slug, name: "a-only" });
    const missing = await call(a.slug);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      error: { code: "UNAUTHENTICATED", message: expect.stringContaining("Authorization: Bearer") },
    });
    expect((await call(a.slug, "Bearer gh_" + "x".repeat(40))).status).toBe(401);
    const other = await call(b.slug, `Bearer ${token}`);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: { code: "NOT_FOUND", message: "Programme not found." } });
  });
});
