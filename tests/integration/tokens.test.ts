import { describe, expect, it } from "vitest";

import { makeProgramme, makeUser, uniqueSuffix } from "@/demo/factories";
import { hashApiToken, TOKEN_PATTERN } from "@/domain/tokens";
import { createApiToken } from "@/features/tokens/server/create-api-token";
import { db } from "@/server/db";
import { ConflictError, NotFoundError } from "@/server/errors";

const CLI = { id: null, label: "cli (test)" };

describe("programme API tokens", () => {
  it("returns the token once and stores only its hash", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const t = await createApiToken(CLI, { programmeSlug: p.slug, name: "usage-pipeline" });
    expect(t.token).toMatch(TOKEN_PATTERN);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.tokenHash).toBe(hashApiToken(t.token));
    expect(JSON.stringify(row)).not.toContain(t.token);
    expect(t.token.startsWith(row.prefix)).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { programmeId: p.id, action: "token.create" },
      select: { before: true, after: true, hash: true },
    });
    expect(JSON.stringify(event)).not.toContain(t.token);
  });

  it("refuses a duplicate name, an unknown programme and a blank name, writing nothing", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    await createApiToken(CLI, { programmeSlug: p.slug, name: "etl" });
    await expect(createApiToken(CLI, { programmeSlug: p.slug, name: "etl" })).rejects.toBeInstanceOf(ConflictError);
    await expect(createApiToken(CLI, { programmeSlug: `none-${uniqueSuffix()}`, name: "etl" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createApiToken(CLI, { programmeSlug: p.slug, name: " " })).rejects.toMatchObject({ name: "ZodError" });
    expect(await db.apiToken.count({ where: { programmeId: p.id } })).toBe(1);
  });
});
