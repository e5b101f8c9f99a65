import "server-only";

import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel, auditChanges, auditEntityLabel } from "@/domain/audit-display";
import { addDays, toUtcDate } from "@/domain/dates";
import { GATE_LABELS } from "@/domain/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { auditFilterSchema, type AuditFilterInput, type AuditFilters } from "../schemas";
import { pageVerdict } from "./verify-audit-chain";

export const AUDIT_PAGE_SIZE = 50;

/** The filters as given; a value that is not valid is dropped and its message returned, so the page still shows events. */
export function parseAuditFilters(raw: AuditFilterInput): { filters: AuditFilters; problems: string[] } {
  const parsed = auditFilterSchema.safeParse(raw);
  if (parsed.success) return { filters: parsed.data, problems: [] };
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)));
  return { filters: auditFilterSchema.parse(rest), problems: parsed.error.issues.map((i) => i.message) };
}

/** The ids of a gate's own records (its criteria, conditions and signatures), whose events are the gate's events. */
async function gateRecordIds(programmeId: string, gateId: string): Promise<string[] | null> {
  const gate = await db.gate.findFirst({
    where: { id: gateId, programmeId },
    select: { id: true, criteria: { select: { id: true } }, conditions: { select: { id: true } }, signOffs: { select: { id: true } } },
  });
  if (!gate) return null;
  return [gate.id, ...gate.criteria.map((c) => c.id), ...gate.conditions.map((c) => c.id), ...gate.signOffs.map((s) => s.id)];
}

/** The where clause of a programme's events under the filters (the chain is the programme's id: the (chain, …, seq) indexes serve it). */
export async function auditWhere(programmeId: string, f: AuditFilters): Promise<Prisma.AuditEventWhereInput | null> {
  const where: Prisma.AuditEventWhereInput = { chain: programmeId };
  if (f.actor) where.actorId = f.actor === "none" ? null : f.actor;
  if (f.type) where.entityType = f.type;
  if (f.action) where.action = f.action;
  if (f.gate) {
    const ids = await gateRecordIds(programmeId, f.gate);
    if (!ids) return null;
    where.entityId = { in: ids };
  }
  if (f.from || f.to)
    where.createdAt = { ...(f.from ? { gte: toUtcDate(f.from) } : {}), ...(f.to ? { lt: toUtcDate(addDays(f.to, 1)) } : {}) };
  return where;
}

/**
 * One page of a programme's audit trail, newest first, under the filters; keyset-paged by seq ("older
 * than #N"), so every page costs the same however deep. Each event with its name in words and the fields
 * it changed. The chain's verdict comes from the stored checkpoints (pageVerdict), not a re-read of it.
 */
export async function listAuditEvents(actor: Actor, programmeSlug: string, raw: AuditFilterInput = {}) {
  const access = await authorize(actor, programmeSlug, "audit.read");
  const programmeId = access.programme.id;
  const { filters, problems } = parseAuditFilters(raw);
  const where = await auditWhere(programmeId, filters);
  const [rows, verdict, members, gates] = await Promise.all([
    where
      ? db.auditEvent.findMany({
          where: { ...where, ...(filters.before ? { seq: { lt: filters.before } } : {}) },
          orderBy: { seq: "desc" },
          take: AUDIT_PAGE_SIZE + 1,
          select: {
            seq: true,
            actorId: true,
            actorLabel: true,
            action: true,
            entityType: true,
            entityId: true,
            before: true,
            after: true,
            createdAt: true,
            hash: true,
          },
        })
      : Promise.resolve([]),
    pageVerdict(programmeId),
    db.membership.findMany({
      where: { programmeId },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.gate.findMany({ where: { programmeId }, select: { id: true, key: true }, orderBy: { plannedDate: "asc" } }),
  ]);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    access,
    filters,
    problems: where ? problems : [...problems, "That gate is not in this programme."],
    events: page.map((e) => ({
      ...e,
      actionLabel: auditActionLabel(e.action),
      entityLabel: auditEntityLabel(e.entityType),
      changes: auditChanges(e.before, e.after),
    })),
    olderThan: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.seq : null,
    verdict,
    options: {
      actors: members.map((m) => ({ id: m.user.id, name: m.user.name })),
      actions: Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })),
      types: Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label })),
      gates: gates.map((g) => ({ id: g.id, label: GATE_LABELS[g.key] })),
    },
  };
}
