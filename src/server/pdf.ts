import "server-only";

import { readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import { PDFDocument, PDFHexString, PDFName, PDFOperator, PDFOperatorNames, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";

/*
 * Gatehouse's PDFs print every name exactly (decision record 017).
 *
 * Text is drawn with embedded, subset Unicode fonts from npm packages (SIL Open Font Licence):
 * Noto Sans (Latin, Greek, Cyrillic, Vietnamese), Noto Sans CJK SC (Han, kana, many symbols such as ≈ → ✓),
 * Noto Sans CJK KR (Hangul) and Noto Emoji (monochrome emoji). Each grapheme is drawn with the first font of
 * the chain that has a glyph for every one of its code points; a font is embedded only if a document uses it,
 * and only the glyphs it uses (subset). A grapheme no font covers, or made only of invisible characters
 * (controls, format characters such as a zero-width space), is never dropped or turned into "?": it is
 * printed as its code points, "[U+1F9FF]", marked with /ActualText so that copying or extracting the text
 * gives the original character, and every text that needed such a replacement is attached to the PDF,
 * exactly, as UTF-8 JSON (`unrendered-text.json`); a closing line on the last page says so.
 *
 * fontkit 2 parses and subsets the fonts (the fork pdf-lib suggests, @pdf-lib/fontkit 1.1, writes CFF
 * subsets that viewers reject and TrueType subsets with missing glyphs); the adapter below gives pdf-lib the
 * `encodeStream()` it expects.
 */

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;

type Rgb = [number, number, number];

export interface FigureBox {
  page: PDFPage;
  x: number;
  y: number;
  width: number;
  height: number;
}
/** Places text at (x, y = baseline) aligned to x; returns its width. */
export type FigureLabel = (
  text: string,
  x: number,
  y: number,
  opts?: { size?: number; bold?: boolean; color?: Rgb; align?: "left" | "right" | "center" },
) => number;

/** Where each embedded face comes from: package folder and file inside it (package exports hide the files, so by path). */
const FACE_FILES = {
  sans: ["@embedpdf/fonts-latin", "fonts/NotoSans-Regular.ttf"],
  sansBold: ["@embedpdf/fonts-latin", "fonts/NotoSans-Bold.ttf"],
  han: ["@embedpdf/fonts-sc", "fonts/NotoSansHans-Regular.otf"],
  hanBold: ["@embedpdf/fonts-sc", "fonts/NotoSansHans-Bold.otf"],
  hangul: ["@embedpdf/fonts-kr", "fonts/NotoSansKR-Regular.otf"],
  hangulBold: ["@embedpdf/fonts-kr", "fonts/NotoSansKR-Bold.otf"],
  emoji: ["@fontsource/noto-emoji", "files/noto-emoji-emoji-400-normal.woff"],
  emojiBold: ["@fontsource/noto-emoji", "files/noto-emoji-emoji-700-normal.woff"],
} as const;
type Face = keyof typeof FACE_FILES;
/** Courier, one of PDF's standard fonts (WinAnsi only), for hashes and commands; anything it lacks falls through. */
type FaceOrCourier = Face | "courier";

const CHAINS: Record<"regular" | "bold" | "mono", FaceOrCourier[]> = {
  regular: ["sans", "han", "hangul", "emoji"],
  bold: ["sansBold", "hanBold", "hangulBold", "emojiBold"],
  mono: ["courier", "sans", "han", "hangul", "emoji"],
};

/** Ligatures off in text faces, so that each drawn glyph stands for its own characters when text is extracted. */
const TEXT_FEATURES = { liga: false, clig: false, dlig: false, calt: false, rlig: false, ccmp: false };
const featuresOf = (_face: Face) => TEXT_FEATURES;

/** The face used to print a replacement, and the file name of the attachment carrying the original text. */
const REPLACEMENT_FACE: Record<keyof typeof CHAINS, Face> = { regular: "sans", bold: "sansBold", mono: "sans" };
export const UNRENDERED_TEXT_ATTACHMENT = "unrendered-text.json";

/**
 * Each font file is read and parsed once per process for measuring. pdf-lib parses its own copy per document
 * (fontkit parses lazily, so that is cheap): subsetting changes the parsed font it works on.
 */
const loaded = new Map<Face, { bytes: Buffer; font: fontkit.Font }>();

function fontsRoot(): string {
  return path.join(process.cwd(), "node_modules");
}

function loadFace(face: Face) {
  let entry = loaded.get(face);
  if (!entry) {
    const [pkg, file] = FACE_FILES[face];
    const bytes = readFileSync(path.join(fontsRoot(), pkg, file));
    const font = fontkit.create(bytes) as fontkit.Font;
    entry = { bytes, font };
    loaded.set(face, entry);
  }
  return entry;
}

/** pdf-lib's Fontkit interface over fontkit 2: a subset gets the `encodeStream()` pdf-lib calls. */
const fontkitForPdfLib = {
  create(bytes: Uint8Array) {
    const font = fontkit.create(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)) as fontkit.Font;
    return new Proxy(font, {
      get(target, prop, receiver) {
        if (prop !== "createSubset") return Reflect.get(target, prop, receiver);
        return () => {
          const subset = target.createSubset() as unknown as { encode(): Uint8Array; includeGlyph(g: unknown): number };
          return Object.assign(subset, {
            encodeStream() {
              const listeners: Record<string, ((arg?: unknown) => void)[]> = {};
              const stream = {
                on(event: string, fn: (arg?: unknown) => void) {
                  (listeners[event] ??= []).push(fn);
                  return stream;
                },
              };
              queueMicrotask(() => {
                try {
                  const data = subset.encode();
                  listeners.data?.forEach((fn) => fn(data));
                  listeners.end?.forEach((fn) => fn());
                } catch (err) {
                  listeners.error?.forEach((fn) => fn(err));
                }
              });
              return stream;
            },
          });
        };
      },
    });
  },
};

/** A run drawn in one face; `actualText` is what extracting it gives (a replaced grapheme, or an emoji sequence). */
type Run = { face: FaceOrCourier; text: string; width: number; actualText?: string; replaced?: boolean };
type DrawOp = { page: PDFPage; x: number; y: number; size: number; color: Rgb; runs: Run[] };

const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u;
const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });
const splitGraphemes = (s: string) => Array.from(graphemes.segment(s), (g) => g.segment);

/** "[U+1F9FF]" for a grapheme no embedded font can draw (several code points: "[U+1F3F4 U+E0067 …]"). */
export function replacementFor(grapheme: string): string {
  return `[${[...grapheme].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`).join(" ")}]`;
}

/** Lays text out top to bottom over as many A4 pages as it needs; `save()` embeds the fonts used and draws. */
export class Writer {
  private page: PDFPage;
  private y: number;
  private readonly ops: DrawOp[] = [];
  private readonly unrendered: string[] = [];
  private readonly courier: PDFFont;
  private readonly courierCovers = new Map<string, boolean>();
  private readonly placed = new Map<string, { face: FaceOrCourier | undefined; em: number }>();

  constructor(private readonly doc: PDFDocument) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
    this.courier = doc.embedStandardFont(StandardFonts.Courier);
  }

  private covers(face: FaceOrCourier, grapheme: string): boolean {
    if (face === "courier") {
      let ok = this.courierCovers.get(grapheme);
      if (ok === undefined) {
        try {
          this.courier.encodeText(grapheme);
          ok = true;
        } catch {
          ok = false;
        }
        this.courierCovers.set(grapheme, ok);
      }
      return ok;
    }
    const font = loadFace(face).font;
    for (const ch of grapheme) if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) return false;
    return true;
  }

  private width(face: FaceOrCourier, text: string, size: number): number {
    if (face === "courier") return this.courier.widthOfTextAtSize(text, size);
    const font = loadFace(face).font;
    const run = font.layout(text, featuresOf(face));
    let units = 0;
    for (const g of run.glyphs) units += g.advanceWidth;
    return (units * size) / font.unitsPerEm;
  }

  /** The face that draws a grapheme in a chain, or undefined if none does; with its width in em (cached per grapheme). */
  private place(g: string, chain: keyof typeof CHAINS): { face: FaceOrCourier | undefined; em: number } {
    const key = `${chain}\u0000${g}`;
    let placed = this.placed.get(key);
    if (!placed) {
      // A grapheme of nothing but invisible characters (controls, format characters such as U+200B) would print
      // as nothing even where a font maps it (the CJK fonts map every control to an empty glyph): it is shown.
      const face = INVISIBLE.test(g) ? undefined : CHAINS[chain].find((f) => this.covers(f, g));
      placed = face
        ? { face, em: this.width(face, g, 1) }
        : { face: undefined, em: this.width(REPLACEMENT_FACE[chain], replacementFor(g), 1) };
      this.placed.set(key, placed);
    }
    return placed;
  }

  /** Splits text into runs of one face each; a grapheme no face covers becomes a replacement run. */
  private runs(text: string, chain: keyof typeof CHAINS, size: number): Run[] {
    const runs: Run[] = [];
    for (const g of splitGraphemes(text)) {
      const { face, em } = this.place(g, chain);
      if (!face) {
        runs.push({ face: REPLACEMENT_FACE[chain], text: replacementFor(g), width: em * size, actualText: g, replaced: true });
        continue;
      }
      // An emoji sequence (skin tone, joiner, variation selector) is drawn glyph by glyph; marked so that
      // extracting it gives the sequence itself, whatever a reader makes of its zero-width joiner.
      if (face.startsWith("emoji") && [...g].length > 1) {
        runs.push({ face, text: g, width: em * size, actualText: g });
        continue;
      }
      const last = runs.at(-1);
      if (last && last.face === face && last.actualText === undefined) {
        last.text += g;
        last.width += em * size;
      } else runs.push({ face, text: g, width: em * size });
    }
    return runs;
  }

  /** Width of graphemes: the sum of each grapheme's advance (ligatures and contextual forms are off, so this is what is drawn). */
  private measure(gs: string[], chain: keyof typeof CHAINS, size: number): number {
    let em = 0;
    for (const g of gs) em += this.place(g, chain).em;
    return em * size;
  }

  private wrap(text: string, chain: keyof typeof CHAINS, size: number, width: number): string[] {
    const words = text
      .replace(/[\r\n\t]+/g, " ")
      .split(" ")
      .map(splitGraphemes);
    const space = this.measure([" "], chain, size);
    const lines: string[] = [];
    let line: string[] = [];
    let lineWidth = 0;
    for (const word of words) {
      const wordWidth = this.measure(word, chain, size);
      if (line.length === 0 && wordWidth <= width) {
        line = [...word];
        lineWidth = wordWidth;
      } else if (line.length > 0 && lineWidth + space + wordWidth <= width) {
        line.push(" ", ...word);
        lineWidth += space + wordWidth;
      } else {
        if (line.length > 0) lines.push(line.join(""));
        // A word longer than the line (a hash, or a sentence in a script without spaces) is cut between graphemes.
        line = [];
        lineWidth = 0;
        for (const g of word) {
          const w = this.measure([g], chain, size);
          if (line.length > 0 && lineWidth + w > width) {
            lines.push(line.join(""));
            line = [];
            lineWidth = 0;
          }
          line.push(g);
          lineWidth += w;
        }
      }
    }
    if (line.length > 0) lines.push(line.join(""));
    return lines;
  }

  text(text: string, opts: { size?: number; bold?: boolean; mono?: boolean; indent?: number; color?: Rgb; gap?: number } = {}) {
    const size = opts.size ?? 9.5;
    const chain = opts.mono ? "mono" : opts.bold ? "bold" : "regular";
    const x = MARGIN + (opts.indent ?? 0);
    let replaced = false;
    for (const line of this.wrap(text, chain, size, A4[0] - MARGIN - x)) {
      if (this.y - size < MARGIN) {
        this.page = this.doc.addPage(A4);
        this.y = A4[1] - MARGIN;
      }
      const runs = this.runs(line, chain, size);
      replaced ||= runs.some((r) => r.replaced);
      this.ops.push({ page: this.page, x, y: this.y - size, size, color: opts.color ?? [0.1, 0.12, 0.16], runs });
      this.y -= size * 1.35;
    }
    if (replaced) this.unrendered.push(text);
    this.y -= opts.gap ?? 2;
  }

  space(h = 8) {
    this.y -= h;
  }

  /**
   * Reserves `height` points across the text width (on a new page if it does not fit) for a vector drawing:
   * `draw` gets the box (x, y = its bottom left, in PDF points) and its page, to draw shapes with pdf-lib
   * (lines, rectangles), and `label` to place text in the document's embedded fonts (drawn over the shapes).
   */
  figure(height: number, draw: (box: FigureBox, label: FigureLabel) => void) {
    if (this.y - height < MARGIN) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
    const box: FigureBox = { page: this.page, x: MARGIN, y: this.y - height, width: A4[0] - 2 * MARGIN, height };
    const page = this.page;
    const label: FigureLabel = (text, x, y, opts = {}) => {
      const size = opts.size ?? 7.5;
      const chain = opts.bold ? "bold" : "regular";
      const runs = this.runs(text, chain, size);
      const width = runs.reduce((w, r) => w + r.width, 0);
      const left = opts.align === "right" ? x - width : opts.align === "center" ? x - width / 2 : x;
      this.ops.push({ page, x: left, y, size, color: opts.color ?? [0.28, 0.33, 0.41], runs });
      return width;
    };
    draw(box, label);
    this.y -= height;
  }

  /** Embeds the faces the document uses (subset), draws every line, attaches any text printed with replacements, and saves. */
  async save(): Promise<Uint8Array> {
    if (this.unrendered.length > 0) {
      this.space();
      this.text(
        `Characters that none of this document's fonts can draw are printed as their Unicode code points, e.g. [U+1F9FF]; the exact text is attached to this PDF as ${UNRENDERED_TEXT_ATTACHMENT}.`,
        { size: 8, color: [0.35, 0.38, 0.45] },
      );
    }
    const fonts = new Map<FaceOrCourier, PDFFont>([["courier", this.courier]]);
    for (const op of this.ops)
      for (const r of op.runs)
        if (!fonts.has(r.face)) {
          const face = r.face as Face;
          fonts.set(face, await this.doc.embedFont(loadFace(face).bytes, { subset: true, features: featuresOf(face) }));
        }
    for (const op of this.ops) {
      let x = op.x;
      for (const r of op.runs) {
        if (r.actualText !== undefined) {
          // A marked span whose /ActualText is the text it stands for (a string operand is written as it is).
          const props = `<< /ActualText ${PDFHexString.fromText(r.actualText).toString()} >>`;
          op.page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of("Span"), props]));
        }
        op.page.drawText(r.text, { x, y: op.y, size: op.size, font: fonts.get(r.face)!, color: rgb(...op.color) });
        if (r.actualText !== undefined) op.page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
        x += r.width;
      }
    }
    if (this.unrendered.length > 0) {
      await this.doc.attach(new TextEncoder().encode(JSON.stringify(this.unrendered, null, 2)), UNRENDERED_TEXT_ATTACHMENT, {
        mimeType: "application/json",
        description: "The exact text of every line that contains characters the embedded fonts cannot draw (UTF-8)",
      });
    }
    return this.doc.save();
  }
}

/** A new A4 document with Gatehouse's fonts and a writer positioned at the top of its first page; finish with `w.save()`. */
export async function newPdf(title: string, created: Date) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitForPdfLib as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);
  doc.setTitle(title);
  doc.setProducer("Gatehouse");
  doc.setCreationDate(created);
  return { doc, w: new Writer(doc) };
}
