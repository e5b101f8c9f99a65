import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser, uniqueSuffix } from "@/demo/factories";
import { listAuditEvents } from "@/features/audit/server/list-audit-events";
import { addMember } from "@/features/members/server/add-member";
import { listMembers } from "@/features/members/server/list-members";
import { removeMember } from "@/features/members/server/remove-member";
import { updateMember } from "@/features/members/server/update-member";
import { getProgrammeOverview } from "@/features/programmes/server/get-programme-overview";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

async function setup() {
  const pm = await makeUser();
  const programme = await makeProgramme(pm);
  return { pm, programme, slug: programme.slug };
}

const auditCount = (programmeId: string) => db.auditEvent.count({ where: { programmeId } });

describe("membership changes", () => {
  it("adds an existing user with roles and functions, and audits it", async () => {
    const { pm, programme, slug } = await setup();
    const reviewer = await makeUser();
    await addMember(pm, {
      programmeSlug: slug,
      email: reviewer.email.toUpperCase(),
      roles: ["GATE_REVIEWER"],
      functions: ["SECURITY", "IT"],
    });
    const m = await db.membership.findUniqueOrThrow({ where: { programmeId_userId: { programmeId: programme.id, userId: reviewer.id } } });
    expect(m.roles).toEqual(["GATE_REVIEWER"]);
    expect(m.functions).toEqual(["SECURITY", "IT"]);
    const last = await db.auditEvent.findFirstOrThrow({ where: { programmeId: programme.id }, orderBy: { seq: "desc" } });
    expect(last).toMatchObject({
      action: "member.add",
      actorId: pm.id,
      after: { email: reviewer.email, roles: ["GATE_REVIEWER"], functions: ["SECURITY", "IT"] },
    });
  });

  it("invites someone new to Gatehouse instead of making an account for them (docs/decisions/016)", async () => {
    const { pm, programme, slug } = await setup();
    const email = `new-${uniqueSuffix()}@example.test`;
    const r = await addMember(pm, { programmeSlug: slug, email, name: "New Person", roles: ["VIEWER"], functions: [] });
    expect(r).toMatchObject({ kind: "invited", email, name: "New Person" });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.invitation.findFirstOrThrow({ where: { email } })).toMatchObject({ programmeId: programme.id, name: "New Person" });
    const { members } = await listMembers(pm, slug);
    expect(members.find((x) => x.user.email === email)).toBeUndefined();
    expect(JSON.stringify(members)).not.toContain("passwordHash");
  });

  it("refuses a duplicate member and a reviewer without a function, writing nothing", async () => {
    const { pm, programme, slug } = await setup();
    const viewer = await makeUser();
    await makeMember(pm, slug, viewer, ["VIEWER"]);
    const events = await auditCount(programme.id);
    await expect(addMember(pm, { programmeSlug: slug, email: viewer.email, roles: ["SPONSOR"], functions: [] })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      addMember(pm, { programmeSlug: slug, email: `x-${uniqueSuffix()}@example.test`, roles: ["GATE_REVIEWER"], functions: [] }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["functions"], message: "A gate reviewer needs at least one review function." })],
    });
    await expect(
      addMember(pm, { programmeSlug: slug, email: `y-${uniqueSuffix()}@example.test`, roles: [], functions: [] }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["roles"], message: "Choose at least one role." })],
    });
    expect(await auditCount(programme.id)).toBe(events);
    expect(await db.membership.count({ where: { programmeId: programme.id } })).toBe(2);
  });

  it("changes roles, and never leaves a programme without a programme manager", async () => {
    const { pm, programme, slug } = await setup();
    const other = await makeUser();
    const { membershipId } = await makeMember(pm, slug, other, ["VIEWER"]);
    await updateMember(pm, { programmeSlug: slug, membershipId, roles: ["SPONSOR", "GATE_REVIEWER"], functions: ["BUSINESS"] });
    expect(await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).toMatchObject({
      roles: ["SPONSOR", "GATE_REVIEWER"],
      functions: ["BUSINESS"],
    });

    const pmMembership = await db.membership.findUniqueOrThrow({
      where: { programmeId_userId: { programmeId: programme.id, userId: pm.id } },
    });
    await expect(
      updateMember(pm, { programmeSlug: slug, membershipId: pmMembership.id, roles: ["VIEWER"], functions: [] }),
    ).rejects.toBeInstanceOf(RuleError);
    await expect(removeMember(pm, { programmeSlug: slug, membershipId: pmMembership.id })).rejects.toThrow(
      "A programme needs at least one programme manager",
    );
    expect(await db.membership.findUniqueOrThrow({ where: { id: pmMembership.id } })).toMatchObject({ roles: ["PROGRAMME_MANAGER"] });
  });

  it("removing a member ends their access on their next request", async () => {
    const { pm, slug } = await setup();
    const viewer = await makeUser();
    const { membershipId } = await makeMember(pm, slug, viewer, ["VIEWER"]);
    await expect(authorize(viewer, slug, "programme.read")).resolves.toMatchObject({ programme: { slug } });
    await removeMember(pm, { programmeSlug: slug, membershipId });
    await expect(authorize(viewer, slug, "programme.read")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProgrammeOverview(viewer, slug)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an operation on a member of another programme finds nothing", async () => {
    const a = await setup();
    const b = await setup();
    const bViewer = await makeUser();
    const { membershipId } = await makeMember(b.pm, b.slug, bViewer, ["VIEWER"]);
    // a's manager names b's membership through a's programme: not found, nothing changes.
    await expect(
      updateMember(a.pm, { programmeSlug: a.slug, membershipId, roles: ["PROGRAMME_MANAGER"], functions: [] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(a.pm, { programmeSlug: a.slug, membershipId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).toMatchObject({ roles: ["VIEWER"] });
  });
});

describe("denied paths", () => {
  it("a member whose role does not allow it is refused, and nothing is written", async () => {
    const { pm, programme, slug } = await setup();
    const roles = [["VIEWER"], ["SPONSOR"], ["GATE_REVIEWER"], ["WORKFLOW_OWNER"]] as const;
    for (const r of roles) {
      const user = await makeUser();
      await makeMember(pm, slug, user, [...r], r[0] === "GATE_REVIEWER" ? ["SECURITY"] : []);
      const events = await auditCount(programme.id);
      const members = await db.membership.count({ where: { programmeId: programme.id } });
      const pmMembership = await db.membership.findFirstOrThrow({ where: { programmeId: programme.id, userId: pm.id } });
      await expect(
        addMember(user, { programmeSlug: slug, email: `z-${uniqueSuffix()}@example.test`, roles: ["VIEWER"], functions: [] }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        updateMember(user, { programmeSlug: slug, membershipId: pmMembership.id, roles: ["VIEWER"], functions: [] }),
      ).rejects.toThrow("Only a programme manager can do that in this programme.");
      await expect(removeMember(user, { programmeSlug: slug, membershipId: pmMembership.id })).rejects.toBeInstanceOf(ForbiddenError);
      expect(await auditCount(programme.id)).toBe(events);
      expect(await db.membership.count({ where: { programmeId: programme.id } })).toBe(members);
      // Reading is allowed to every member.
      await expect(listMembers(user, slug)).resolves.toBeTruthy();
      await expect(listAuditEvents(user, slug)).resolves.toBeTruthy();
    }
  });

  it("someone who is not a member gets 'not found' for every read and write, exactly as for a programme that does not exist", async () => {
    const { programme, slug } = await setup();
    const outsider = await makeUser();
    const events = await auditCount(programme.id);
    for (const target of [slug, `missing-${uniqueSuffix()}`]) {
      await expect(getProgrammeOverview(outsider, target)).rejects.toThrow(new NotFoundError("Programme not found."));
      await expect(listMembers(outsider, target)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listAuditEvents(outsider, target)).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        addMember(outsider, { programmeSlug: target, email: outsider.email, roles: ["PROGRAMME_MANAGER"], functions: [] }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await auditCount(programme.id)).toBe(events);
    expect(await db.membership.count({ where: { programmeId: programme.id, userId: outsider.id } })).toBe(0);
  });

  it("a manager of one programme has no rights in another", async () => {
    const a = await setup();
    const b = await setup();
    await expect(
      addMember(a.pm, { programmeSlug: b.slug, email: a.pm.email, roles: ["PROGRAMME_MANAGER"], functions: [] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.membership.count({ where: { programmeId: b.programme.id, userId: a.pm.id } })).toBe(0);
  });
});
