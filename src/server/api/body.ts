import "server-only";

import { RequestError } from "./respond";

/** The default cap on a request body a route reads (a route declares a larger or smaller one). */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface BodyReadOptions {
  /** Hard cap in bytes: a declared Content-Length above it is refused unread, and reading stops at the first byte past it. */
  maxBodyBytes?: number;
  /** The 413's message (default: "The body is over N KB/MB."). */
  tooLargeMessage?: string;
  /** The 400's message for a body that is not JSON (default: "The body is not valid JSON."). */
  invalidJsonMessage?: string;
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;

function tooLarge(maxBytes: number, message?: string) {
  return new RequestError(413, "TOO_LARGE", message ?? `The body is over ${size(maxBytes)}.`);
}

/**
 * The body as text, read as a stream under a hard cap: a declared Content-Length over the cap is
 * refused before a byte is read; otherwise bytes are counted as they arrive and the stream is cancelled
 * at the first chunk past the cap, so at most the cap (plus one chunk) is ever held in memory. Text
 * that is not UTF-8 is refused (400) rather than silently altered.
 */
export async function readBodyText(request: Request, options: BodyReadOptions = {}): Promise<string> {
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge(maxBytes, options.tooLargeMessage);
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop the upload: nothing past this chunk is read. Cancelling may wait on the source; do not wait for it.
      reader.cancel().catch(() => {});
      throw tooLarge(maxBytes, options.tooLargeMessage);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new RequestError(400, "MALFORMED_JSON", "The body is not valid UTF-8 text.");
  }
}

/** Parses a body read by `readBodyText` as JSON: empty, malformed or `null` is a 400 with a clear message. */
export function parseJsonBody(text: string, options: BodyReadOptions = {}): unknown {
  if (text.trim() === "") throw new RequestError(400, "MALFORMED_JSON", "The body is empty; send JSON.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RequestError(400, "MALFORMED_JSON", options.invalidJsonMessage ?? "The body is not valid JSON.");
  }
  if (value === null) throw new RequestError(400, "BAD_REQUEST", "The body is JSON null; send a JSON object.");
  return value;
}
