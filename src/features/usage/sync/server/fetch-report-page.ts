import "server-only";

import { parseRetryAfter, retryDecision } from "@/domain/sync";

import type { SyncEndpoint } from "../endpoints";
import { keyLabel } from "./anthropic-key-select";

/**
 * One page from an admin or analytics endpoint, with plain fetch (the SDK has no admin endpoints):
 * the key in x-api-key, anthropic-version 2023-06-01. A 429 waits what retry-after asks (within bounds),
 * a 5xx or a network failure is retried with backoff, a 401/403 fails at once; every failure becomes a
 * SyncFailure whose message names the endpoint and the status and never contains the key.
 */

export const ANTHROPIC_ADMIN_VERSION = "2023-06-01";
const REQUEST_TIMEOUT_MS = 60_000;

/** An expected way for a sync to stop; its message is shown to the programme manager as is. */
export class SyncFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyncFailure";
  }
}

export interface FetchPageDeps {
  baseUrl: string;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  /** Called before each wait (the caller writes its heartbeat). */
  beforeWait: () => Promise<void>;
}

export function pageUrl(
  baseUrl: string,
  endpoint: SyncEndpoint,
  window: { from: string; to: string; day: string | null },
  cursor: string | null,
): string {
  const params = new URLSearchParams(endpoint.query(window));
  if (cursor !== null) params.set("page", cursor);
  return `${baseUrl.replace(/\/+$/, "")}${endpoint.path}?${params.toString()}`;
}

/** The error body {"type":"error","error":{"type","message"},"request_id"}, read defensively. */
function describeError(
  text: string,
  requestIdHeader: string | null,
  redact: (s: string) => string,
): { type: string | null; message: string | null; requestId: string | null } {
  try {
    const body = JSON.parse(text) as { error?: { type?: unknown; message?: unknown }; request_id?: unknown };
    const type = typeof body.error?.type === "string" ? body.error.type : null;
    const message = typeof body.error?.message === "string" ? redact(body.error.message).slice(0, 300) : null;
    const requestId = typeof body.request_id === "string" ? body.request_id : requestIdHeader;
    return { type, message, requestId };
  } catch {
    return { type: null, message: null, requestId: requestIdHeader };
  }
}

export async function fetchReportPage(
  deps: FetchPageDeps,
  endpoint: SyncEndpoint,
  apiKey: string,
  window: { from: string; to: string; day: string | null },
  cursor: string | null,
): Promise<{ text: string; body: unknown }> {
  const redact = (s: string) => s.split(apiKey).join("[redacted]");
  const url = pageUrl(deps.baseUrl, endpoint, window, cursor);
  const what = `the ${endpoint.noun} (${endpoint.path}${endpoint.per === "day" && window.day ? `, ${window.day}` : ""})`;
  for (let attempt = 1; ; attempt++) {
    let status: number | null = null;
    let retryAfterMs: number | null = null;
    let detail: { type: string | null; message: string | null; requestId: string | null } = { type: null, message: null, requestId: null };
    try {
      const res = await deps.fetch(url, {
        headers: { "x-api-key": apiKey, "anthropic-version": ANTHROPIC_ADMIN_VERSION, accept: "application/json" },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        cache: "no-store",
      });
      const text = await res.text();
      if (res.ok) {
        try {
          return { text, body: JSON.parse(text) as unknown };
        } catch {
          throw new SyncFailure(`Anthropic's answer from ${what} is not JSON; the sync stopped. Resume to try that page again.`);
        }
      }
      status = res.status;
      retryAfterMs = parseRetryAfter(res.headers.get("retry-after"), deps.now());
      detail = describeError(text, res.headers.get("request-id"), redact);
    } catch (e) {
      if (e instanceof SyncFailure) throw e;
      status = null; // network failure or time-out
      detail = {
        type: null,
        message: e instanceof Error && e.name === "TimeoutError" ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : "connection failed",
        requestId: null,
      };
    }
    // The analytics API answers 404 for a key that is missing, wrong or without the read:analytics scope.
    const effective = endpoint.kind === "ANALYTICS" && status === 404 ? 403 : status;
    const decision = retryDecision({ status: effective, attempt, retryAfterMs });
    if (decision.retry) {
      await deps.beforeWait();
      await deps.sleep(decision.delayMs);
      continue;
    }
    const answer = [status, detail.type].filter(Boolean).join(" ") + (detail.message ? `: ${detail.message}` : "");
    const request = detail.requestId ? ` (request ${detail.requestId})` : "";
    const k = keyLabel(endpoint.kind);
    switch (decision.reason) {
      case "permission":
        throw new SyncFailure(
          status === 401
            ? `The ${k} lacks permission for ${what}: Anthropic did not accept it (${answer})${request}. Replace the key, then resume.`
            : `The ${k} lacks permission for ${what}: Anthropic answered ${answer}${request}. Replace it with a key that has access, then resume.`,
        );
      case "rate-limit-too-long":
        throw new SyncFailure(
          `Anthropic's rate limit for ${what} asks to wait ${Math.ceil((retryAfterMs ?? 0) / 1000)} s (${answer})${request}. Resume after that; the sync continues from this page.`,
        );
      case "rate-limit-exhausted":
        throw new SyncFailure(
          `${cap(what)} stayed rate limited after ${attempt} attempts (${answer})${request}. Resume later; the sync continues from this page.`,
        );
      case "server-error-exhausted":
        throw new SyncFailure(
          status === null
            ? `${cap(what)} could not be reached after ${attempt} attempts (${detail.message}). Resume continues from this page.`
            : `${cap(what)} failed after ${attempt} attempts: Anthropic answered ${answer}${request}. Resume continues from this page.`,
        );
      case "client-error":
        throw new SyncFailure(`${cap(what)} refused the request: Anthropic answered ${answer}${request}.`);
    }
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
