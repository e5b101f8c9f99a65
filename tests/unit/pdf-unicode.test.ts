import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { newPdf, replacementFor, UNRENDERED_TEXT_ATTACHMENT } from "@/server/pdf";

import { pdfAttachments, pdfText } from "../support/pdf-text";

const NAMES = ["Łukasz Wójcik", "Łódź", "田中 太郎", "김민준", "≈ 3 %", "Zoë 👍🏽 ❤️", "Ἀθῆναι · Москва · Nguyễn Thị Ánh"];

describe("the PDF writer", { timeout: 60_000 }, () => {
  it("draws every name with embedded fonts, so the text extracted from the PDF is exactly the text written", async () => {
    const { w } = await newPdf("Names — Łódź 田中", new Date("2026-03-01T00:00:00Z"));
    for (const n of NAMES) w.text(`Printed name: ${n}`);
    w.text(NAMES.join(" "), { bold: true });
    w.text(`Evidence SHA-256: ${"ab".repeat(32)} Łódź`, { mono: true, size: 8 });
    const pdf = await w.save();
    if (process.env.PDF_OUT) writeFileSync(`${process.env.PDF_OUT}/writer.pdf`, pdf);
    const text = await pdfText(pdf);
    for (const n of NAMES) expect(text).toContain(`Printed name: ${n}`);
    expect(text).toContain(`Evidence SHA-256: ${"ab".repeat(32)} Łódź`);
    expect(text).not.toContain("?");
    // Nothing needed a replacement, so nothing is attached.
    expect(await pdfAttachments(pdf)).toEqual({});
  });

  it("wraps long lines by the embedded fonts' widths, between graphemes, never through an emoji or a name", async () => {
    const { w } = await newPdf("Wrap", new Date("2026-03-01T00:00:00Z"));
    const long = "田中".repeat(200);
    const emojis = "👍🏽".repeat(120);
    w.text(long);
    w.text(emojis);
    const text = (await pdfText(await w.save())).replace(/\s+/g, "");
    expect(text).toContain(long);
    expect(text).toContain(emojis);
  });

  it("prints a character no embedded font covers as its code points, and keeps the exact text in an attachment", async () => {
    const odd = "Name\u0007 with a private-use \uE000 char and a hidden\u200Bspace";
    const { w } = await newPdf("Odd", new Date("2026-03-01T00:00:00Z"));
    w.text(`Printed name: ${odd}`);
    const pdf = await w.save();
    if (process.env.PDF_OUT) writeFileSync(`${process.env.PDF_OUT}/odd2.pdf`, pdf);
    const text = await pdfText(pdf);
    expect(replacementFor("\uE000")).toBe("[U+E000]");
    expect(text).toContain("Name[U+0007] with a private-use [U+E000] char and a hidden[U+200B]space");
    expect(text).toContain(UNRENDERED_TEXT_ATTACHMENT);
    const attached = await pdfAttachments(pdf);
    expect(JSON.parse(attached[UNRENDERED_TEXT_ATTACHMENT]!)).toEqual([`Printed name: ${odd}`]);
  });
});
