/**
 * The versioned 90-day programme template and the pure functions that turn it into a dated plan.
 *
 * Dates: a programme's start date (Day 1) is a calendar date, represented as a Date at UTC midnight
 * (what Prisma returns for @db.Date). All arithmetic here is done in UTC with Date.UTC, never in the
 * process's local time zone (date-fns' addDays/differenceInCalendarDays work in local time and can
 * shift a UTC-midnight date by a day or an hour across time zones and DST, so they are not used).
 */
import type { GateKey, PhaseKey } from "../enums";
import type { GateTemplate, PhaseTemplate, ProgrammePlan, ProgrammeTemplate } from "./types";
import { TEMPLATE_V1 } from "./v1";

export * from "./types";
export { TEMPLATE_V1 } from "./v1";

export const CURRENT_TEMPLATE: ProgrammeTemplate = TEMPLATE_V1;

const TEMPLATES: ReadonlyMap<string, ProgrammeTemplate> = new Map([[TEMPLATE_V1.version, TEMPLATE_V1]]);

/** Every known template version, oldest first. */
export const TEMPLATE_VERSIONS: readonly string[] = [...TEMPLATES.keys()];

export class UnknownTemplateVersionError extends Error {
  readonly version: string;
  constructor(version: string) {
    super(`Unknown programme template version: ${JSON.stringify(version)}`);
    this.name = "UnknownTemplateVersionError";
    this.version = version;
  }
}

/** The template with this version (Programme.templateVersion). Throws UnknownTemplateVersionError. */
export function getTemplate(version: string): ProgrammeTemplate {
  const template = TEMPLATES.get(version);
  if (!template) throw new UnknownTemplateVersionError(version);
  return template;
}

// --- UTC calendar arithmetic -----------------------------------------------------------------

const MS_PER_DAY = 86_400_000;

function assertValidDate(date: Date, name: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError(`${name} is not a valid Date`);
  }
}

/** Throws unless `date` is a valid Date at exactly 00:00:00.000 UTC. */
export function assertUtcMidnight(date: Date, name = "date"): void {
  assertValidDate(date, name);
  if (date.getTime() % MS_PER_DAY !== 0) {
    throw new RangeError(`${name} must be a UTC midnight (a calendar date), got ${date.toISOString()}`);
  }
}

function assertInteger(value: number, name: string): void {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
}

/** The UTC calendar date of an instant, as a Date at UTC midnight. */
export function utcDateOf(instant: Date): Date {
  assertValidDate(instant, "instant");
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

/** `date` (a UTC midnight) plus `days` calendar days, as a UTC midnight. */
export function addUtcDays(date: Date, days: number): Date {
  assertUtcMidnight(date);
  assertInteger(days, "days");
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days));
}

/** The calendar date of programme day `day` (Day 1 = startDate). */
export function dateOfDay(startDate: Date, day: number): Date {
  assertUtcMidnight(startDate, "startDate");
  assertInteger(day, "day");
  return addUtcDays(startDate, day - 1);
}

/**
 * The programme day that `today` falls on: 1 on the start date, 0 the day before, negative earlier.
 * `today` may be any instant; its UTC calendar date is used.
 */
export function programmeDay(startDate: Date, today: Date): number {
  assertUtcMidnight(startDate, "startDate");
  const todayUtc = utcDateOf(today);
  return Math.round((todayUtc.getTime() - startDate.getTime()) / MS_PER_DAY) + 1;
}

/** The 1-based programme week of a programme day (days 1-7 are week 1). Throws for day < 1. */
export function weekOfDay(day: number): number {
  assertInteger(day, "day");
  if (day < 1) throw new RangeError(`day must be >= 1, got ${day}`);
  return Math.ceil(day / 7);
}

// --- Template queries ------------------------------------------------------------------------

/**
 * The phase the plan puts programme day `day` in, or null before Day 1. Day 91 onwards is
 * post-launch governance (its endDay is null). This is the *planned* phase; the programme's
 * actual current phase moves only through gates.
 */
export function phaseForDay(template: ProgrammeTemplate, day: number): PhaseTemplate | null {
  assertInteger(day, "day");
  return template.phases.find((phase) => day >= phase.startDay && (phase.endDay === null || day <= phase.endDay)) ?? null;
}

/** The gate whose approval the phase needs before it may start, or null (the first phase). */
export function gateBeforePhase(template: ProgrammeTemplate, phase: PhaseKey): GateTemplate | null {
  return template.gates.find((gate) => gate.opensPhase === phase) ?? null;
}

/** The gate with this key. Throws if the template has no such gate. */
export function gateTemplate(template: ProgrammeTemplate, key: GateKey): GateTemplate {
  const gate = template.gates.find((g) => g.key === key);
  if (!gate) throw new RangeError(`Template ${template.version} has no gate ${key}`);
  return gate;
}

// --- The concrete plan -----------------------------------------------------------------------

/**
 * The dated plan of a programme that starts (Day 1) on `startDate`, a UTC midnight:
 * phases with planned start and end dates, gates with planned dates and criteria, milestones with
 * due dates (end of their week, day 7 * week), and the playbook's risks and stakeholders.
 * Every object and array is a fresh copy, safe to mutate or pass to the database layer.
 */
export function planProgramme(template: ProgrammeTemplate, startDate: Date): ProgrammePlan {
  assertUtcMidnight(startDate, "startDate");
  const day = (n: number): Date => dateOfDay(startDate, n);

  return {
    templateVersion: template.version,
    startDate: new Date(startDate.getTime()),
    phases: template.phases.map((phase) => ({
      key: phase.key,
      ordinal: phase.ordinal,
      name: phase.name,
      plannedStart: day(phase.startDay),
      plannedEnd: phase.endDay === null ? null : day(phase.endDay),
    })),
    gates: template.gates.map((gate) => ({
      key: gate.key,
      ordinal: gate.ordinal,
      name: gate.name,
      purpose: gate.purpose,
      plannedDate: day(gate.plannedDay),
      requiredFunctions: [...gate.requiredFunctions],
      criteria: gate.criteria.map((criterion, index) => ({
        ordinal: index + 1,
        title: criterion.title,
        guidance: criterion.guidance,
      })),
    })),
    milestones: template.milestones.map((milestone) => ({
      week: milestone.week,
      phase: milestone.phase,
      title: milestone.title,
      deliverable: milestone.deliverable,
      dueDate: day(7 * milestone.week),
      suggestedOwner: milestone.suggestedOwner,
    })),
    risks: template.risks.map((risk) => ({
      title: risk.title,
      probability: risk.probability,
      impact: risk.impact,
      consequence: risk.consequence,
      mitigation: risk.mitigation,
      fromPlaybook: true as const,
    })),
    stakeholders: template.stakeholders.map((stakeholder) => ({
      role: stakeholder.role,
      why: stakeholder.why,
      engagementPlan: stakeholder.engagementPlan,
      engageByWeek: stakeholder.engageByWeek,
    })),
  };
}
