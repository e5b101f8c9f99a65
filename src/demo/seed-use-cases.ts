/**
 * The demo programmes' use-case inventories. Acme Financial (a bank, Day 45, in its pilot): two use
 * cases in pilot with success criteria and sponsors, a shortlist, candidates, one parked, one pilot
 * whose scope grew after its POC started. Globex Health (launched): most in production.
 */
import type { DataSensitivity, UseCaseStatus } from "@/domain/enums";
import { POC_OR_LATER, type ScopeField } from "@/domain/use-cases";
import { appendAudit, type AuditActor } from "@/server/audit";
import type { Tx } from "@/server/db";

import type { DemoSeedContext } from "./context";

const SEED_ACTOR: AuditActor = { id: null, label: "demo seed" };

interface DemoUseCase {
  title: string;
  fn: string;
  description: string;
  value: number;
  complexity: number;
  status: UseCaseStatus;
  owner?: string;
  sponsor?: string;
  criteria?: string;
  product: string;
  model: string;
  sensitivity: DataSensitivity;
  /** Programme day its POC started. */
  pocDay?: number;
  /** Changes of scope: programme day, field, before (the value created with) → after (the value now). */
  scope?: { day: number; field: ScopeField; before: string; after: string; by: string }[];
}

const ACME: DemoUseCase[] = [
  {
    title: "Credit memo first drafts",
    fn: "Commercial lending",
    description:
      "Relationship managers get a first draft of the credit memo from the application, financial spreads and KYC file, in the bank's memo template.",
    value: 5,
    complexity: 2,
    status: "PILOT",
    owner: "owner@acme.test",
    sponsor: "Daniel Okafor",
    criteria: "Drafting time per memo down 40% (baseline 3.5 hours) with no increase in credit-committee rework, measured over 60 memos.",
    product: "Claude apps (Cowork)",
    model: "claude-sonnet-4-6",
    sensitivity: "CONFIDENTIAL",
    pocDay: 18,
    scope: [
      {
        day: 9,
        field: "successCriteria",
        before: "Drafting time per memo down 40%.",
        after: "Drafting time per memo down 40% (baseline 3.5 hours) with no increase in credit-committee rework, measured over 60 memos.",
        by: "Priya Shah <pm@acme.test>",
      },
    ],
  },
  {
    title: "KYC document summarisation",
    fn: "Compliance",
    description:
      "Summarises onboarding documents (certificates of incorporation, ownership charts, IDs) into the KYC review checklist, citing the page for each finding.",
    value: 5,
    complexity: 3,
    status: "PILOT",
    owner: "owner@acme.test",
    sponsor: "Helen Marsh",
    criteria: "Analyst review time per file under 20 minutes; zero missed red flags in a 100-file blind sample checked by Financial Crime.",
    product: "Claude apps (Cowork)",
    model: "claude-opus-4-7",
    sensitivity: "RESTRICTED",
    pocDay: 20,
    scope: [
      {
        day: 38,
        field: "description",
        before: "Summarises onboarding documents (certificates of incorporation, ownership charts, IDs) into the KYC review checklist.",
        after:
          "Summarises onboarding documents (certificates of incorporation, ownership charts, IDs) into the KYC review checklist, citing the page for each finding.",
        by: "Priya Shah <pm@acme.test>",
      },
      { day: 41, field: "dataSensitivity", before: "CONFIDENTIAL", after: "RESTRICTED", by: "Priya Shah <pm@acme.test>" },
    ],
  },
  {
    title: "Policy Q&A for branch staff",
    fn: "Retail banking",
    description:
      "Branch staff ask questions about lending, savings and complaints policy and get answers quoting the current policy library.",
    value: 4,
    complexity: 2,
    status: "SHORTLISTED",
    owner: "pm@acme.test",
    sponsor: "Daniel Okafor",
    criteria:
      "70% of policy questions answered without a call to the branch support desk; answer accuracy 95% on the 50-question test set.",
    product: "Claude apps (Cowork)",
    model: "claude-sonnet-4-6",
    sensitivity: "INTERNAL",
  },
  {
    title: "Complaint triage and reply drafts",
    fn: "Customer service",
    description: "Classifies incoming complaints by FCA category and urgency and drafts a first reply for the handler to edit.",
    value: 4,
    complexity: 3,
    status: "SHORTLISTED",
    owner: "owner@acme.test",
    product: "Claude API",
    model: "claude-sonnet-4-6",
    sensitivity: "CONFIDENTIAL",
  },
  {
    title: "Internal audit workpaper review",
    fn: "Internal audit",
    description:
      "Checks audit workpapers against the methodology before manager review: missing evidence, untested controls, unclear conclusions.",
    value: 3,
    complexity: 2,
    status: "SHORTLISTED",
    owner: "pm@acme.test",
    sponsor: "Helen Marsh",
    criteria: "Manager review notes per workpaper down by half over two audit cycles.",
    product: "Claude apps (Cowork)",
    model: "claude-sonnet-4-6",
    sensitivity: "CONFIDENTIAL",
  },
  {
    title: "Regulatory change monitoring",
    fn: "Compliance",
    description: "Reads regulator publications each week and drafts an impact note for each change that touches the bank's products.",
    value: 3,
    complexity: 4,
    status: "CANDIDATE",
    owner: "legal@acme.test",
    product: "Claude API",
    model: "claude-opus-4-7",
    sensitivity: "PUBLIC",
  },
  {
    title: "Mortgage application checklist",
    fn: "Retail lending",
    description: "Checks a mortgage application pack for missing documents and inconsistencies before underwriting.",
    value: 4,
    complexity: 4,
    status: "CANDIDATE",
    product: "Claude API",
    model: "claude-sonnet-4-6",
    sensitivity: "RESTRICTED",
  },
  {
    title: "Trade surveillance alert narratives",
    fn: "Markets compliance",
    description:
      "Writes the first narrative for each surveillance alert from the trade and communications data, for the analyst to confirm or close.",
    value: 5,
    complexity: 5,
    status: "CANDIDATE",
    owner: "security@acme.test",
    product: "Claude API",
    model: "claude-opus-4-7",
    sensitivity: "RESTRICTED",
  },
  {
    title: "Developer assistant for the core banking team",
    fn: "Technology",
    description:
      "Claude Code for the COBOL and Java core banking teams: explaining legacy modules, writing tests, drafting change requests.",
    value: 4,
    complexity: 3,
    status: "CANDIDATE",
    owner: "engineering@acme.test",
    product: "Claude Code",
    model: "claude-sonnet-4-6",
    sensitivity: "CONFIDENTIAL",
  },
  {
    title: "Meeting minutes for credit committee",
    fn: "Commercial lending",
    description: "Turns the committee's notes and the memo into draft minutes with decisions and conditions.",
    value: 2,
    complexity: 1,
    status: "CANDIDATE",
    product: "Claude apps (Cowork)",
    model: "claude-haiku-4-5",
    sensitivity: "CONFIDENTIAL",
  },
  {
    title: "Marketing copy for savings products",
    fn: "Marketing",
    description: "Drafts campaign copy for savings products within the financial promotions rules, for compliance sign-off.",
    value: 2,
    complexity: 2,
    status: "CANDIDATE",
    owner: "sponsor@acme.test",
    product: "Claude apps (Cowork)",
    model: "claude-sonnet-4-6",
    sensitivity: "PUBLIC",
  },
  {
    title: "Board pack summarisation",
    fn: "Company secretariat",
    description: "One-page summaries of each board paper for non-executive directors.",
    value: 2,
    complexity: 2,
    status: "PARKED",
    product: "Claude apps (Cowork)",
    model: "claude-sonnet-4-6",
    sensitivity: "RESTRICTED",
  },
];

const GLOBEX: DemoUseCase[] = [
  {
    title: "Clinical letter drafting",
    fn: "Outpatients",
    description: "Drafts the clinic letter to the GP from the consultation notes, for the clinician to review and sign.",
    value: 5,
    complexity: 3,
    status: "PRODUCTION",
    owner: "owner@acme.test",
    sponsor: "Daniel Okafor",
    criteria: "Letters sent within 48 hours of clinic for 90% of appointments; clinician edits under 10% of text.",
    product: "Claude apps (Cowork)",
    model: "claude-sonnet-4-6",
    sensitivity: "RESTRICTED",
    pocDay: 14,
  },
  {
    title: "Prior-authorisation packet assembly",
    fn: "Revenue cycle",
    description: "Assembles the prior-authorisation packet from the record and the payer's criteria, flagging gaps before submission.",
    value: 5,
    complexity: 4,
    status: "PRODUCTION",
    owner: "owner@acme.test",
    sponsor: "Nora Lindqvist",
    criteria: "Packet preparation time down 50%; denial rate not worse than baseline.",
    product: "Claude API",
    model: "claude-opus-4-7",
    sensitivity: "RESTRICTED",
    pocDay: 16,
    scope: [{ day: 50, field: "model", before: "claude-sonnet-4-6", after: "claude-opus-4-7", by: "Priya Shah <pm@acme.test>" }],
  },
  {
    title: "Internal policy assistant",
    fn: "HR",
    description: "Answers staff questions about HR policies (leave, expenses, rotas) from the policy library.",
    value: 3,
    complexity: 2,
    status: "PRODUCTION",
    owner: "pm@acme.test",
    sponsor: "Laura Nguyen",
    criteria: "60% of policy questions answered without an HR ticket.",
    product: "Claude apps (Cowork)",
    model: "claude-haiku-4-5",
    sensitivity: "INTERNAL",
    pocDay: 15,
  },
  {
    title: "Code review assistant (Claude Code)",
    fn: "Engineering",
    description: "Claude Code reviews pull requests on the patient portal for security issues and test coverage before human review.",
    value: 4,
    complexity: 2,
    status: "PILOT",
    owner: "engineering@acme.test",
    sponsor: "Nora Lindqvist",
    criteria: "Median PR cycle time down 25% with no rise in escaped defects.",
    product: "Claude Code",
    model: "claude-sonnet-4-6",
    sensitivity: "CONFIDENTIAL",
    pocDay: 95,
  },
  {
    title: "Discharge summary drafting",
    fn: "Inpatients",
    description: "Drafts the discharge summary from the inpatient record for the ward doctor to complete.",
    value: 5,
    complexity: 4,
    status: "SHORTLISTED",
    owner: "pm@acme.test",
    sponsor: "Daniel Okafor",
    product: "Claude apps (Cowork)",
    model: "claude-sonnet-4-6",
    sensitivity: "RESTRICTED",
  },
  {
    title: "Patient leaflet plain-language rewrite",
    fn: "Communications",
    description: "Rewrites patient information leaflets to a reading age of 11, keeping clinical accuracy.",
    value: 2,
    complexity: 1,
    status: "PARKED",
    product: "Claude apps (Cowork)",
    model: "claude-haiku-4-5",
    sensitivity: "PUBLIC",
  },
];

/** Creates the demo programme's use cases (with their scope-change logs), each with an audit event. */
export async function seedUseCases(tx: Tx, ctx: DemoSeedContext): Promise<void> {
  const inventory = ctx.slug === "acme" ? ACME : GLOBEX;
  for (const u of inventory) {
    const pocStartedAt = POC_OR_LATER.includes(u.status) ? ctx.dayDate(u.pocDay ?? Math.max(1, ctx.day - 20)) : null;
    // A use case is created as it was first written; its scope log takes it to what it is now.
    const original = Object.fromEntries((u.scope ?? []).map((c) => [c.field, c.before]));
    const now = {
      title: u.title,
      businessFunction: u.fn,
      description: u.description,
      successCriteria: u.criteria ?? null,
      claudeProduct: u.product,
      model: u.model,
      dataSensitivity: u.sensitivity,
    };
    const created = await tx.useCase.create({
      data: {
        programmeId: ctx.programmeId,
        ...now,
        businessValue: u.value,
        complexity: u.complexity,
        status: u.status,
        businessSponsor: u.sponsor ?? null,
        ownerId: u.owner ? (ctx.member.get(u.owner) ?? null) : null,
        pocStartedAt,
        createdAt: ctx.dayDate(Math.min(5, ctx.day)),
      },
      select: { id: true, title: true, status: true },
    });
    await appendAudit(tx, {
      programmeId: ctx.programmeId,
      actor: SEED_ACTOR,
      action: "usecase.create",
      entityType: "UseCase",
      entityId: created.id,
      after: { ...now, ...original, businessValue: u.value, complexity: u.complexity, status: u.status },
    });
    for (const c of u.scope ?? []) {
      const changedAt = ctx.dayDate(c.day);
      await tx.useCaseScopeChange.create({
        data: {
          programmeId: ctx.programmeId,
          useCaseId: created.id,
          field: c.field,
          before: c.before,
          after: c.after,
          changedBy: c.by,
          changedAt,
          scopeCreep: pocStartedAt !== null && changedAt >= pocStartedAt,
        },
      });
    }
  }
}
