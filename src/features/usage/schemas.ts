import { z } from "zod";

const count = z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must not be negative");
const tokens = z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must not be negative").max(Number.MAX_SAFE_INTEGER);
const label = z.string().trim().max(120, "must be at most 120 characters");

export const MINUTES_SOURCES = { measured: "MEASURED", self_reported: "SELF_REPORTED", estimated: "ESTIMATED" } as const;

/**
 * One usage fact: a person's use on a day (pseudonymous user id), with its department, use case,
 * cohort and model. Unknown fields are ignored; missing required ones are named.
 */
export const usageEventSchema = z.object({
  externalId: z.string({ error: "is required" }).trim().min(1, "is required").max(200, "must be at most 200 characters"),
  day: z
    .string({ error: "is required (YYYY-MM-DD)" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
    .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "must be a real date"),
  user: z.string({ error: "is required (a pseudonymous id)" }).trim().min(1, "is required (a pseudonymous id)").max(200, "must be at most 200 characters"),
  department: label.default(""),
  useCase: label.default(""),
  cohort: label.default(""),
  model: label.default(""),
  sessions: count.default(0),
  tasks: count.default(0),
  minutesSaved: z.number({ error: "must be a number" }).min(0, "must not be negative").max(24 * 60, "must be at most a day of minutes").default(0),
  minutesSource: z.enum(["measured", "self_reported", "estimated"], { error: "must be measured, self_reported or estimated" }).default("estimated"),
  errors: count.default(0),
  tokens: z
    .object({ uncachedInput: tokens.default(0), cacheWrite: tokens.default(0), cacheRead: tokens.default(0), output: tokens.default(0) })
    .default({ uncachedInput: 0, cacheWrite: 0, cacheRead: 0, output: 0 }),
  costUsd: z.number({ error: "must be a number" }).min(0, "must not be negative").default(0),
});
export type UsageEventInput = z.input<typeof usageEventSchema>;
export type UsageEvent = z.output<typeof usageEventSchema>;

export const MAX_BATCH_EVENTS = 10_000;
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

export interface EventProblem {
  index: number;
  reason: string;
}

/** Validates a whole batch; returns every bad event with its index and reason, or the parsed events. */
export function parseUsageBatch(body: unknown): { ok: true; events: UsageEvent[] } | { ok: false; status: 400 | 413 | 422; message: string; problems?: EventProblem[] } {
  if (typeof body !== "object" || body === null || !Array.isArray((body as { events?: unknown }).events))
    return { ok: false, status: 400, message: 'The body must be a JSON object with an "events" array.' };
  const raw = (body as { events: unknown[] }).events;
  if (raw.length === 0) return { ok: false, status: 422, message: "The batch has no events." };
  if (raw.length > MAX_BATCH_EVENTS) return { ok: false, status: 413, message: `A batch holds at most ${MAX_BATCH_EVENTS.toLocaleString("en")} events; this one has ${raw.length.toLocaleString("en")}.` };
  const events: UsageEvent[] = [];
  const problems: EventProblem[] = [];
  raw.forEach((e, index) => {
    const r = usageEventSchema.safeParse(e);
    if (r.success) events.push(r.data);
    else problems.push({ index, reason: r.error.issues.map((i) => `${i.path.join(".") || "event"} ${i.message}`).join("; ") });
  });
  if (problems.length > 0) return { ok: false, status: 422, message: `${problems.length} of ${raw.length} events are invalid; nothing was written.`, problems };
  return { ok: true, events };
}
