import "server-only";

import { toUtcDate } from "@/domain/dates";
import { priceTableSeed } from "@/domain/prices";
import { CURRENT_TEMPLATE, planProgramme } from "@/domain/template";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { ConflictError, isUniqueViolation } from "@/server/errors";

import { createProgrammeSchema, type CreateProgrammeInput } from "../schemas";
import { assertMayCreateProgramme } from "./programme-creators";

/**
 * Creates a programme from the current 90-day template: its phases, gates with their criteria and
 * required sign-off functions, the week-by-week milestone map, the playbook's ten risks and the
 * seven stakeholder slots. The creator becomes its programme manager. All in one transaction.
 */
export async function createProgramme(actor: Actor, raw: CreateProgrammeInput) {
  const input = createProgrammeSchema.parse(raw);
  assertMayCreateProgramme(actor);
  const template = CURRENT_TEMPLATE;
  const startDate = toUtcDate(input.startDate);
  const plan = planProgramme(template, startDate);
  try {
    return await db.$transaction(
      async (tx) => {
        if (await tx.programme.findUnique({ where: { slug: input.slug }, select: { id: true } }))
          throw new ConflictError("This address is already taken; choose another.", "slug");
        const programme = await tx.programme.create({
          data: {
            slug: input.slug,
            name: input.name,
            organisation: input.organisation,
            startDate,
            licensedSeats: input.licensedSeats,
            deploymentKind: input.deploymentKind,
            templateVersion: template.version,
            currentPhase: plan.phases[0]!.key,
          },
          select: {
            id: true,
            slug: true,
            name: true,
            organisation: true,
            startDate: true,
            licensedSeats: true,
            deploymentKind: true,
            templateVersion: true,
          },
        });
        const programmeId = programme.id;
        const membership = await tx.membership.create({
          data: { programmeId, userId: actor.id, roles: ["PROGRAMME_MANAGER"] },
          select: { id: true },
        });
        await tx.phase.createMany({
          data: plan.phases.map((p) => ({
            programmeId,
            key: p.key,
            ordinal: p.ordinal,
            name: p.name,
            plannedStart: p.plannedStart,
            plannedEnd: p.plannedEnd,
            // The first phase starts with the programme; every later one only through its gate.
            actualStart: p.ordinal === 1 ? startDate : null,
          })),
        });
        for (const g of plan.gates) {
          const gate = await tx.gate.create({
            data: {
              programmeId,
              key: g.key,
              ordinal: g.ordinal,
              name: g.name,
              purpose: g.purpose,
              plannedDate: g.plannedDate,
              requiredFunctions: [...g.requiredFunctions],
            },
            select: { id: true },
          });
          await tx.gateCriterion.createMany({
            data: g.criteria.map((c, i) => ({ programmeId, gateId: gate.id, ordinal: i + 1, title: c.title, guidance: c.guidance })),
          });
        }
        await tx.milestone.createMany({
          data: plan.milestones.map((m) => ({
            programmeId,
            week: m.week,
            phase: m.phase,
            title: m.title,
            deliverable: m.deliverable,
            dueDate: m.dueDate,
            // The creator is the programme manager, so milestones the template gives to the
            // programme manager start owned; the rest wait for their stakeholders to join.
            ownerId: m.suggestedOwner === "PROGRAMME_MANAGER" ? membership.id : null,
          })),
        });
        await tx.risk.createMany({
          data: plan.risks.map((r) => ({
            programmeId,
            title: r.title,
            probability: r.probability,
            impact: r.impact,
            consequence: r.consequence,
            mitigation: r.mitigation,
            fromPlaybook: true,
          })),
        });
        await tx.stakeholder.createMany({
          data: plan.stakeholders.map((s) => ({
            programmeId,
            role: s.role,
            concerns: s.why,
            engagementPlan: s.engagementPlan,
            engageByWeek: s.engageByWeek,
          })),
        });
        // The cost model's price table, seeded with Anthropic's published prices (editable on the Cost model page).
        const prices = await tx.modelPrice.createMany({ data: priceTableSeed(programmeId) });
        await appendAudit(tx, {
          programmeId,
          actor: auditActor(actor),
          action: "programme.create",
          entityType: "Programme",
          entityId: programmeId,
          after: {
            ...programme,
            createdFromTemplate: template.version,
            laidOut: {
              phases: plan.phases.length,
              gates: plan.gates.length,
              criteria: plan.gates.reduce((n, g) => n + g.criteria.length, 0),
              milestones: plan.milestones.length,
              risks: plan.risks.length,
              stakeholderSlots: plan.stakeholders.length,
              modelPrices: prices.count,
            },
          },
        });
        await appendAudit(tx, {
          programmeId,
          actor: auditActor(actor),
          action: "member.add",
          entityType: "Membership",
          entityId: membership.id,
          after: { email: actor.email, roles: ["PROGRAMME_MANAGER"], functions: [] },
        });
        return programme;
      },
      { timeout: 20_000 },
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("This address is already taken; choose another.", "slug");
    throw e;
  }
}
