/**
 * `npm run bench -- audit [--sizes 10000,1000000] [--runs 20] [--tail 200] [--full-verify]`: the audit page's
 * data load (listAuditEvents: authorization, the newest page of events in words, the filter options and the
 * chain verdict from the latest checkpoint) on a programme whose chain holds each size of events.
 * Events are written with COPY, each correctly hash-chained; the hourly checkpoint job is simulated by a
 * checkpoint `--tail` events before the head (the events the page then verifies itself). Also timed: a
 * filtered page (one action), a page deep in the chain (keyset), and with --full-verify the daily full
 * verification. Prints key=value lines.
 */
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { eventHash, type ChainedEventContent } from "../../src/domain/audit-chain";
import { seededRandom } from "../../src/domain/random";

const log = (m: string) => console.log(`[bench] ${m}`);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

const ACTIONS = [
  ["usage.ingest", "UsageImport"],
  ["criterion.update", "GateCriterion"],
  ["milestone.update", "Milestone"],
  ["risk.update", "Risk"],
  ["usecase.update", "UseCase"],
  ["workflow.evaluate", "EvaluationRun"],
  ["member.update", "Membership"],
  ["scenario.update", "CostScenario"],
] as const;

const csvText = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function benchAudit(opts: { url: string; sizes: number[]; runs: number; tail: number; fullVerify: boolean }): Promise<void> {
  const { makeProgramme, makeUser } = await import("../../src/demo/factories");
  const { listAuditEvents } = await import("../../src/features/audit/server/list-audit-events");
  const { verifyAuditChain } = await import("../../src/features/audit/server/verify-audit-chain");
  const { db, disconnectDb } = await import("../../src/server/db");

  const pm = await makeUser({ name: "Bench Manager" });
  const programme = await makeProgramme(pm);
  const chain = programme.id;
  const client = new pg.Client({ connectionString: opts.url });
  await client.connect();
  const r = seededRandom(11);
  const last = await db.auditEvent.findFirstOrThrow({ where: { chain }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  let seq = last.seq;
  let prev = last.hash;
  const start = Date.now() - 90 * 86_400_000;

  /** Appends events up to `total`, hash-chained, through COPY in batches. */
  async function growTo(total: number) {
    const n = total - seq;
    if (n <= 0) return;
    const t0 = performance.now();
    const span = 90 * 86_400_000;
    const from = seq;
    function* rows() {
      let out: string[] = [];
      for (let i = 1; i <= n; i++) {
        const [action, entityType] = ACTIONS[Math.floor(r() * ACTIONS.length)]!;
        const s = from + i;
        const content: ChainedEventContent = {
          chain,
          seq: s,
          programmeId: chain,
          actorId: pm.id,
          actorLabel: `${pm.name} <${pm.email}>`,
          action,
          entityType,
          entityId: `00000000-0000-4000-8000-${String(s % 5000).padStart(12, "0")}`,
          before: { status: "IN_PROGRESS", owner: "Priya Shah", note: `Step ${s - 1}` },
          after: {
            status: r() < 0.5 ? "DONE" : "BLOCKED",
            owner: "Priya Shah",
            note: `Step ${s}`,
            evidenceUrl: "https://wiki.example/page",
          },
          createdAt: new Date(start + Math.floor((span * i) / n)).toISOString(),
        };
        const hash = eventHash(prev, content);
        out.push(
          [
            content.chain,
            s,
            content.programmeId,
            content.actorId,
            csvText(content.actorLabel),
            action,
            entityType,
            content.entityId,
            csvText(JSON.stringify(content.before)),
            csvText(JSON.stringify(content.after)),
            content.createdAt,
            prev,
            hash,
          ].join(","),
        );
        prev = hash;
        if (out.length === 10_000) {
          yield `${out.join("\n")}\n`;
          out = [];
        }
      }
      if (out.length) yield `${out.join("\n")}\n`;
    }
    await pipeline(
      Readable.from(rows()),
      client.query(
        copyFrom(
          `COPY "AuditEvent" ("chain","seq","programmeId","actorId","actorLabel","action","entityType","entityId","before","after","createdAt","prevHash","hash") FROM STDIN WITH (FORMAT csv)`,
        ),
      ),
    );
    seq = total;
    await client.query(`ANALYZE "AuditEvent"`);
    log(`chain at ${total.toLocaleString("en")} events (+${n.toLocaleString("en")} in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }

  const time = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };

  try {
    for (const size of opts.sizes) {
      await growTo(size);
      // The hourly job's checkpoint, `tail` events before the head: the page verifies those itself.
      const at = size - Math.min(opts.tail, size - 1);
      const anchor = await db.auditEvent.findUniqueOrThrow({ where: { chain_seq: { chain, seq: at } }, select: { hash: true } });
      await db.auditCheckpoint.create({ data: { chain, seq: at, hash: anchor.hash, ok: true, full: true } });
      await listAuditEvents(pm, programme.slug); // warm
      const page: number[] = [];
      const filtered: number[] = [];
      const deep: number[] = [];
      for (let i = 0; i < opts.runs; i++) {
        page.push(await time(() => listAuditEvents(pm, programme.slug)));
        filtered.push(await time(() => listAuditEvents(pm, programme.slug, { action: "risk.update" })));
        deep.push(await time(() => listAuditEvents(pm, programme.slug, { before: String(Math.floor(size / 10)) })));
      }
      const check = await listAuditEvents(pm, programme.slug);
      if (!check.verdict.ok || check.events.length !== 50) throw new Error(`unexpected page: ${JSON.stringify(check.verdict)}`);
      log(
        `${size.toLocaleString("en")} events: page p50 ${percentile(page, 50).toFixed(1)} ms, filtered p50 ${percentile(filtered, 50).toFixed(1)} ms, deep p50 ${percentile(deep, 50).toFixed(1)} ms`,
      );
      console.log(`audit_events=${size}`);
      console.log(`audit_page_load_p50_ms_${size}=${percentile(page, 50).toFixed(1)}`);
      console.log(`audit_page_load_p95_ms_${size}=${percentile(page, 95).toFixed(1)}`);
      console.log(`audit_filtered_page_load_p50_ms_${size}=${percentile(filtered, 50).toFixed(1)}`);
      console.log(`audit_deep_page_load_p50_ms_${size}=${percentile(deep, 50).toFixed(1)}`);
      if (opts.fullVerify || size <= 100_000) {
        let ok = false;
        const ms = await time(async () => void (ok = (await verifyAuditChain(chain)).ok));
        if (!ok) throw new Error("full verification failed");
        console.log(`audit_full_verify_ms_${size}=${ms.toFixed(0)}`);
      }
    }
    console.log(`peak_rss_mb=${Math.round(process.resourceUsage().maxRSS / 1024)}`);
  } finally {
    await client.end();
    await disconnectDb();
  }
}
