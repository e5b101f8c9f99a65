import { describe, expect, it } from "vitest";
import { z } from "zod";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { listFailedJobs } from "@/features/jobs/server/list-failed-jobs";
import { retryFailedJob } from "@/features/jobs/server/retry-failed-job";
import { db } from "@/server/db";
import { defineJob } from "@/server/jobs/define";
import { enqueue } from "@/server/jobs/enqueue";

/** The programme managers' failed-jobs page: its operations, including the denied paths. */

const job = defineJob({ name: "test.page-job", schema: z.object({ n: z.number() }), handler: async () => undefined });

async function failedJob(programmeId: string, subject: string) {
  const { id } = await db.$transaction((tx) => enqueue(tx, job, { n: 1 }, { programmeId, subject }));
  await db.job.update({
    where: { id },
    data: { status: "FAILED", attempts: 4, maxAttempts: 4, lastError: "The API answered 500", finishedAt: new Date() },
  });
  return id;
}

describe("failed jobs of a programme", () => {
  it("a programme manager sees the programme's failed jobs with the reason, and retries one (audited)", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const other = await makeProgramme(pm);
    const id = await failedJob(p.id, "Evaluation of memo version 2");
    await failedJob(other.id, "Another programme's job");
    const { id: pendingId } = await db.$transaction((tx) => enqueue(tx, job, { n: 2 }, { programmeId: p.id }));

    const list = await listFailedJobs(pm, p.slug);
    expect(list).toEqual([
      {
        id,
        kind: "test.page-job",
        subject: "Evaluation of memo version 2",
        attempts: 4,
        lastError: "The API answered 500",
        failedAt: expect.any(Date),
      },
    ]);

    expect(await retryFailedJob(pm, { programmeSlug: p.slug, jobId: id })).toEqual({ id, status: "PENDING" });
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", attempts: 0, finishedAt: null });
    expect(await listFailedJobs(pm, p.slug)).toEqual([]);
    const audit = await db.auditEvent.findFirst({ where: { programmeId: p.id, action: "job.retry", entityId: id } });
    expect(audit).not.toBeNull();
    // Only failed jobs; another programme's job is not found from this one.
    await expect(retryFailedJob(pm, { programmeSlug: p.slug, jobId: pendingId })).rejects.toMatchObject({ code: "INVALID" });
    const otherId = (await listFailedJobs(pm, other.slug))[0]!.id;
    await expect(retryFailedJob(pm, { programmeSlug: p.slug, jobId: otherId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.job.findUniqueOrThrow({ where: { id: otherId } })).status).toBe("FAILED");
  });

  it("other roles, non-members and other programmes' managers are refused", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const id = await failedJob(p.id, "x");
    const owner = await makeUser();
    await makeMember(pm, p.slug, owner, ["WORKFLOW_OWNER", "SPONSOR"]);
    const outsider = await makeUser();
    await makeProgramme(outsider);
    await expect(listFailedJobs(owner, p.slug)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryFailedJob(owner, { programmeSlug: p.slug, jobId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listFailedJobs(outsider, p.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(retryFailedJob(outsider, { programmeSlug: p.slug, jobId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.job.findUniqueOrThrow({ where: { id } })).status).toBe("FAILED");
  });
});
