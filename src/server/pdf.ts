import "server-only";

import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;

/** Lays text out top to bottom over as many A4 pages as it needs. */
export class Writer {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly mono: PDFFont,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  /** Standard PDF fonts cover WinAnsi only: anything else is replaced rather than failing the record. */
  private safe(text: string, font: PDFFont) {
    return [...text.replace(/[\r\n\t]+/g, " ")]
      .map((ch) => {
        try {
          font.encodeText(ch);
          return ch;
        } catch {
          return "?";
        }
      })
      .join("");
  }
  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const words = this.safe(text, font).split(" ");
    const lines: string[] = [];
    let line = "";
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width) line = next;
      else {
        if (line) lines.push(line);
        // A word longer than the line (a hash) is cut.
        let w = word;
        while (font.widthOfTextAtSize(w, size) > width) {
          let cut = w.length;
          while (cut > 1 && font.widthOfTextAtSize(w.slice(0, cut), size) > width) cut--;
          lines.push(w.slice(0, cut));
          w = w.slice(cut);
        }
        line = w;
      }
    }
    if (line) lines.push(line);
    return lines;
  }
  text(
    text: string,
    opts: { size?: number; bold?: boolean; mono?: boolean; indent?: number; color?: [number, number, number]; gap?: number } = {},
  ) {
    const size = opts.size ?? 9.5;
    const font = opts.mono ? this.mono : opts.bold ? this.bold : this.font;
    const x = MARGIN + (opts.indent ?? 0);
    for (const line of this.wrap(text, font, size, A4[0] - MARGIN - x)) {
      if (this.y - size < MARGIN) {
        this.page = this.doc.addPage(A4);
        this.y = A4[1] - MARGIN;
      }
      this.page.drawText(line, { x, y: this.y - size, size, font, color: rgb(...(opts.color ?? [0.1, 0.12, 0.16])) });
      this.y -= size * 1.35;
    }
    this.y -= opts.gap ?? 2;
  }
  space(h = 8) {
    this.y -= h;
  }
}

/** A new A4 document with Gatehouse's fonts and a writer positioned at the top of its first page. */
export async function newPdf(title: string, created: Date) {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer("Gatehouse");
  doc.setCreationDate(created);
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
    await doc.embedFont(StandardFonts.Courier),
  );
  return { doc, w };
}
