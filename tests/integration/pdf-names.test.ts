import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { getGateRecord } from "@/features/gates/server/get-gate-record";
import { openGateReview } from "@/features/gates/server/open-gate-review";
import { renderGateRecordPdf } from "@/features/gates/server/render-gate-record-pdf";
import { signGate, type SigningContext } from "@/features/gates/server/sign-gate";
import { getWeeklyReport } from "@/features/reports/server/get-weekly-report";
import { renderWeeklyReportPdf } from "@/features/reports/server/render-weekly-report-pdf";
import { reviewWeeklyReport } from "@/features/reports/server/review-weekly-report";

import { pdfActualTexts, pdfAttachments, pdfText } from "../support/pdf-text";

const PASSWORD = "correct horse battery";
const ctx: SigningContext = { ipAddress: "203.0.113.7", userAgent: "vitest", authMethod: "credentials", authAt: Date.now() };

// Names and text that the standard PDF fonts printed as "?" (issue 12, item 7).
const SECURITY = "Łukasz Wójcik";
const ENGINEERING = "田中 太郎";
const LEGAL = "김민준 👩🏽‍⚖️";
const ORGANISATION = "Łódź Instruments ≈ 田中商事";

/** The PDF's text with line breaks taken out: a long line may wrap anywhere between words. */
const flat = (text: string) => text.replace(/\s*\n\s*/g, " ");

describe("PDFs print every name exactly", { timeout: 120_000 }, () => {
  it("the gate record's signature manifests carry each signer's printed name, and the text extracted from the PDF is exactly it", async () => {
    const pm = await makeUser({ name: "Zoë Ångström" });
    const p = await makeProgramme(pm, { organisation: ORGANISATION });
    const signers = { SECURITY: SECURITY, ENGINEERING: ENGINEERING, LEGAL_PRIVACY: LEGAL } as const;
    await openGateReview(pm, { programmeSlug: p.slug, gateKey: "ARCHITECTURE_REVIEW" });
    for (const [fn, name] of Object.entries(signers) as [keyof typeof signers, string][]) {
      const reviewer = await makeUser({ name, password: PASSWORD });
      await makeMember(pm, p.slug, reviewer, ["GATE_REVIEWER"], [fn]);
      await signGate(
        reviewer,
        {
          programmeSlug: p.slug,
          gateKey: "ARCHITECTURE_REVIEW",
          function: fn,
          decision: fn === "SECURITY" ? "APPROVE_WITH_CONDITIONS" : "APPROVE",
          reason: fn === "SECURITY" ? "Latency ≈ 200 ms; 東京 region only 🚀" : undefined,
          password: PASSWORD,
        },
        ctx,
      );
    }
    const record = await getGateRecord(pm, p.slug, "ARCHITECTURE_REVIEW");
    const pdf = await renderGateRecordPdf(record);
    if (process.env.PDF_OUT) writeFileSync(`${process.env.PDF_OUT}/gate-record.pdf`, pdf);
    const text = flat(await pdfText(pdf));
    // pdf.js reads a zero-width joiner as a space; the span's /ActualText carries the emoji sequence exactly.
    for (const name of Object.values(signers)) expect(text).toContain(`Printed name: ${name.replace(/\u200d/g, " ")} · function:`);
    expect(await pdfActualTexts(pdf)).toContain("👩🏽\u200d⚖️");
    expect(text).toContain(`${ORGANISATION} · ${p.name}`);
    expect(text).toContain("Reason / conditions: Latency ≈ 200 ms; 東京 region only 🚀");
    expect(text).not.toMatch(/\?/);
    // Every character had a font, so nothing was replaced and nothing needed attaching.
    expect(text).not.toContain("[U+");
    expect(await pdfAttachments(pdf)).toEqual({});
  });

  it("the weekly report prints the organisation and the sponsor's name and note exactly", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm, { startDate: "2026-03-02", organisation: ORGANISATION });
    const sponsor = await makeUser({ name: SECURITY });
    await makeMember(pm, p.slug, sponsor, ["SPONSOR"]);
    const now = new Date("2026-03-14T10:00:00Z");
    const note = "Good progress in Łódź and 東京 — adoption ≈ 60 % 🎉";
    await reviewWeeklyReport(sponsor, { programmeSlug: p.slug, week: 2, note }, now);
    const pdf = await renderWeeklyReportPdf(await getWeeklyReport(pm, p.slug, 2, now), now);
    const text = flat(await pdfText(pdf));
    expect(text).toContain(`${ORGANISATION} · ${p.name}`);
    expect(text).toMatch(new RegExp(`Reviewed by ${SECURITY} <[^>]+> on 14 Mar 2026, 10:00:00 UTC: `));
    expect(text).toContain(`on 14 Mar 2026, 10:00:00 UTC: ${note}`);
    expect(text).not.toContain("[U+");
  });
});
