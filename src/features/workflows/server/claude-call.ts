import "server-only";

import { APIConnectionError, APIConnectionTimeoutError, APIError } from "@anthropic-ai/sdk";

import type { CallTokens } from "@/domain/prices";
import { sendMessage, type ClaudeConfig } from "@/server/claude/client";

export type CallOutcome =
  | { ok: true; text: string; tokens: CallTokens; requestId: string | null; stopReason: string | null; latencyMs: number }
  | { ok: false; errorType: string; status: number | null; requestId: string | null; message: string; latencyMs: number };

/**
 * One Messages API call through the client, which retries 408/409/429/5xx refused before any work (honouring
 * retry-after) but never a timeout (the model may still be writing, and billing, the reply). A call that still fails comes back as data — the API's error type, status and request id
 * — for the caller to record; the key never appears in it.
 */
export async function callClaude(
  config: ClaudeConfig,
  input: { model: string; system: string; user: string; maxTokens: number },
): Promise<CallOutcome> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const redact = (s: string) => s.split(config.apiKey).join("[redacted]");
  try {
    const m = await sendMessage(config, input);
    const u = m.usage;
    return {
      ok: true,
      text: m.text,
      tokens: { input: u.inputTokens, output: u.outputTokens, cacheWrite: u.cacheWriteTokens, cacheRead: u.cacheReadTokens },
      requestId: m.requestId,
      stopReason: m.stopReason,
      latencyMs: latency(),
    };
  } catch (e) {
    if (e instanceof APIConnectionTimeoutError)
      return {
        ok: false,
        errorType: "timeout",
        status: null,
        requestId: null,
        message: "The request timed out; it was not retried, as Claude may still have been writing the reply.",
        latencyMs: latency(),
      };
    if (e instanceof APIConnectionError)
      return {
        ok: false,
        errorType: "connection_error",
        status: null,
        requestId: null,
        message: "Could not reach the Anthropic API, after retries.",
        latencyMs: latency(),
      };
    if (e instanceof APIError)
      return {
        ok: false,
        errorType: e.type ?? "api_error",
        status: e.status ?? null,
        requestId: e.requestID ?? null,
        message: redact(e.apiMessage ?? e.message),
        latencyMs: latency(),
      };
    throw e;
  }
}
