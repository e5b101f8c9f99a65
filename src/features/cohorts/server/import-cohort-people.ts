import "server-only";

import { personRefOf, type PilotTag } from "@/domain/cohorts";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { importCohortPeopleSchema, tagPersonSchema, type ImportCohortPeopleInput, type TagPersonInput } from "../schemas";
import { matchKeysOf } from "./measure";

const MAX_PEOPLE = 100_000;
const TAGS: Record<string, PilotTag> = {
  "early adopter": "EARLY_ADOPTER",
  early_adopter: "EARLY_ADOPTER",
  "early-adopter": "EARLY_ADOPTER",
  sceptic: "SCEPTIC",
  skeptic: "SCEPTIC",
};

/** Reads "person[,tag]" lines; a header line ("email", "user", "id") is skipped. Emails become their pseudonym here. */
function parsePeopleCsv(csv: string): { people: { userRef: string; tag: PilotTag | null }[]; problems: string[] } {
  const people = new Map<string, PilotTag | null>();
  const problems: string[] = [];
  csv.split(/\r?\n/).forEach((line, i) => {
    const [first = "", second = ""] = line.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, "").trim());
    if (!first) return;
    if (i === 0 && /^(email|user|user id|userref|person|id)$/i.test(first)) return;
    if (first.length > 200) return problems.push(`Line ${i + 1}: the person is over 200 characters.`);
    const tagText = second.toLowerCase();
    const tag = tagText ? TAGS[tagText] : null;
    if (tag === undefined) return problems.push(`Line ${i + 1}: "${second}" is not a tag (use "early adopter" or "sceptic").`);
    people.set(personRefOf(first), tag);
  });
  return { people: [...people].map(([userRef, tag]) => ({ userRef, tag })), problems };
}

/**
 * Adds people to a cohort from CSV (emails stored only as their pseudonym) or from the usage data (the people
 * whose events name this cohort). A person already in another cohort of the programme is left where they are
 * and counted; nothing is written when the file has a bad line.
 */
export async function importCohortPeople(actor: Actor, raw: ImportCohortPeopleInput) {
  const input = importCohortPeopleSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "cohorts.manage");
  const programmeId = access.programme.id;
  const cohort = await db.cohort.findFirst({ where: { id: input.cohortId, programmeId }, select: { id: true, name: true, key: true } });
  if (!cohort) throw new NotFoundError("Cohort not found.");
  let people: { userRef: string; tag: PilotTag | null }[];
  if (input.fromUsage) {
    const rows = await db.$queryRaw<{ userRef: string }[]>`
      SELECT DISTINCT "userRef" FROM "UsageUserDay"
      WHERE "programmeId" = ${programmeId}::uuid AND lower(btrim("cohort")) = ANY(${matchKeysOf(cohort)}::text[])
      LIMIT ${MAX_PEOPLE + 1}`;
    people = rows.map((r) => ({ userRef: r.userRef, tag: null }));
    if (people.length === 0) throw new RuleError(`No usage data names ${cohort.name} yet.`, "fromUsage");
  } else {
    const parsed = parsePeopleCsv(input.csv);
    if (parsed.problems.length > 0) throw new RuleError(parsed.problems.slice(0, 5).join(" "), "csv");
    people = parsed.people;
    if (people.length === 0) throw new RuleError("The file lists no people (one email or pseudonymous id per line).", "csv");
  }
  if (people.length > MAX_PEOPLE) throw new RuleError(`A cohort holds at most ${MAX_PEOPLE.toLocaleString("en")} people.`, "csv");
  return db.$transaction(async (tx) => {
    const added = await tx.cohortPerson.createMany({
      data: people.map((p) => ({
        programmeId,
        cohortId: cohort.id,
        userRef: p.userRef,
        tag: p.tag,
        source: input.fromUsage ? "usage" : "csv",
      })),
      skipDuplicates: true,
    });
    // Tags given in the file apply to people already in this cohort too.
    for (const p of people.filter((x) => x.tag))
      await tx.cohortPerson.updateMany({ where: { cohortId: cohort.id, userRef: p.userRef }, data: { tag: p.tag } });
    const inCohort = await tx.cohortPerson.count({ where: { cohortId: cohort.id, userRef: { in: people.map((p) => p.userRef) } } });
    const result = { listed: people.length, added: added.count, inOtherCohorts: people.length - inCohort };
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "cohort.people.import",
      entityType: "Cohort",
      entityId: cohort.id,
      after: { cohort: cohort.name, source: input.fromUsage ? "usage" : "csv", ...result },
    });
    return result;
  });
}

/** Tags a person of a cohort early adopter or sceptic (or clears the tag). */
export async function tagCohortPerson(actor: Actor, raw: TagPersonInput) {
  const input = tagPersonSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "cohorts.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const updated = await tx.cohortPerson.updateMany({
      where: { programmeId, cohortId: input.cohortId, userRef: input.userRef },
      data: { tag: input.tag },
    });
    if (updated.count === 0) throw new NotFoundError("That person is not in this cohort.");
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "cohort.person.tag",
      entityType: "Cohort",
      entityId: input.cohortId,
      after: { userRef: input.userRef, tag: input.tag },
    });
    return { userRef: input.userRef };
  });
}
