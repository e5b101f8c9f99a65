import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { NARRATIVE_MAX_TOKENS, NARRATIVE_MODEL, NARRATIVE_SYSTEM_PROMPT } from "@/features/reports/narrative";
import { draftWeeklyNarrative, NO_KEY_FOR_NARRATIVE_MESSAGE } from "@/features/reports/server/draft-weekly-narrative";
import { getWeeklyReport } from "@/features/reports/server/get-weekly-report";
import { publishWeeklyNarrative } from "@/features/reports/server/publish-weekly-narrative";
import { renderWeeklyReportPdf } from "@/features/reports/server/render-weekly-report-pdf";
import { reopenWeeklyNarrative } from "@/features/reports/server/reopen-weekly-narrative";
import { saveWeeklyNarrative } from "@/features/reports/server/save-weekly-narrative";
import { usageEventSchema } from "@/features/usage/schemas";
import { ingestUsageEvents } from "@/features/usage/server/ingest-usage-events";
import { ClaudeRequestError } from "@/server/claude/client";
import { db } from "@/server/db";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

import { startFakeAnthropic, type FakeAnthropic } from "../support/fake-anthropic";
import { pdfText as pdfLines } from "../support/pdf-text";

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(async () => {
  await fake.close();
});
const config = () => ({ apiKey: fake.apiKey, baseURL: fake.url });

const NOW = new Date("2026-03-14T10:00:00Z"); // day 13 of a programme started 2026-03-02: week 2

/** A programme in its second week with usage in weeks 1 and 2 (4 tasks, then 12), its manager, sponsor and a viewer. */
async function setup() {
  const pm = await makeUser();
  const p = await makeProgramme(pm, { startDate: "2026-03-02", licensedSeats: 10 });
  const sponsor = await makeUser();
  const viewer = await makeUser();
  await makeMember(pm, p.slug, sponsor, ["SPONSOR"]);
  await makeMember(pm, p.slug, viewer, ["VIEWER"]);
  const ev = (id: string, day: string, user: string, tasks: number) =>
    usageEventSchema.parse({ externalId: id, day, user, tasks, costUsd: tasks * 0.1 });
  await db.$transaction((tx) =>
    ingestUsageEvents(tx, p.id, [ev("a", "2026-03-03", "u1", 4), ev("b", "2026-03-10", "u1", 6), ev("c", "2026-03-11", "u2", 6)], "api"),
  );
  return { pm, sponsor, viewer, p, slug: p.slug, label: `${pm.name} <${pm.email}>` };
}

const narrativeOf = (programmeId: string, week: number) =>
  db.weeklyNarrative.findUnique({ where: { programmeId_week: { programmeId, week } } });
const actions = async (programmeId: string) =>
  (
    await db.auditEvent.findMany({
      where: { programmeId, action: { startsWith: "narrative." } },
      orderBy: { seq: "asc" },
      select: { action: true },
    })
  ).map((e) => e.action);
const messageRequests = () => fake.requests.filter((r) => r.path === "/v1/messages");

/** The text a PDF shows, its lines joined by spaces. */
const pdfText = async (pdf: Uint8Array) => (await pdfLines(pdf)).replace(/\n/g, " ");

describe("the weekly report's narrative drafted by Claude", () => {
  it("sends the week's facts to Claude and stores the reply as a draft with the model; only the programme manager sees the draft", async () => {
    const { pm, sponsor, viewer, p, slug } = await setup();
    fake.replyWhen(`Programme: ${p.name} (`, "Week 2 saw 12 tasks completed, up from 4.\n\nThe Architecture Review is not started.");
    const before = messageRequests().length;

    const n = await draftWeeklyNarrative(pm, { programmeSlug: slug, week: 2 }, config(), NOW);
    expect(n).toMatchObject({ week: 2, status: "DRAFTED", draftedByModel: NARRATIVE_MODEL, editedBy: null, publishedBy: null, cut: false });
    expect(n.text).toBe("Week 2 saw 12 tasks completed, up from 4.\n\nThe Architecture Review is not started.");
    expect(await narrativeOf(p.id, 2)).toMatchObject({ status: "DRAFTED", draftedByModel: NARRATIVE_MODEL, draftedAt: NOW });

    // One Messages API call with the week's facts: the figures as the report shows them, with their change.
    const sent = messageRequests().slice(before);
    expect(sent).toHaveLength(1);
    const body = sent[0]!.body as { model: string; max_tokens: number; system: string; messages: { role: string; content: string }[] };
    expect(body).toMatchObject({ model: NARRATIVE_MODEL, max_tokens: NARRATIVE_MAX_TOKENS, system: NARRATIVE_SYSTEM_PROMPT });
    expect(body.messages).toHaveLength(1);
    const facts = body.messages[0]!.content;
    expect(facts).toContain("Report: programme week 2, 2026-03-09 to 2026-03-14 (UTC).");
    expect(facts).toContain("- Tasks completed: 12; change +200.0%; measured");
    expect(facts).toContain("- API cost (USD): $1.20; change +200.0%; measured");
    expect(facts).toContain("- Architecture Review: Not started; planned");
    expect(facts).toMatch(/Top open risks[^\n]*:\n- .+probability, .+impact; owner: /);
    expect(facts).toMatch(/Milestones slipped: not done and due by 2026-03-14 \(\d+\):\n- Week 1: /);
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${fake.apiKey}`);

    // Audited, with the call's request id; the key is nowhere.
    const event = await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id, action: "narrative.draft" } });
    expect(event.after).toMatchObject({
      status: "DRAFTED",
      draftedByModel: NARRATIVE_MODEL,
      claude: { requestId: expect.stringMatching(/^req_fake_/), stopReason: "end_turn" },
    });
    expect(JSON.stringify([n, event.before, event.after])).not.toContain(fake.apiKey);

    // The draft is the programme manager's to check: the sponsor and viewers do not see it, nor does the PDF.
    const forPm = await getWeeklyReport(pm, slug, 2, NOW);
    expect(forPm).toMatchObject({ canNarrate: true, narrative: { status: "DRAFTED", text: n.text } });
    expect(await getWeeklyReport(sponsor, slug, 2, NOW)).toMatchObject({ canNarrate: false, claudeConfigured: false, narrative: null });
    expect((await getWeeklyReport(viewer, slug, 2, NOW)).narrative).toBeNull();
    const draftPdf = await pdfText(await renderWeeklyReportPdf(forPm));
    expect(draftPdf).toContain("Weekly sponsor report: week 2");
    expect(draftPdf).not.toContain("Week 2 saw 12 tasks");
    expect(draftPdf).not.toContain("Summary");
  });

  it("a person edits and publishes it; then every member and the PDF see it; a published narrative changes only after it is reopened", async () => {
    const { pm, sponsor, p, slug, label } = await setup();
    await draftWeeklyNarrative(pm, { programmeSlug: slug, week: 2 }, config(), NOW);

    // Saving an edit records the editor and keeps it a draft.
    const edited = "Twelve tasks were completed in week 2, against 4 in week 1.\n\nNo gate has been reviewed yet.";
    const saved = await saveWeeklyNarrative(pm, { programmeSlug: slug, week: 2, text: edited }, NOW);
    expect(saved).toMatchObject({ status: "DRAFTED", text: edited, editedBy: label, draftedByModel: NARRATIVE_MODEL, publishedBy: null });
    expect((await getWeeklyReport(sponsor, slug, 2, NOW)).narrative).toBeNull();
    // The same text again changes nothing.
    await saveWeeklyNarrative(pm, { programmeSlug: slug, week: 2, text: edited }, NOW);

    // Publishing needs the person's confirmation that they checked it.
    await expect(publishWeeklyNarrative(pm, { programmeSlug: slug, week: 2, text: edited, checked: false as never }, NOW)).rejects.toThrow(
      "Confirm that you checked the narrative against this week's figures.",
    );
    const published = await publishWeeklyNarrative(pm, { programmeSlug: slug, week: 2, text: edited, checked: true }, NOW);
    expect(published).toMatchObject({ status: "PUBLISHED", text: edited, editedBy: label, publishedBy: label, publishedAt: NOW });

    const forSponsor = await getWeeklyReport(sponsor, slug, 2, NOW);
    expect(forSponsor.narrative).toMatchObject({ status: "PUBLISHED", text: edited });
    const pdf = await pdfText(await renderWeeklyReportPdf(forSponsor));
    expect(pdf).toContain("Summary");
    expect(pdf).toContain("Twelve tasks were completed in week 2");
    expect(pdf).toContain(`Drafted with Claude (${NARRATIVE_MODEL}); edited by ${label}; published by ${label} on 2026-03-14 10:00 UTC.`);

    // Published: not redrafted (Claude is not even asked), not edited, not published twice.
    const calls = messageRequests().length;
    await expect(draftWeeklyNarrative(pm, { programmeSlug: slug, week: 2, replace: true }, config(), NOW)).rejects.toThrow(
      "Week 2's narrative is published, so it cannot be redrafted. Reopen it as a draft first.",
    );
    expect(messageRequests()).toHaveLength(calls);
    await expect(saveWeeklyNarrative(pm, { programmeSlug: slug, week: 2, text: "Changed." }, NOW)).rejects.toBeInstanceOf(ConflictError);
    await expect(publishWeeklyNarrative(pm, { programmeSlug: slug, week: 2, text: edited, checked: true }, NOW)).rejects.toBeInstanceOf(
      ConflictError,
    );

    // Reopened, it leaves the report; Claude's redraft over a person's text needs `replace`.
    await reopenWeeklyNarrative(pm, { programmeSlug: slug, week: 2 });
    expect(await narrativeOf(p.id, 2)).toMatchObject({ status: "DRAFTED", text: edited, publishedBy: null, publishedAt: null });
    expect((await getWeeklyReport(sponsor, slug, 2, NOW)).narrative).toBeNull();
    await expect(reopenWeeklyNarrative(pm, { programmeSlug: slug, week: 2 })).rejects.toBeInstanceOf(RuleError);
    await expect(draftWeeklyNarrative(pm, { programmeSlug: slug, week: 2 }, config(), NOW)).rejects.toThrow(
      `Week 2's narrative has text by ${label}. Confirm that Claude's new draft should replace it.`,
    );
    expect(messageRequests()).toHaveLength(calls);
    const redraft = await draftWeeklyNarrative(pm, { programmeSlug: slug, week: 2, replace: true }, config(), NOW);
    expect(redraft).toMatchObject({ status: "DRAFTED", editedBy: null, draftedByModel: NARRATIVE_MODEL });
    expect(redraft.text).toMatch(/^Reply to: Programme: /);

    // Claude's draft published unchanged keeps no editor: the record says it went out as Claude wrote it.
    const unchanged = await publishWeeklyNarrative(pm, { programmeSlug: slug, week: 2, text: redraft.text, checked: true }, NOW);
    expect(unchanged).toMatchObject({ status: "PUBLISHED", editedBy: null, publishedBy: label });
    expect(await pdfText(await renderWeeklyReportPdf(await getWeeklyReport(sponsor, slug, 2, NOW)))).toContain(
      `Drafted with Claude (${NARRATIVE_MODEL}); not edited; published by ${label}`,
    );

    expect(await actions(p.id)).toEqual([
      "narrative.draft",
      "narrative.update",
      "narrative.publish",
      "narrative.reopen",
      "narrative.draft",
      "narrative.publish",
    ]);
    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: true });
  });

  it("only the programme manager drafts, edits, publishes or reopens; another programme's manager is told it does not exist", async () => {
    const { sponsor, viewer, p, slug } = await setup();
    const outsider = await makeUser();
    await makeProgramme(outsider);
    const calls = messageRequests().length;
    for (const who of [sponsor, viewer]) {
      await expect(draftWeeklyNarrative(who, { programmeSlug: slug, week: 2 }, config(), NOW)).rejects.toThrow(
        "Only a programme manager can do that in this programme.",
      );
      await expect(saveWeeklyNarrative(who, { programmeSlug: slug, week: 2, text: "Mine." }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(publishWeeklyNarrative(who, { programmeSlug: slug, week: 2, text: "Mine.", checked: true }, NOW)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(reopenWeeklyNarrative(who, { programmeSlug: slug, week: 2 })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(draftWeeklyNarrative(outsider, { programmeSlug: slug, week: 2 }, config(), NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveWeeklyNarrative(outsider, { programmeSlug: slug, week: 2, text: "Mine." }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      publishWeeklyNarrative(outsider, { programmeSlug: slug, week: 2, text: "Mine.", checked: true }, NOW),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(messageRequests()).toHaveLength(calls);
    expect(await narrativeOf(p.id, 2)).toBeNull();
    expect(await actions(p.id)).toEqual([]);
  });

  it("a week that has not happened has no narrative", async () => {
    const { pm, slug } = await setup();
    await expect(draftWeeklyNarrative(pm, { programmeSlug: slug, week: 3 }, config(), NOW)).rejects.toThrow("Week 3 has not happened yet.");
    await expect(saveWeeklyNarrative(pm, { programmeSlug: slug, week: 3, text: "Early." }, NOW)).rejects.toThrow(
      "Week 3 has not happened yet.",
    );
  });

  it("a rate limit is retried by the SDK; a persistent error or a timeout is a clear message and stores nothing", async () => {
    const { pm, p, slug } = await setup();
    const request = { programmeSlug: slug, week: 1 };

    fake.failNext({ status: 429 });
    const before = messageRequests().length;
    expect(await draftWeeklyNarrative(pm, request, config(), NOW)).toMatchObject({ status: "DRAFTED", week: 1 });
    expect(messageRequests().length - before).toBe(2); // the 429, then the SDK's retry
    await db.weeklyNarrative.deleteMany({ where: { programmeId: p.id } });

    fake.failNext({ status: 500 }, 3); // the first try and the SDK's two retries
    const e = await draftWeeklyNarrative(pm, request, config(), NOW).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ClaudeRequestError);
    expect(e).toMatchObject({ anthropicStatus: 500, anthropicType: "api_error", requestId: expect.stringMatching(/^req_fake_/) });
    expect((e as Error).message).toBe("Anthropic could not draft the narrative (500 api_error: Internal server error).");

    fake.failNext({ status: 529 }, 3);
    await expect(draftWeeklyNarrative(pm, request, config(), NOW)).rejects.toThrow(
      "Anthropic could not draft the narrative (529 overloaded_error: Overloaded).",
    );

    fake.failNext({ status: 429, retryAfterSeconds: 20 }, 3);
    await expect(draftWeeklyNarrative(pm, request, config(), NOW)).rejects.toThrow(
      "Anthropic's rate limit was reached (429 rate_limit_error: Number of request tokens has exceeded your per-minute rate limit). Try again in 20 seconds, or write it by hand.",
    );

    fake.delayNext(3_000);
    await expect(draftWeeklyNarrative(pm, request, { ...config(), timeoutMs: 200, maxRetries: 0 }, NOW)).rejects.toThrow(
      "The Anthropic API did not answer in time. Try again later, or write it by hand.",
    );

    const wrongKey = "sk-ant-wrong-key-never-shown-77";
    const denied = await draftWeeklyNarrative(pm, request, { apiKey: wrongKey, baseURL: fake.url }, NOW).catch((x: unknown) => x);
    expect((denied as Error).message).toBe(
      "Anthropic did not accept the configured API key (401 authentication_error). An administrator should check ANTHROPIC_API_KEY; meanwhile, write it by hand.",
    );
    expect(JSON.stringify(denied) + String((denied as Error).stack)).not.toContain(wrongKey);

    expect(await narrativeOf(p.id, 1)).toBeNull();
    expect(await actions(p.id)).toEqual(["narrative.draft"]); // the first, successful draft only
  });

  it("without an API key Claude is not asked, and a person writes and publishes the narrative by hand", async () => {
    const { pm, p, slug, label } = await setup();
    await expect(draftWeeklyNarrative(pm, { programmeSlug: slug, week: 2 }, null, NOW)).rejects.toThrow(NO_KEY_FOR_NARRATIVE_MESSAGE);
    expect(await narrativeOf(p.id, 2)).toBeNull();
    expect((await getWeeklyReport(pm, slug, 2, NOW)).claudeConfigured).toBe(Boolean(process.env.ANTHROPIC_API_KEY));

    const text = "Adoption doubled this week.";
    const n = await publishWeeklyNarrative(pm, { programmeSlug: slug, week: 2, text, checked: true }, NOW);
    expect(n).toMatchObject({ status: "PUBLISHED", text, draftedByModel: null, draftedAt: null, editedBy: label, publishedBy: label });
    expect(await pdfText(await renderWeeklyReportPdf(await getWeeklyReport(pm, slug, 2, NOW)))).toContain(
      `Written by ${label}; published by ${label}`,
    );
  });

  it("concurrent changes to one week's narrative are settled in the database: one row, each change audited, one publish", async () => {
    const { pm, p, slug } = await setup();
    const drafts = await Promise.all([1, 2, 3].map(() => draftWeeklyNarrative(pm, { programmeSlug: slug, week: 2 }, config(), NOW)));
    expect(drafts.every((d) => d.status === "DRAFTED")).toBe(true);
    expect(await db.weeklyNarrative.count({ where: { programmeId: p.id } })).toBe(1);

    const results = await Promise.allSettled(
      [1, 2].map((i) => publishWeeklyNarrative(pm, { programmeSlug: slug, week: 2, text: `Version ${i}.`, checked: true }, NOW)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: expect.any(ConflictError) });
    const winner = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ text: string }>).value.text;
    expect(await narrativeOf(p.id, 2)).toMatchObject({ status: "PUBLISHED", text: winner });
    expect(await actions(p.id)).toEqual(["narrative.draft", "narrative.draft", "narrative.draft", "narrative.publish"]);
    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: true });
  });
});
