import "server-only";

import Anthropic, {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  PermissionDeniedError,
  RateLimitError,
} from "@anthropic-ai/sdk";

import { env } from "../env";
import { RateLimitedError, RuleError } from "../errors";

/**
 * The app's one way to Anthropic's API: configuration from the environment (ANTHROPIC_API_KEY,
 * ANTHROPIC_BASE_URL), a client from the official SDK, and errors turned into messages fit to show.
 *
 * The key never leaves this module: it is not logged, not put in an error message (messages are
 * built here and redacted), and not returned to callers. The app works without a key; features that
 * need one say so (NO_API_KEY_MESSAGE).
 */

export interface ClaudeConfig {
  apiKey: string;
  /** Defaults to https://api.anthropic.com. */
  baseURL?: string;
  /** SDK retries on 408/409/429/5xx, honouring retry-after; default 2. */
  maxRetries?: number;
  /** Per request, milliseconds; default 30 s. */
  timeoutMs?: number;
}

export const DEFAULT_BASE_URL = "https://api.anthropic.com";
export const NO_API_KEY_MESSAGE = "No Anthropic API key is configured; enter tokens by hand.";

/** The configuration from the environment, or null when no key is set. */
export function claudeConfigFromEnv(): ClaudeConfig | null {
  const e = env();
  if (!e.ANTHROPIC_API_KEY) return null;
  return { apiKey: e.ANTHROPIC_API_KEY, baseURL: e.ANTHROPIC_BASE_URL };
}

export function claudeConfigured(): boolean {
  return claudeConfigFromEnv() !== null;
}

export function anthropicClient(config: ClaudeConfig): Anthropic {
  return new Anthropic({
    apiKey: config.apiKey,
    // Explicit, so the SDK never falls back to other credentials or its own reading of the environment.
    baseURL: config.baseURL ?? DEFAULT_BASE_URL,
    maxRetries: config.maxRetries ?? 2,
    timeout: config.timeoutMs ?? 30_000,
    logLevel: "warn",
  });
}

/** An Anthropic API call failed in a way the user should hear about; carries the API's status and error type. */
export class ClaudeRequestError extends RuleError {
  constructor(
    message: string,
    readonly anthropicStatus: number | null,
    readonly anthropicType: string | null,
    readonly requestId: string | null,
  ) {
    super(message);
  }
}

/**
 * Counts the input tokens of a prompt with `messages.countTokens` (POST /v1/messages/count_tokens).
 * The text goes as one user message, after the optional system prompt.
 */
export async function countTokens(config: ClaudeConfig, input: { model: string; system?: string | null; text: string }): Promise<number> {
  try {
    const r = await anthropicClient(config).messages.countTokens({
      model: input.model,
      ...(input.system ? { system: input.system } : {}),
      messages: [{ role: "user", content: input.text }],
    });
    return r.input_tokens;
  } catch (e) {
    throw describeClaudeError(e, config.apiKey);
  }
}

export interface CreatedMessage {
  /** The text blocks of the reply, joined. */
  text: string;
  usage: { inputTokens: number; outputTokens: number; cacheWriteTokens: number; cacheReadTokens: number };
  /** The model that answered, as the API reports it. */
  model: string;
  requestId: string | null;
  /** "end_turn", "max_tokens" (the text is cut), "stop_sequence", … */
  stopReason: string | null;
}

/**
 * One Messages API call (`messages.create`, POST /v1/messages, not streamed): an optional system
 * prompt and one user message. Keep `maxTokens` modest (the SDK refuses long non-streamed requests).
 * Errors come back through `describeClaudeError` with `context` naming what failed.
 */
export async function createMessage(
  config: ClaudeConfig,
  input: { model: string; system?: string | null; user: string; maxTokens: number },
  context: ClaudeErrorContext = { task: "answer the request" },
): Promise<CreatedMessage> {
  try {
    return await sendMessage(config, input);
  } catch (e) {
    throw describeClaudeError(e, config.apiKey, context);
  }
}

/**
 * The same call, with the SDK's own errors left as they are (after its retries), for callers that
 * record a failure as data — its error type, status and request id — instead of showing a message.
 */
export async function sendMessage(
  config: ClaudeConfig,
  input: { model: string; system?: string | null; user: string; maxTokens: number },
): Promise<CreatedMessage> {
  const m = await anthropicClient(config).messages.create({
    model: input.model,
    max_tokens: input.maxTokens,
    ...(input.system ? { system: input.system } : {}),
    messages: [{ role: "user", content: input.user }],
  });
  return {
    text: m.content.map((b) => (b.type === "text" ? b.text : "")).join(""),
    usage: {
      inputTokens: m.usage.input_tokens,
      outputTokens: m.usage.output_tokens,
      cacheWriteTokens: m.usage.cache_creation_input_tokens ?? 0,
      cacheReadTokens: m.usage.cache_read_input_tokens ?? 0,
    },
    model: m.model,
    requestId: m._request_id ?? null,
    stopReason: m.stop_reason ?? null,
  };
}

/** What a failed call was for, in error messages: "Anthropic could not <task>", and what to do meanwhile ("…, or <fallback>"). */
export interface ClaudeErrorContext {
  task: string;
  fallback?: string | null;
}

const TOKEN_COUNTING: ClaudeErrorContext = { task: "count the tokens", fallback: "enter tokens by hand" };

/** Turns an SDK error into an expected error with a message that never contains the key. */
export function describeClaudeError(e: unknown, apiKey: string, context: ClaudeErrorContext = TOKEN_COUNTING): Error {
  const redact = (s: string) => (apiKey ? s.split(apiKey).join("[redacted]") : s);
  const { task, fallback } = context;
  if (e instanceof APIError && e.status !== undefined) {
    const detail = [e.status, e.type].filter(Boolean).join(" ");
    const apiMessage = e.apiMessage ? `: ${redact(e.apiMessage)}` : "";
    const requestId = e.requestID ?? null;
    if (e instanceof AuthenticationError || e instanceof PermissionDeniedError)
      return new ClaudeRequestError(
        `Anthropic did not accept the configured API key (${detail}). An administrator should check ANTHROPIC_API_KEY${fallback ? `; meanwhile, ${fallback}` : ""}.`,
        e.status,
        e.type,
        requestId,
      );
    if (e instanceof RateLimitError) {
      const retryAfter = Number(e.headers?.get("retry-after"));
      const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : 60;
      return new RateLimitedError(
        `Anthropic's rate limit was reached (${detail}${apiMessage}). Try again in ${seconds} seconds${fallback ? `, or ${fallback}` : ""}.`,
        seconds,
      );
    }
    return new ClaudeRequestError(`Anthropic could not ${task} (${detail}${apiMessage}).`, e.status, e.type, requestId);
  }
  if (e instanceof APIConnectionTimeoutError)
    return new ClaudeRequestError(
      `The Anthropic API did not answer in time. Try again later${fallback ? `, or ${fallback}` : ""}.`,
      null,
      null,
      null,
    );
  if (e instanceof APIConnectionError)
    return new ClaudeRequestError(
      `Could not reach the Anthropic API. Try again later${fallback ? `, or ${fallback}` : ""}.`,
      null,
      null,
      null,
    );
  if (e instanceof AnthropicError) return new ClaudeRequestError(`The Anthropic request failed: ${redact(e.message)}`, null, null, null);
  return e instanceof Error ? e : new Error(`Anthropic could not ${task}.`);
}
