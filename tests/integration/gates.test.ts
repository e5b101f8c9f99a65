import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makePublishedAup, makeUser } from "@/demo/factories";
import type { ReviewFunction } from "@/domain/enums";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { openGateReview } from "@/features/gates/server/open-gate-review";
import { openNewRound } from "@/features/gates/server/open-new-round";
import { ReauthenticationRequired, signGate, type SigningContext } from "@/features/gates/server/sign-gate";
import { startPhase } from "@/features/gates/server/start-phase";
import { updateCriterion } from "@/features/gates/server/update-criterion";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

const PASSWORD = "correct horse battery";
const ctx: SigningContext = { ipAddress: "203.0.113.7", userAgent: "vitest", authMethod: "credentials", authAt: Date.now() };
const ARCH = ["ENGINEERING", "SECURITY", "LEGAL_PRIVACY", "BUSINESS"] as const;

async function setup() {
  const pm = await makeUser();
  const p = await makeProgramme(pm);
  const reviewers = {} as Record<(typeof ARCH)[number], Actor>;
  for (const fn of ARCH) {
    reviewers[fn] = await makeUser();
    await makeMember(pm, p.slug, reviewers[fn], ["GATE_REVIEWER"], [fn]);
  }
  const criteria = await db.gateCriterion.findMany({
    where: { programmeId: p.id, gate: { key: "ARCHITECTURE_REVIEW" } },
    orderBy: { ordinal: "asc" },
  });
  return { pm, p, slug: p.slug, reviewers, criteria };
}

async function meetAll(pm: Actor, slug: string, criteria: { id: string }[]) {
  for (const c of criteria)
    await updateCriterion(pm, {
      programmeSlug: slug,
      criterionId: c.id,
      status: "MET",
      ownerId: null,
      evidenceUrl: "",
      evidenceNote: "Reviewed",
      waiverReason: "",
    });
}

const sign = (
  who: Actor,
  slug: string,
  fn: ReviewFunction,
  decision: "APPROVE" | "APPROVE_WITH_CONDITIONS" | "REJECT" = "APPROVE",
  reason?: string,
) => signGate(who, { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW", function: fn, decision, reason, password: PASSWORD }, ctx);

const gateRow = (programmeId: string) => db.gate.findFirstOrThrow({ where: { programmeId, key: "ARCHITECTURE_REVIEW" } });

describe("the Architecture Review, end to end", () => {
  it("approves only when every function signed and every criterion is met or waived; the pilot starts only then", async () => {
    const { pm, p, slug, reviewers, criteria } = await setup();
    await makePublishedAup(pm, slug);
    await expect(startPhase(pm, { programmeSlug: slug, phase: "PILOT" })).rejects.toThrow(
      "Controlled Pilot cannot start. Architecture Review has not been opened for review.",
    );

    await openGateReview(pm, { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW" });
    await meetAll(pm, slug, criteria.slice(1));
    await sign(reviewers.ENGINEERING, slug, "ENGINEERING");
    await sign(reviewers.SECURITY, slug, "SECURITY", "APPROVE_WITH_CONDITIONS", "Rotate API keys every 90 days");
    await sign(reviewers.BUSINESS, slug, "BUSINESS");

    await expect(startPhase(pm, { programmeSlug: slug, phase: "PILOT" })).rejects.toThrow(
      `Controlled Pilot cannot start. Architecture Review needs: Legal/Privacy sign-off; criterion '${criteria[0]!.title}' is not met`,
    );
    // Waiving needs a reason.
    await expect(
      updateCriterion(pm, {
        programmeSlug: slug,
        criterionId: criteria[0]!.id,
        status: "WAIVED",
        ownerId: null,
        evidenceUrl: "",
        evidenceNote: "",
        waiverReason: "",
      }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["waiverReason"], message: "A waived criterion needs a written reason." })],
    });
    await updateCriterion(pm, {
      programmeSlug: slug,
      criterionId: criteria[0]!.id,
      status: "WAIVED",
      ownerId: null,
      evidenceUrl: "",
      evidenceNote: "",
      waiverReason: "Accepted at the steering committee",
    });
    // That evidence change voided the three signatures: they must sign again.
    const voided = await db.signOff.findMany({ where: { programmeId: p.id, voidedAt: { not: null } } });
    expect(voided.map((s) => s.function).sort()).toEqual(["BUSINESS", "ENGINEERING", "SECURITY"]);
    expect((await gateRow(p.id)).status).toBe("IN_REVIEW");

    for (const fn of ["ENGINEERING", "SECURITY", "BUSINESS"] as const) await sign(reviewers[fn], slug, fn);
    const last = await sign(reviewers.LEGAL_PRIVACY, slug, "LEGAL_PRIVACY");
    expect(last.gateStatus).toBe("APPROVED");

    await startPhase(pm, { programmeSlug: slug, phase: "PILOT" });
    const programme = await db.programme.findUniqueOrThrow({ where: { id: p.id } });
    expect(programme.currentPhase).toBe("PILOT");
    const signOff = await db.signOff.findFirstOrThrow({ where: { programmeId: p.id, function: "LEGAL_PRIVACY", voidedAt: null } });
    expect(signOff).toMatchObject({
      meaning: "Approved as Legal/Privacy reviewer",
      ipAddress: "203.0.113.7",
      userAgent: "vitest",
      evidenceHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: true });
  });

  it("a rejection closes the round; a new round starts clean and the old one stays in the history", async () => {
    const { pm, p, slug, reviewers } = await setup();
    await openGateReview(pm, { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW" });
    await sign(reviewers.ENGINEERING, slug, "ENGINEERING");
    await expect(sign(reviewers.SECURITY, slug, "SECURITY", "REJECT")).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: "Give the reason for rejecting." })],
    });
    const r = await sign(reviewers.SECURITY, slug, "SECURITY", "REJECT", "No data-flow diagram for the document pipeline");
    expect(r.gateStatus).toBe("REJECTED");
    await expect(sign(reviewers.LEGAL_PRIVACY, slug, "LEGAL_PRIVACY")).rejects.toThrow("This round is closed (rejected).");

    await expect(openNewRound(reviewers.SECURITY, { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await openNewRound(pm, { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW" });
    const g = await gateRow(p.id);
    expect(g).toMatchObject({ status: "IN_REVIEW", round: 2 });
    await sign(reviewers.SECURITY, slug, "SECURITY");
    const history = await db.signOff.findMany({ where: { gateId: g.id }, orderBy: { signedAt: "asc" } });
    expect(history.map((s) => [s.round, s.function, s.decision])).toEqual([
      [1, "ENGINEERING", "APPROVE"],
      [1, "SECURITY", "REJECT"],
      [2, "SECURITY", "APPROVE"],
    ]);
  });
});

describe("denied sign-offs", () => {
  it("not a reviewer, wrong function, another programme, a second function, or no re-authentication: refused, nothing written", async () => {
    const { pm, p, slug, reviewers } = await setup();
    await openGateReview(pm, { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW" });
    const viewer = await makeUser();
    await makeMember(pm, slug, viewer, ["VIEWER"]);
    const both = await makeUser();
    await makeMember(pm, slug, both, ["GATE_REVIEWER"], ["IT", "HR"]);
    const other = await setup();

    await expect(sign(viewer, slug, "SECURITY")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(sign(reviewers.SECURITY, slug, "LEGAL_PRIVACY")).rejects.toThrow(
      "You do not hold the Legal/Privacy review function in this programme.",
    );
    await expect(sign(both, slug, "IT")).rejects.toThrow("Architecture Review does not need IT sign-off.");
    await expect(sign(other.reviewers.SECURITY, slug, "SECURITY")).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      signGate(reviewers.SECURITY, { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW", function: "SECURITY", decision: "APPROVE" }, ctx),
    ).rejects.toBeInstanceOf(ReauthenticationRequired);
    await expect(
      signGate(
        reviewers.SECURITY,
        { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW", function: "SECURITY", decision: "APPROVE", password: "wrong" },
        ctx,
      ),
    ).rejects.toThrow("That password is not right. Nothing was signed.");
    expect(await db.signOff.count({ where: { programmeId: p.id } })).toBe(0);

    // One person holding two required functions signs only one of them.
    const dual = await makeUser();
    await makeMember(pm, slug, dual, ["GATE_REVIEWER"], ["ENGINEERING", "BUSINESS"]);
    await sign(dual, slug, "ENGINEERING");
    await expect(sign(dual, slug, "BUSINESS")).rejects.toThrow(
      "You already signed this gate as Engineering; one person cannot fill two functions.",
    );
    expect(await db.signOff.count({ where: { programmeId: p.id } })).toBe(1);
  });

  it("a single sign-on user signs only with a sign-in younger than five minutes", async () => {
    const { pm, slug } = await setup();
    await openGateReview(pm, { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW" });
    const sso = await makeUser({ password: null });
    await makeMember(pm, slug, sso, ["GATE_REVIEWER"], ["SECURITY"]);
    const input = {
      programmeSlug: slug,
      gateKey: "ARCHITECTURE_REVIEW" as const,
      function: "SECURITY" as const,
      decision: "APPROVE" as const,
    };
    await expect(signGate(sso, input, { ...ctx, authMethod: "oidc", authAt: Date.now() - 6 * 60_000 })).rejects.toThrow(
      /Sign in again with single sign-on/,
    );
    await expect(signGate(sso, input, { ...ctx, authMethod: "oidc", authAt: Date.now() - 60_000 })).resolves.toMatchObject({
      gateStatus: "IN_REVIEW",
    });
  });
});

describe("concurrency", () => {
  it("twenty simultaneous identical sign-offs produce one", async () => {
    const { pm, p, slug, reviewers } = await setup();
    await openGateReview(pm, { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW" });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => sign(reviewers.SECURITY, slug, "SECURITY")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === "rejected"))
      expect(String((r.reason as Error).message)).toMatch(/already signed|already given/);
    expect(await db.signOff.count({ where: { programmeId: p.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { programmeId: p.id, action: "gate.sign" } })).toBe(1);
  });

  it("a sign-off racing an evidence change ends consistent: valid on the new evidence, or void", async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const { pm, p, slug, reviewers, criteria } = await setup();
      await openGateReview(pm, { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW" });
      await Promise.all([
        sign(reviewers.SECURITY, slug, "SECURITY"),
        updateCriterion(pm, {
          programmeSlug: slug,
          criterionId: criteria[0]!.id,
          status: "MET",
          ownerId: null,
          evidenceUrl: "https://wiki.example/adr-1",
          evidenceNote: "",
          waiverReason: "",
        }),
      ]);
      const { gateEvidenceHash } = await import("@/domain/gate-evidence");
      const g = await db.gate.findFirstOrThrow({
        where: { programmeId: p.id, key: "ARCHITECTURE_REVIEW" },
        include: {
          criteria: {
            select: { id: true, title: true, status: true, ownerId: true, evidenceUrl: true, evidenceNote: true, waiverReason: true },
          },
        },
      });
      const current = gateEvidenceHash({ gateKey: g.key, round: g.round, criteria: g.criteria });
      const s = await db.signOff.findFirstOrThrow({ where: { programmeId: p.id } });
      expect(s.voidedAt === null ? s.evidenceHash === current : s.evidenceHash !== current).toBe(true);
    }
  });
});

describe("evidence on an approved gate", () => {
  it("cannot change", async () => {
    const { pm, p, slug, reviewers, criteria } = await setup();
    await openGateReview(pm, { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW" });
    await meetAll(pm, slug, criteria);
    for (const fn of ARCH) await sign(reviewers[fn], slug, fn);
    expect((await gateRow(p.id)).status).toBe("APPROVED");
    await expect(
      updateCriterion(pm, {
        programmeSlug: slug,
        criterionId: criteria[0]!.id,
        status: "OPEN",
        ownerId: null,
        evidenceUrl: "",
        evidenceNote: "",
        waiverReason: "",
      }),
    ).rejects.toBeInstanceOf(RuleError);
  });
});

describe("the Pilot Debrief", () => {
  it("cannot be decided before the pilot has run its minimum days (a programme setting)", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm, { day: 50 });
    const it = await makeUser();
    await makeMember(pm, p.slug, it, ["GATE_REVIEWER"], ["IT"]);
    const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
    const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000);
    await db.phase.updateMany({ where: { programmeId: p.id, key: "PILOT" }, data: { actualStart: daysAgo(9) } });
    await openGateReview(pm, { programmeSlug: p.slug, gateKey: "PILOT_DEBRIEF" });
    const input = {
      programmeSlug: p.slug,
      gateKey: "PILOT_DEBRIEF" as const,
      function: "IT" as const,
      decision: "APPROVE" as const,
      password: PASSWORD,
    };
    await expect(signGate(it, input, ctx)).rejects.toThrow(
      "The pilot has run 10 of its minimum 30 days; the Pilot Debrief cannot be decided before then.",
    );
    await db.programme.update({ where: { id: p.id }, data: { pilotMinDays: 10 } });
    await expect(signGate(it, input, ctx)).resolves.toMatchObject({ gateStatus: "IN_REVIEW" });
  });
});

describe("my reviews", () => {
  it("lists gates in review that wait for a function I hold, across programmes, until I sign", async () => {
    const { listMyReviews } = await import("@/features/gates/server/list-my-reviews");
    const a = await setup();
    const b = await setup();
    const reviewer = a.reviewers.SECURITY;
    await makeMember(b.pm, b.slug, reviewer, ["GATE_REVIEWER"], ["SECURITY"]);
    expect(await listMyReviews(reviewer)).toEqual([]);
    await openGateReview(a.pm, { programmeSlug: a.slug, gateKey: "ARCHITECTURE_REVIEW" });
    await openGateReview(b.pm, { programmeSlug: b.slug, gateKey: "ARCHITECTURE_REVIEW" });
    expect((await listMyReviews(reviewer)).map((i) => [i.programme.slug, i.gate.key, i.waitingFor])).toEqual(
      expect.arrayContaining([
        [a.slug, "ARCHITECTURE_REVIEW", ["SECURITY"]],
        [b.slug, "ARCHITECTURE_REVIEW", ["SECURITY"]],
      ]),
    );
    await sign(reviewer, a.slug, "SECURITY");
    expect((await listMyReviews(reviewer)).map((i) => i.programme.slug)).toEqual([b.slug]);
    // A viewer of the same programme has nothing to review.
    const viewer = await makeUser();
    await makeMember(a.pm, a.slug, viewer, ["VIEWER"]);
    expect(await listMyReviews(viewer)).toEqual([]);
  });
});

describe("Conditional go", () => {
  it("its conditions, each owned and due, must be closed before Production Readiness is approved; No-go can stop the programme", async () => {
    const { decidePilotDebrief } = await import("@/features/gates/server/decide-pilot-debrief");
    const { closeCondition } = await import("@/features/gates/server/close-condition");
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const owner = await makeUser();
    const { membershipId } = await makeMember(pm, p.slug, owner, ["WORKFLOW_OWNER"]);
    const prrReviewers = {} as Record<string, Actor>;
    for (const fn of ["SECURITY", "LEGAL_PRIVACY", "IT", "BUSINESS"] as const) {
      prrReviewers[fn] = await makeUser();
      await makeMember(pm, p.slug, prrReviewers[fn], ["GATE_REVIEWER"], [fn]);
    }
    // The Pilot Debrief round is approved (its sign-offs are covered above).
    await db.gate.updateMany({ where: { programmeId: p.id, key: "PILOT_DEBRIEF" }, data: { status: "APPROVED" } });
    await expect(decidePilotDebrief(owner, { programmeSlug: p.slug, decision: "GO", conditions: [] })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await decidePilotDebrief(pm, {
      programmeSlug: p.slug,
      decision: "CONDITIONAL_GO",
      conditions: [{ title: "Rotate the SharePoint connector credentials", ownerId: membershipId, dueDate: "2026-12-31" }],
    });
    await expect(decidePilotDebrief(pm, { programmeSlug: p.slug, decision: "GO", conditions: [] })).rejects.toThrow("already recorded");

    await openGateReview(pm, { programmeSlug: p.slug, gateKey: "PRODUCTION_READINESS" });
    const criteria = await db.gateCriterion.findMany({ where: { programmeId: p.id, gate: { key: "PRODUCTION_READINESS" } } });
    await meetAll(pm, p.slug, criteria);
    for (const [fn, who] of Object.entries(prrReviewers))
      await signGate(
        who,
        { programmeSlug: p.slug, gateKey: "PRODUCTION_READINESS", function: fn as ReviewFunction, decision: "APPROVE", password: PASSWORD },
        ctx,
      );
    const prr = await db.gate.findFirstOrThrow({ where: { programmeId: p.id, key: "PRODUCTION_READINESS" } });
    expect(prr.status).toBe("IN_REVIEW");

    const condition = await db.gateCondition.findFirstOrThrow({ where: { programmeId: p.id } });
    const outsider = await makeUser();
    await makeMember(pm, p.slug, outsider, ["VIEWER"]);
    await expect(closeCondition(outsider, { programmeSlug: p.slug, conditionId: condition.id, note: "done" })).rejects.toThrow(
      "Only the condition's owner or a programme manager can close it.",
    );
    const closed = await closeCondition(owner, {
      programmeSlug: p.slug,
      conditionId: condition.id,
      note: "Credentials rotated; runbook updated",
    });
    expect(closed.productionReadiness).toBe("APPROVED");
  });

  it("No-go with 'stop' stops the programme", async () => {
    const { decidePilotDebrief } = await import("@/features/gates/server/decide-pilot-debrief");
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    await db.gate.updateMany({ where: { programmeId: p.id, key: "PILOT_DEBRIEF" }, data: { status: "REJECTED" } });
    await expect(decidePilotDebrief(pm, { programmeSlug: p.slug, decision: "NO_GO", conditions: [] })).rejects.toMatchObject({
      name: "ZodError",
    });
    await decidePilotDebrief(pm, { programmeSlug: p.slug, decision: "NO_GO", conditions: [], noGoOutcome: "STOP" });
    expect((await db.programme.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("STOPPED");
    await expect(startPhase(pm, { programmeSlug: p.slug, phase: "PILOT" })).rejects.toThrow(
      "The programme is stopped; no phase can start.",
    );
  });
});

describe("the gate record", () => {
  it("carries each round's signature manifests, the evidence snapshot each signed (re-hashable), the audit events and the chain head; and renders as a PDF", async () => {
    const { getGateRecord } = await import("@/features/gates/server/get-gate-record");
    const { renderGateRecordPdf } = await import("@/features/gates/server/render-gate-record-pdf");
    const { gateEvidenceHash } = await import("@/domain/gate-evidence");
    const { pm, slug, reviewers } = await setup();
    await openGateReview(pm, { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW" });
    await sign(reviewers.SECURITY, slug, "SECURITY", "REJECT", "Missing data-flow diagram");
    await openNewRound(pm, { programmeSlug: slug, gateKey: "ARCHITECTURE_REVIEW" });
    await sign(reviewers.SECURITY, slug, "SECURITY");

    const round1 = await getGateRecord(pm, slug, "ARCHITECTURE_REVIEW", 1);
    expect(round1.gate).toMatchObject({ round: 1, rounds: 2, status: "REJECTED" });
    expect(round1.signOffs).toEqual([
      expect.objectContaining({
        meaning: "Rejected as Security reviewer",
        reason: "Missing data-flow diagram",
        ipAddress: "203.0.113.7",
        userAgent: "vitest",
      }),
    ]);
    const snap = round1.snapshots[0]!;
    expect(gateEvidenceHash(snap.snapshot as never)).toBe(snap.hash);
    expect(round1.events.map((e) => e.action)).toEqual(expect.arrayContaining(["gate.open", "gate.sign", "gate.reject", "gate.new_round"]));
    expect(round1.chain).toMatchObject({ ok: true });

    const round2 = await getGateRecord(pm, slug, "ARCHITECTURE_REVIEW");
    expect(round2.gate).toMatchObject({ round: 2, status: "IN_REVIEW" });
    await expect(getGateRecord(pm, slug, "ARCHITECTURE_REVIEW", 3)).rejects.toBeInstanceOf(NotFoundError);
    const outsider = await makeUser();
    await expect(getGateRecord(outsider, slug, "ARCHITECTURE_REVIEW")).rejects.toBeInstanceOf(NotFoundError);

    const pdf = await renderGateRecordPdf(round1);
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    expect(pdf.byteLength).toBeGreaterThan(2000);
  });
});
