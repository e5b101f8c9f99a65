import { extractText, getDocumentProxy } from "unpdf";

/** The text a PDF shows, as a text extractor (pdf.js) reads it through the fonts' ToUnicode maps: each page's text, pages joined by newlines. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text;
}

/** The PDF's embedded files by name, their bytes decoded as UTF-8. */
export async function pdfAttachments(pdf: Uint8Array): Promise<Record<string, string>> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const files = ((await doc.getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
  return Object.fromEntries(Object.values(files).map((f) => [f.filename, new TextDecoder().decode(f.content)]));
}

/** Every /ActualText a PDF's pages carry (what a marked span stands for when extracted), decoded from UTF-16BE. */
export async function pdfActualTexts(pdf: Uint8Array): Promise<string[]> {
  const { PDFDocument, PDFRawStream, decodePDFRawStream } = await import("pdf-lib");
  const doc = await PDFDocument.load(pdf);
  const out: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    let content: string;
    try {
      content = Buffer.from(decodePDFRawStream(obj).decode()).toString("latin1");
    } catch {
      continue;
    }
    for (const m of content.matchAll(/\/ActualText\s*<FEFF([0-9A-Fa-f]*)>/g))
      out.push(Buffer.from(m[1]!, "hex").swap16().toString("utf16le"));
  }
  return out;
}
