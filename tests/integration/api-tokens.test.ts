import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { GET } from "@/app/api/v1/programmes/[slug]/gates/route";
import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { hashApiToken, TOKEN_PATTERN } from "@/domain/tokens";
import { createApiToken } from "@/features/tokens/server/create-api-token";
import { createProgrammeToken } from "@/features/tokens/server/create-programme-token";
import { listProgrammeTokens } from "@/features/tokens/server/list-programme-tokens";
import { revokeProgrammeToken } from "@/features/tokens/server/revoke-programme-token";
import { authorizeApiToken, LAST_USED_RESOLUTION_MS } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/server/errors";

const gates = (slug: string, token: string) =>
  GET(new NextRequest(`http://localhost/api/v1/programmes/${slug}/gates`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ slug }),
  });

async function setup() {
  const pm = await makeUser();
  const programme = await makeProgramme(pm);
  return { pm, programme, slug: programme.slug };
}

describe("API tokens in the app", () => {
  it("a programme manager creates a token (shown once), sees it listed without its secret, and it works on the API", async () => {
    const { pm, programme, slug } = await setup();
    const t = await createProgrammeToken(pm, { programmeSlug: slug, name: "  dashboards  " });
    expect(t.token).toMatch(TOKEN_PATTERN);
    expect(t.name).toBe("dashboards");
    const { tokens } = await listProgrammeTokens(pm, slug);
    expect(tokens).toEqual([
      expect.objectContaining({
        id: t.id,
        name: "dashboards",
        prefix: t.token.slice(0, 9),
        lastUsedAt: null,
        revokedAt: null,
        createdBy: { name: pm.name },
      }),
    ]);
    expect(JSON.stringify(tokens)).not.toContain(t.token);
    expect(JSON.stringify(tokens)).not.toContain(hashApiToken(t.token));
    expect(await db.auditEvent.findFirstOrThrow({ where: { programmeId: programme.id, action: "token.create" } })).toMatchObject({
      actorId: pm.id,
    });
    expect((await gates(slug, t.token)).status).toBe(200);
    expect((await listProgrammeTokens(pm, slug)).tokens[0]!.lastUsedAt).not.toBeNull();
    await expect(createProgrammeToken(pm, { programmeSlug: slug, name: "dashboards" })).rejects.toBeInstanceOf(ConflictError);
    // The CLI's way keeps working alongside.
    const cli = await createApiToken({ id: null, label: "cli (test)" }, { programmeSlug: slug, name: "etl" });
    expect((await gates(slug, cli.token)).status).toBe(200);
    expect((await listProgrammeTokens(pm, slug)).tokens).toHaveLength(2);
  });

  it("records last use at most once a minute per token", async () => {
    const { pm, slug } = await setup();
    const t = await createProgrammeToken(pm, { programmeSlug: slug, name: "poller" });
    await authorizeApiToken(`Bearer ${t.token}`, slug);
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt!;
    await authorizeApiToken(`Bearer ${t.token}`, slug);
    await authorizeApiToken(`Bearer ${t.token}`, slug);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt).toEqual(first);
    const longAgo = new Date(Date.now() - LAST_USED_RESOLUTION_MS - 1000);
    await db.apiToken.update({ where: { id: t.id }, data: { lastUsedAt: longAgo } });
    await authorizeApiToken(`Bearer ${t.token}`, slug);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt!.getTime()).toBeGreaterThan(longAgo.getTime());
  });

  it("revoking (audited) stops the token at once; revoking again finds nothing", async () => {
    const { pm, programme, slug } = await setup();
    const t = await createProgrammeToken(pm, { programmeSlug: slug, name: "old-pipeline" });
    expect((await gates(slug, t.token)).status).toBe(200);
    await revokeProgrammeToken(pm, { programmeSlug: slug, tokenId: t.id });
    expect((await gates(slug, t.token)).status).toBe(401);
    await expect(authorizeApiToken(`Bearer ${t.token}`, slug)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await db.auditEvent.findFirstOrThrow({ where: { programmeId: programme.id, action: "token.revoke" } })).toMatchObject({
      actorId: pm.id,
      entityId: t.id,
    });
    expect((await listProgrammeTokens(pm, slug)).tokens[0]!.revokedAt).not.toBeNull();
    await expect(revokeProgrammeToken(pm, { programmeSlug: slug, tokenId: t.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("who may manage tokens", () => {
  it("a member who is not a programme manager cannot create, list or revoke tokens", async () => {
    const { pm, programme, slug } = await setup();
    const t = await createProgrammeToken(pm, { programmeSlug: slug, name: "kept" });
    const events = await db.auditEvent.count({ where: { programmeId: programme.id } });
    for (const roles of [["VIEWER"], ["SPONSOR"], ["WORKFLOW_OWNER"]] as const) {
      const member = await makeUser();
      await makeMember(pm, slug, member, [...roles]);
      const eventsNow = await db.auditEvent.count({ where: { programmeId: programme.id } });
      await expect(createProgrammeToken(member, { programmeSlug: slug, name: `mine-${roles[0]}` })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listProgrammeTokens(member, slug)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(revokeProgrammeToken(member, { programmeSlug: slug, tokenId: t.id })).rejects.toBeInstanceOf(ForbiddenError);
      expect(await db.auditEvent.count({ where: { programmeId: programme.id } })).toBe(eventsNow);
    }
    expect(events).toBeGreaterThan(0);
    expect(await db.apiToken.count({ where: { programmeId: programme.id } })).toBe(1);
    expect((await gates(slug, t.token)).status).toBe(200);
  });

  it("another programme's manager cannot revoke this programme's token (not found either way), and it keeps working", async () => {
    const a = await setup();
    const b = await setup();
    const t = await createProgrammeToken(a.pm, { programmeSlug: a.slug, name: "a-token" });
    await expect(revokeProgrammeToken(b.pm, { programmeSlug: b.slug, tokenId: t.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeProgrammeToken(b.pm, { programmeSlug: a.slug, tokenId: t.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listProgrammeTokens(b.pm, a.slug)).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: t.id } })).revokedAt).toBeNull();
    expect((await gates(a.slug, t.token)).status).toBe(200);
    // And a's token is no key to b's programme.
    expect((await gates(b.slug, t.token)).status).toBe(404);
  });
});
