/**
 * The demo database: two programmes at different points of the plan, with realistic content, and one
 * demo user per role in both. Runs on an empty embedded database at first `npm start`, or on purpose
 * with `npm run cli -- seed-demo`. Never on its own against a database given by DATABASE_URL.
 */
import { toJsonSnapshot } from "@/domain/audit-chain";
import { REVIEW_FUNCTION_LABELS, type GateKey, type PhaseKey, type ReviewFunction, type StakeholderRole } from "@/domain/enums";
import { canonicalSnapshot, gateEvidenceHash } from "@/domain/gate-evidence";
import { addUtcDays } from "@/domain/template";
import { notifyReviewOpen } from "@/features/gates/server/gate-notifications";
import { activeFunctionKey, activeReviewerKey } from "@/features/gates/server/gate-state";
import { appendAudit, type AuditActor } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import type { DemoSeedContext } from "./context";
import { isoDateDaysAgo, makeMember, makeProgramme, makeUser } from "./factories";
import { seedCohorts } from "./seed-cohorts";
import { seedCosts } from "./seed-costs";
import { seedUsage } from "./seed-usage";
import { seedUseCases } from "./seed-use-cases";
import { seedWorkflows } from "./seed-workflows";

const SEED_ACTOR: AuditActor = { id: null, label: "demo seed" };

type People = Map<string, Actor>;
type MemberIds = Map<string, string>; // email -> membership id

interface DemoSpec {
  slug: string;
  name: string;
  organisation: string;
  day: number;
  seats: number;
  kind: "CLAUDE_APPS" | "API" | "CLAUDE_CODE" | "MIXED";
  currentPhase: PhaseKey;
  approvedGates: GateKey[];
  stakeholders: Partial<
    Record<StakeholderRole, { person: string; title: string; stance: "NOT_ENGAGED" | "ENGAGED" | "SUPPORTIVE" | "BLOCKING"; owner: string }>
  >;
}

export async function seedDemoIfEmpty(): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  await seedDemo();
  return true;
}

export async function seedDemo(now = new Date()): Promise<{ created: boolean }> {
  if (await db.programme.findUnique({ where: { slug: "acme" }, select: { id: true } })) return { created: false };
  const people: People = new Map();
  for (const a of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: a.email }, select: { id: true, email: true, name: true } });
    people.set(a.email, existing ?? (await makeUser({ email: a.email, name: a.name, password: DEMO_PASSWORD })));
  }
  await seedProgramme(people, ACME, now);
  await seedProgramme(people, GLOBEX, now);
  return { created: true };
}

const ACME: DemoSpec = {
  slug: "acme",
  name: "Acme Financial — Claude rollout",
  organisation: "Acme Financial",
  day: 45,
  seats: 500,
  kind: "CLAUDE_APPS",
  currentPhase: "PILOT",
  approvedGates: ["ARCHITECTURE_REVIEW"],
  stakeholders: {
    CIO_CTO: { person: "Helen Marsh", title: "CIO", stance: "SUPPORTIVE", owner: "sponsor@acme.test" },
    CISO_SECURITY: { person: "Marcus Chen", title: "CISO", stance: "SUPPORTIVE", owner: "pm@acme.test" },
    LEGAL_PRIVACY: { person: "Elena Rossi", title: "Head of Privacy", stance: "ENGAGED", owner: "pm@acme.test" },
    PROCUREMENT: { person: "Ravi Patel", title: "Vendor management lead", stance: "BLOCKING", owner: "sponsor@acme.test" },
    BUSINESS_UNIT_LEADER: { person: "Daniel Okafor", title: "COO, Operations", stance: "SUPPORTIVE", owner: "pm@acme.test" },
    ENGINEERING_LEAD: { person: "Aisha Rahman", title: "Platform engineering lead", stance: "SUPPORTIVE", owner: "pm@acme.test" },
  },
};

const GLOBEX: DemoSpec = {
  slug: "globex",
  name: "Globex Health — Claude Enterprise",
  organisation: "Globex Health",
  day: 120,
  seats: 2000,
  kind: "MIXED",
  currentPhase: "GOVERNANCE",
  approvedGates: ["ARCHITECTURE_REVIEW", "PILOT_DEBRIEF", "PRODUCTION_READINESS"],
  stakeholders: {
    CIO_CTO: { person: "Nora Lindqvist", title: "CTO", stance: "SUPPORTIVE", owner: "sponsor@acme.test" },
    CISO_SECURITY: { person: "Marcus Chen", title: "CISO", stance: "SUPPORTIVE", owner: "pm@acme.test" },
    LEGAL_PRIVACY: { person: "Elena Rossi", title: "Data protection officer", stance: "SUPPORTIVE", owner: "pm@acme.test" },
    PROCUREMENT: { person: "Jonas Weber", title: "Procurement manager", stance: "SUPPORTIVE", owner: "pm@acme.test" },
    BUSINESS_UNIT_LEADER: { person: "Daniel Okafor", title: "Chief Medical Officer", stance: "SUPPORTIVE", owner: "pm@acme.test" },
    ENGINEERING_LEAD: { person: "Aisha Rahman", title: "Head of engineering", stance: "SUPPORTIVE", owner: "pm@acme.test" },
    HR: { person: "Laura Nguyen", title: "HR business partner", stance: "ENGAGED", owner: "pm@acme.test" },
  },
};

const RISK_OWNERS = [
  "pm@acme.test",
  "security@acme.test",
  "engineering@acme.test",
  "pm@acme.test",
  "sponsor@acme.test",
  "legal@acme.test",
  "pm@acme.test",
  "engineering@acme.test",
  "legal@acme.test",
  "pm@acme.test",
];

async function seedProgramme(people: People, spec: DemoSpec, now: Date) {
  const pm = people.get("pm@acme.test")!;
  const programme = await makeProgramme(pm, {
    slug: spec.slug,
    name: spec.name,
    organisation: spec.organisation,
    startDate: isoDateDaysAgo(spec.day - 1, now),
    licensedSeats: spec.seats,
    deploymentKind: spec.kind,
  });
  for (const a of DEMO_ACCOUNTS) {
    if (a.email === pm.email) continue;
    await makeMember(pm, spec.slug, people.get(a.email)!, a.roles, a.functions);
  }
  const memberships = await db.membership.findMany({
    where: { programmeId: programme.id },
    select: { id: true, user: { select: { email: true } } },
  });
  const member: MemberIds = new Map(memberships.map((m) => [m.user.email, m.id]));
  const start = programme.startDate;
  const dayDate = (d: number) => addUtcDays(start, d - 1);
  const today = dayDate(spec.day);
  const ctx: DemoSeedContext = { programmeId: programme.id, slug: spec.slug as DemoSeedContext["slug"], member, dayDate, day: spec.day };

  await db.$transaction(
    async (tx) => {
      // Risks: owners, review dates, and where the programme stands on each.
      const risks = await tx.risk.findMany({
        where: { programmeId: programme.id },
        orderBy: { createdAt: "asc" },
        select: { id: true, title: true },
      });
      for (const [i, r] of risks.entries()) {
        const owner = spec.slug === "acme" && i === 6 ? null : member.get(RISK_OWNERS[i]!)!; // one unowned risk on acme
        await tx.risk.update({
          where: { id: r.id },
          data: {
            ownerId: owner,
            reviewDate: addUtcDays(today, 7 + i),
            status: spec.slug === "globex" ? (i < 6 ? "CLOSED" : "MITIGATING") : i === 0 ? "OPEN" : i < 4 ? "MITIGATING" : "OPEN",
          },
        });
      }
      await tx.risk.create({
        data: {
          programmeId: programme.id,
          title:
            spec.slug === "acme" ? "Customer PII pasted into prompts by branch staff" : "Clinical letters sent without clinician review",
          probability: "MEDIUM",
          impact: "HIGH",
          consequence: spec.slug === "acme" ? "Regulatory breach notification; pilot suspended" : "Patient safety incident",
          mitigation:
            spec.slug === "acme"
              ? "DLP rule on the Claude workspace; AUP training module before access"
              : "Mandatory clinician sign-off step in the workflow; weekly sample audit",
          ownerId: member.get("security@acme.test")!,
          reviewDate: addUtcDays(today, 5),
        },
      });

      // Stakeholders: named people, relationship owners, stances.
      const slots = await tx.stakeholder.findMany({ where: { programmeId: programme.id }, select: { id: true, role: true } });
      for (const s of slots) {
        const who = spec.stakeholders[s.role];
        if (!who) continue;
        await tx.stakeholder.update({
          where: { id: s.id },
          data: { personName: who.person, personTitle: who.title, stance: who.stance, relationshipOwnerId: member.get(who.owner)! },
        });
      }

      // Milestones: done up to the current week, one slipped, owners for the rest.
      const currentWeek = Math.ceil(spec.day / 7);
      const milestones = await tx.milestone.findMany({
        where: { programmeId: programme.id },
        orderBy: [{ week: "asc" }],
        select: { id: true, week: true, title: true, ownerId: true, dueDate: true },
      });
      for (const [i, m] of milestones.entries()) {
        const slipped = spec.slug === "acme" && m.title === "MCP integrations tested with production credentials";
        const done =
          !slipped &&
          (m.week < currentWeek - (spec.slug === "acme" ? 0 : 1) ||
            (spec.slug === "globex" && m.week <= 13 && m.title !== "Governance cadence scheduled"));
        await tx.milestone.update({
          where: { id: m.id },
          data: {
            ownerId:
              m.ownerId ??
              (i % 5 === 4 && spec.slug === "acme" && !done
                ? null
                : member.get(["engineering@acme.test", "security@acme.test", "legal@acme.test", "it@acme.test", "pm@acme.test"][i % 5]!)!),
            status: done ? "DONE" : m.week === currentWeek || slipped ? "IN_PROGRESS" : "NOT_STARTED",
            completedAt: done ? m.dueDate : null,
          },
        });
      }

      // The programme's own milestone beside the playbook's (Acme's works council must be consulted before the pilot widens).
      if (spec.slug === "acme")
        await tx.milestone.create({
          data: {
            programmeId: programme.id,
            custom: true,
            week: 6,
            phase: "PILOT",
            title: "Works council consulted on Claude for HR and Operations",
            deliverable: "Signed consultation record, filed with the Pilot Debrief evidence",
            dueDate: ctx.dayDate(40),
            ownerId: member.get("legal@acme.test")!,
            status: "IN_PROGRESS",
          },
        });

      // Use cases: the feature's own demo inventory.
      await seedUseCases(tx, ctx);
      await seedCosts(tx, ctx);
      await seedUsage(tx, ctx);
      await seedCohorts(tx, ctx, auditActor(pm));
      await seedWorkflows(tx, ctx);
      // Globex's sponsor has reviewed the weekly report every week since launch, except the last complete one.
      if (spec.slug === "globex") {
        const sponsor = people.get("sponsor@acme.test")!;
        for (let week = 14; week <= Math.ceil(spec.day / 7) - 2; week++) {
          const review = await tx.sponsorReview.create({
            data: {
              programmeId: programme.id,
              week,
              reviewerId: sponsor.id,
              reviewedBy: `${sponsor.name} <${sponsor.email}>`,
              reviewedAt: new Date(dayDate(week * 7 + 1).getTime() + 9 * 3600_000),
              note: week === 16 ? "Finance adoption is lagging: ask HR for a targeted session." : null,
            },
            select: { id: true, week: true },
          });
          await appendAudit(tx, {
            programmeId: programme.id,
            actor: auditActor(sponsor),
            action: "report.review",
            entityType: "SponsorReview",
            entityId: review.id,
            after: review,
          });
        }
      }

      // Decision records and the acceptable use policy (the Architecture Review's evidence).
      await tx.decisionRecord.create({
        data: {
          programmeId: programme.id,
          number: 1,
          title: "Claude apps (Cowork) for knowledge workers; API for the document pipeline",
          claudeProduct: spec.kind === "MIXED" ? "Cowork, API and Claude Code" : "Cowork and API",
          models: "Sonnet 4.6 by default; Opus 4.7 for complex reasoning (credit memos); Haiku 4.5 for high-volume classification",
          dataFlows:
            "SSO → Claude Enterprise workspace; document pipeline reads from the DMS through a service account, writes drafts back for human review. No customer data leaves the approved region.",
          integrationPoints: "MCP connectors: SharePoint (read), Jira (read/write tickets). SCIM provisioning from the identity provider.",
          failureModes:
            "Connector token expiry → drafts fall back to manual; model outage → existing manual process; rate limiting → queue with retry.",
          status: "ACCEPTED",
          acceptedAt: dayDate(24),
        },
      });
      await tx.decisionRecord.create({
        data: {
          programmeId: programme.id,
          number: 2,
          title: "Prompt caching for the shared policy context",
          claudeProduct: "API",
          models: "Sonnet 4.6",
          dataFlows: "Policy corpus (≈60k tokens) cached for 1 hour; per-request question appended.",
          integrationPoints: "None beyond ADR-1.",
          failureModes: "Cache miss doubles input cost for that request; monitored in the cost dashboard.",
          status: "PROPOSED",
        },
      });
      const policy = await tx.policy.create({
        data: { programmeId: programme.id, kind: "ACCEPTABLE_USE", title: "Acceptable use policy" },
      });
      await tx.policyVersion.create({
        data: {
          programmeId: programme.id,
          policyId: policy.id,
          version: 1,
          status: "PUBLISHED",
          publishedAt: dayDate(26),
          body: `# Acceptable use of Claude at ${spec.organisation}\n\n## You may\n- Draft, summarise and analyse internal documents classified Internal or Confidential.\n- Use the approved workflows in the Gatehouse library for customer-facing drafts; a person reviews every draft before it is sent.\n\n## You must not\n- Paste customer account numbers, card numbers or health identifiers into a chat.\n- Use Claude output as the only basis for a credit, clinical or employment decision.\n\n## Getting help\nAsk in #claude-help or raise a ticket with the service desk.`,
        },
      });

      // Gates already passed: criteria met with evidence, every required function signed, the phase moved on.
      const gates = await tx.gate.findMany({
        where: { programmeId: programme.id },
        orderBy: { ordinal: "asc" },
        select: {
          id: true,
          key: true,
          name: true,
          plannedDate: true,
          requiredFunctions: true,
          criteria: { select: { id: true, title: true } },
        },
      });
      for (const g of gates) {
        if (!spec.approvedGates.includes(g.key)) continue;
        const ownerFor = (i: number) =>
          member.get(["pm@acme.test", "security@acme.test", "legal@acme.test", "engineering@acme.test", "it@acme.test"][i % 5]!)!;
        for (const [i, c] of g.criteria.entries()) {
          await tx.gateCriterion.update({
            where: { id: c.id },
            data: {
              ownerId: ownerFor(i),
              status: c.title.startsWith("HR engaged") && spec.slug === "acme" ? "WAIVED" : "MET",
              waiverReason:
                c.title.startsWith("HR engaged") && spec.slug === "acme"
                  ? "Pilot tools are not used to monitor employees; HR review scheduled before full rollout."
                  : null,
              evidenceNote: `Reviewed at the ${g.name} on ${g.plannedDate.toISOString().slice(0, 10)}.`,
            },
          });
        }
        const criteria = await tx.gateCriterion.findMany({
          where: { gateId: g.id },
          select: { id: true, title: true, status: true, ownerId: true, evidenceUrl: true, evidenceNote: true, waiverReason: true },
        });
        const snapshot = canonicalSnapshot({ gateKey: g.key, round: 1, criteria });
        const evidenceHash = gateEvidenceHash(snapshot);
        const signedAt = new Date(g.plannedDate.getTime() + 15 * 3600_000);
        for (const fn of g.requiredFunctions as ReviewFunction[]) {
          const account = DEMO_ACCOUNTS.find((a) => a.functions.includes(fn))!;
          const signer = people.get(account.email)!;
          const signOff = await tx.signOff.create({
            data: {
              programmeId: programme.id,
              gateId: g.id,
              round: 1,
              reviewerId: member.get(account.email)!,
              function: fn,
              decision: "APPROVE",
              meaning: `Approved as ${REVIEW_FUNCTION_LABELS[fn]} reviewer`,
              printedName: signer.name,
              signedAt,
              ipAddress: "10.20.0.14",
              userAgent: "Mozilla/5.0 (demo seed)",
              evidenceHash,
              evidenceSnapshot: toJsonSnapshot(snapshot) as object,
              activeFunctionKey: activeFunctionKey(g.id, 1, fn),
              activeReviewerKey: activeReviewerKey(g.id, 1, member.get(account.email)!),
            },
            select: { id: true, function: true, decision: true, evidenceHash: true },
          });
          await appendAudit(tx, {
            programmeId: programme.id,
            actor: auditActor(signer),
            action: "gate.sign",
            entityType: "SignOff",
            entityId: signOff.id,
            after: { gate: g.key, ...signOff },
          });
        }
        await tx.gate.update({
          where: { id: g.id },
          data: { status: "APPROVED", decidedAt: signedAt, decision: g.key === "PILOT_DEBRIEF" ? "GO" : null },
        });
        await appendAudit(tx, {
          programmeId: programme.id,
          actor: SEED_ACTOR,
          action: "gate.approve",
          entityType: "Gate",
          entityId: g.id,
          after: { gate: g.key, status: "APPROVED", evidenceHash },
        });
      }
      // The next gate is open for review, with its first evidence in: one gate in each state.
      const nextGate = spec.slug === "globex" ? "POST_LAUNCH_REVIEW" : "PILOT_DEBRIEF";
      await tx.gate.updateMany({ where: { programmeId: programme.id, key: nextGate }, data: { status: "IN_REVIEW" } });
      // Its reviewers are told, as opening a review tells them: the inbox, and the Outbox's unsent emails.
      const opened = await tx.gate.findUniqueOrThrow({
        where: { programmeId_key: { programmeId: programme.id, key: nextGate } },
        select: { id: true, key: true, name: true, round: true, requiredFunctions: true },
      });
      await notifyReviewOpen(tx, programme.id, opened, pm.id);
      const openCriteria = await tx.gateCriterion.findMany({
        where: { programmeId: programme.id, gate: { key: nextGate } },
        orderBy: { ordinal: "asc" },
        select: { id: true },
      });
      for (const [i, c] of openCriteria.entries()) {
        await tx.gateCriterion.update({
          where: { id: c.id },
          data: {
            ownerId: member.get(["pm@acme.test", "engineering@acme.test", "security@acme.test", "it@acme.test"][i % 4]!)!,
            ...(i < 2 ? { status: "MET" as const, evidenceNote: "Presented at the weekly sponsor review." } : {}),
          },
        });
      }

      // Phases: actual dates follow the approved gates.
      const order: PhaseKey[] = ["DISCOVERY", "PILOT", "ROLLOUT", "GOVERNANCE"];
      const reached = order.indexOf(spec.currentPhase);
      const actualStartDay: Record<PhaseKey, number> = { DISCOVERY: 1, PILOT: 32, ROLLOUT: 62, GOVERNANCE: 91 };
      for (const [i, key] of order.entries()) {
        if (i > reached) continue;
        await tx.phase.updateMany({
          where: { programmeId: programme.id, key },
          data: { actualStart: dayDate(actualStartDay[key]), actualEnd: i < reached ? dayDate(actualStartDay[order[i + 1]!] - 1) : null },
        });
      }
      await tx.programme.update({
        where: { id: programme.id },
        data: { currentPhase: spec.currentPhase, launchedAt: spec.currentPhase === "GOVERNANCE" ? dayDate(91) : null },
      });
      await appendAudit(tx, {
        programmeId: programme.id,
        actor: SEED_ACTOR,
        action: "demo.seed",
        entityType: "Programme",
        entityId: programme.id,
        after: {
          day: spec.day,
          currentPhase: spec.currentPhase,
          approvedGates: spec.approvedGates,
          note: "Demo content: owners, stances, milestone progress, use cases, decision records, policy, gate sign-offs",
        },
      });
    },
    { timeout: 120_000 },
  );
}
