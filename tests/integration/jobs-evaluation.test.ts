import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { makeProgramme, makeUser } from "@/demo/factories";
import { evaluationJob } from "@/features/workflows/jobs";
import { createWorkflow } from "@/features/workflows/server/create-workflow";
import { startEvaluation } from "@/features/workflows/server/evaluate";
import { saveTestCase } from "@/features/workflows/server/test-cases";
import { db } from "@/server/db";
import { startWorker } from "@/server/jobs/worker";

import { startFakeAnthropic, type FakeAnthropic } from "../support/fake-anthropic";

/**
 * An evaluation is a job: a worker process killed mid-run (SIGKILL) leaves the run "running"; after the
 * lease another worker process resumes it, running only the cases without a result, so each finished
 * case is requested (billed) once. When the job's attempts run out, the run is closed with the reason.
 */

let fake: FakeAnthropic;
const children: ChildProcess[] = [];
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await fake.close();
});

const CASES = 8;

async function setup() {
  const pm = await makeUser({ name: "Pat Manager" });
  const p = await makeProgramme(pm);
  const w = await createWorkflow(pm, {
    programmeSlug: p.slug,
    name: "Renewal reminder email",
    task: "Draft the renewal reminder email for a customer whose renewal is due",
    useCaseId: null,
    ownerId: null,
    threshold: 90,
    minutesSavedPerRun: 12,
    contextWho: "Acme Insurance.",
    contextVoice: "Warm.",
    contextStandards: "UK spelling.",
    exampleOutput: "Dear Globex…",
    template: "Write a renewal reminder to {{customer}}.",
    model: "claude-haiku-4-5",
    maxTokens: 200,
    documentation: "",
  });
  for (let i = 1; i <= CASES; i++)
    await saveTestCase(pm, {
      programmeSlug: p.slug,
      workflowSlug: w.slug,
      name: `Case ${i}`,
      variables: { customer: `Customer-${i}` },
      mustContain: `Customer-${i}`,
    });
  return { pm, p, w };
}

function startWorkerProcess(programmeSlug: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      "scripts/worker.ts",
      "--programme",
      programmeSlug,
      "--lease-ms",
      "1000",
      "--poll-ms",
      "50",
    ],
    {
      env: { ...process.env, DATABASE_POOL_MAX: "4", ANTHROPIC_API_KEY: fake.apiKey, ANTHROPIC_BASE_URL: fake.url, GATEHOUSE_WORKER: "on" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (b: Buffer) => {
      if (b.toString().includes("is running")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`worker exited with ${code} before it was running`)));
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Message requests (not token counts) the fake received for each case, by the customer named in the prompt. */
function requestsPerCase(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of fake.requests) {
    if (r.path !== "/v1/messages") continue;
    const m = /Customer-\d+/.exec(JSON.stringify(r.body));
    if (m) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return counts;
}

describe("evaluations as jobs", () => {
  it("a worker process killed mid-evaluation: another resumes the run, and each finished case is requested once", async () => {
    const s = await setup();
    fake.reset();
    fake.requests.length = 0;
    // The first two calls answer at once; the rest hang, so the first worker is killed with cases in flight.
    fake.delayNext(0, 2);
    fake.delayNext(20_000, 50);
    const first = await startWorkerProcess(s.p.slug);
    const started = await startEvaluation(
      s.pm,
      { programmeSlug: s.p.slug, workflowSlug: s.w.slug, version: 1 },
      { apiKey: fake.apiKey, baseURL: fake.url },
    );
    const job = await waitFor("the job", () => db.job.findFirst({ where: { name: evaluationJob.name, dedupeKey: started.runId } }));
    expect(job.programmeId).toBe(s.p.id);
    await waitFor(
      "two cases to finish",
      async () => (await db.evaluationRun.findUniqueOrThrow({ where: { id: started.runId } })).doneCases >= 2,
    );
    await new Promise<void>((resolve) => {
      first.once("exit", () => resolve());
      first.kill("SIGKILL");
    });
    const before = await db.evaluationResult.findMany({ where: { runId: started.runId }, select: { caseName: true } });
    const finishedBeforeKill = before.map((r) => r.caseName.replace("Case ", "Customer-"));
    expect(finishedBeforeKill.length).toBeGreaterThanOrEqual(2);
    expect((await db.evaluationRun.findUniqueOrThrow({ where: { id: started.runId } })).status).toBe("RUNNING");

    fake.reset(); // the second worker's calls answer at once
    const second = await startWorkerProcess(s.p.slug);
    const run = await waitFor("the run to complete", async () => {
      const r = await db.evaluationRun.findUniqueOrThrow({ where: { id: started.runId } });
      return r.status !== "RUNNING" ? r : null;
    });
    expect(run).toMatchObject({ status: "COMPLETED", doneCases: CASES, totalCases: CASES, passedCases: CASES, erroredCases: 0 });
    const results = await db.evaluationResult.findMany({ where: { runId: started.runId }, select: { caseName: true, costUsd: true } });
    expect(results.length).toBe(CASES);
    expect(run.costUsd).toBeCloseTo(
      results.reduce((n, r) => n + (r.costUsd ?? 0), 0),
      9,
    );

    const counts = requestsPerCase();
    for (const name of finishedBeforeKill) expect(counts.get(name)).toBe(1); // never re-run
    for (let i = 1; i <= CASES; i++) expect(counts.get(`Customer-${i}`)).toBeLessThanOrEqual(2); // at most the call cut off by the kill, once more
    const done = await waitFor("the job to succeed", async () => {
      const j = await db.job.findUniqueOrThrow({ where: { id: job.id } });
      return j.status === "SUCCEEDED" ? j : null;
    });
    expect(done.attempts).toBe(2);
    second.kill("SIGTERM");
  }, 60_000);

  it("when the job's attempts run out, the run is closed as failed with the reason", async () => {
    const s = await setup();
    const started = await startEvaluation(
      s.pm,
      { programmeSlug: s.p.slug, workflowSlug: s.w.slug, version: 1 },
      { apiKey: fake.apiKey, baseURL: fake.url },
    );
    // Its last attempt's worker died: the lease has expired.
    const job = await db.job.findFirstOrThrow({ where: { name: evaluationJob.name, dedupeKey: started.runId } });
    await db.job.update({
      where: { id: job.id },
      data: { status: "RUNNING", attempts: job.maxAttempts, lockedBy: "dead", lockedUntil: new Date(Date.now() - 1) },
    });
    const worker = startWorker({ definitions: [evaluationJob], programmeIds: [s.p.id], pollMs: 20, log: () => undefined });
    try {
      const run = await waitFor("the run to be closed", async () => {
        const r = await db.evaluationRun.findUniqueOrThrow({ where: { id: started.runId } });
        return r.status !== "RUNNING" ? r : null;
      });
      expect(run.status).toBe("FAILED");
      expect(run.error).toMatch(/^The evaluation stopped after 4 attempts: Attempt 4 was interrupted: its worker stopped/);
      expect(run.finishedAt).not.toBeNull();
      expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("FAILED");
    } finally {
      await worker.stop();
    }
  });
});
