import "server-only";

import { programmeDay, utcDateOf, weekOfDay } from "@/domain/template";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, isUniqueViolation, RuleError } from "@/server/errors";

import { reviewWeeklyReportSchema, type ReviewWeeklyReportInput } from "../schemas";

/** The sponsor marks a weekly report reviewed: the "sponsor reviews happening" signal reads these. */
export async function reviewWeeklyReport(actor: Actor, raw: ReviewWeeklyReportInput, now = new Date()) {
  const input = reviewWeeklyReportSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "report.review");
  const currentWeek = weekOfDay(Math.max(1, programmeDay(access.programme.startDate, utcDateOf(now))));
  if (input.week > currentWeek) throw new RuleError(`Week ${input.week} has not happened yet.`);
  try {
    return await db.$transaction(async (tx) => {
      const review = await tx.sponsorReview.create({
        data: {
          programmeId: access.programme.id,
          week: input.week,
          reviewerId: actor.id,
          reviewedBy: `${actor.name} <${actor.email}>`,
          note: input.note,
          reviewedAt: now,
        },
        select: { id: true, week: true, reviewedAt: true, note: true },
      });
      await appendAudit(tx, {
        programmeId: access.programme.id,
        actor: auditActor(actor),
        action: "report.review",
        entityType: "SponsorReview",
        entityId: review.id,
        after: review,
      });
      return review;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`You already reviewed the report for week ${input.week}.`);
    throw e;
  }
}
