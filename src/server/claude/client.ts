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
  /** Retries of a request refused before any work (408/409/429/5xx such as 529, or no connection), honouring retry-after; default 2. A timeout is never retried. */
  maxRetries?: number;
  /** A fixed time per request, milliseconds, instead of the allowance scaled to max_tokens (`messageTimeoutMs`). */
  timeoutMs?: number;
  /** The scaled allowance's parameters (tests shrink them); default MESSAGE_TIMEOUT. */
  timeoutScale?: MessageTimeoutScale;
}

export interface MessageTimeoutScale {
  baseMs: number;
  perThousandOutputTokensMs: number;
  /** The longest a non-streamed call may wait; a call allowed longer is streamed. */
  maxNonStreamedMs: number;
  /** The longest any call may take. */
  maxMs: number;
}

/**
 * The time a Messages call may take (decision record 017): 30 s for the request and the input, plus 30 s per
 * 1,000 output tokens it may write (about 33 tokens a second, below the 128,000 tokens an hour ≈ 35.6 a second
 * the SDK itself plans long requests with), at most 60 minutes (the SDK's own ceiling). A non-streamed reply
 * sends its response headers only when it is complete and Node's fetch stops waiting for headers after 300 s,
 * so a call allowed more than 280 s (max_tokens above about 8,300) is streamed.
 */
export const MESSAGE_TIMEOUT: MessageTimeoutScale = {
  baseMs: 30_000,
  perThousandOutputTokensMs: 30_000,
  maxNonStreamedMs: 280_000,
  maxMs: 3_600_000,
};

export function messageTimeoutMs(maxTokens: number, scale: MessageTimeoutScale = MESSAGE_TIMEOUT): number {
  return Math.min(scale.maxMs, scale.baseMs + Math.ceil((Math.max(0, maxTokens) * scale.perThousandOutputTokensMs) / 1000));
}

/** count_tokens does no generation: the base allowance. */
const COUNT_TOKENS_TIMEOUT_MS = MESSAGE_TIMEOUT.baseMs;

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

/**
 * A client from the SDK with its own retries off: the SDK retries a timed-out request too, and a request
 * that timed out may still be generating, and billed, on Anthropic's side. `withRetries` retries instead,
 * only what was refused before any work started. The time limit is set per request.
 */
export function anthropicClient(config: ClaudeConfig): Anthropic {
  return new Anthropic({
    apiKey: config.apiKey,
    // Explicit, so the SDK never falls back to other credentials or its own reading of the environment.
    baseURL: config.baseURL ?? DEFAULT_BASE_URL,
    maxRetries: 0,
    timeout: config.timeoutMs ?? MESSAGE_TIMEOUT.maxNonStreamedMs,
    logLevel: "warn",
  });
}

/** Connection failures that mean the request never reached the API (so nothing can have started). */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

function causeCode(e: unknown): string | undefined {
  for (let c: unknown = e, depth = 0; c && typeof c === "object" && depth < 5; c = (c as { cause?: unknown }).cause, depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/**
 * Whether a failed attempt may be sent again: the API refused it before doing the work (408, 409, 429, 5xx
 * such as 529 overloaded, or its `x-should-retry` header says so), or it never reached the API. Never a
 * timeout: the model may be generating, and the request may be billed, whether or not we wait for it.
 */
function isRetryable(e: unknown): boolean {
  if (e instanceof APIConnectionTimeoutError) return false;
  if (e instanceof APIError && e.status !== undefined) {
    const header = e.headers?.get("x-should-retry");
    if (header === "true") return true;
    if (header === "false") return false;
    return e.status === 408 || e.status === 409 || e.status === 429 || e.status >= 500;
  }
  if (e instanceof APIConnectionError) return NOT_SENT_CODES.has(causeCode(e) ?? "");
  return false;
}

/** The wait before retry number `attempt` (0-based): the API's retry-after(-ms) when given (up to 60 s), else 0.5 s × 2ⁿ up to 8 s, with jitter. */
function retryDelayMs(e: unknown, attempt: number): number {
  const headers = e instanceof APIError ? e.headers : undefined;
  const ms = Number(headers?.get("retry-after-ms"));
  if (Number.isFinite(ms) && ms >= 0 && ms <= 60_000) return ms;
  const seconds = Number(headers?.get("retry-after"));
  if (Number.isFinite(seconds) && seconds >= 0 && seconds <= 60) return seconds * 1000;
  return Math.min(500 * 2 ** attempt, 8_000) * (1 - Math.random() * 0.25);
}

/** Runs an API call, retrying it (at most `config.maxRetries`, default 2) only when `isRetryable` says so. */
async function withRetries<T>(config: ClaudeConfig, call: () => Promise<T>): Promise<T> {
  const maxRetries = config.maxRetries ?? 2;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (attempt >= maxRetries || !isRetryable(e)) throw e;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(e, attempt)));
    }
  }
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
    const client = anthropicClient(config);
    const r = await withRetries(config, () =>
      client.messages.countTokens(
        {
          model: input.model,
          ...(input.system ? { system: input.system } : {}),
          messages: [{ role: "user", content: input.text }],
        },
        { timeout: config.timeoutMs ?? COUNT_TOKENS_TIMEOUT_MS },
      ),
    );
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
 * prompt and one user message, allowed `messageTimeoutMs(maxTokens)` (see there for the cap).
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
 * The same call, with the SDK's own errors left as they are (after `withRetries`), for callers that
 * record a failure as data — its error type, status and request id — instead of showing a message.
 * A timeout (APIConnectionTimeoutError) is never retried.
 */
export async function sendMessage(
  config: ClaudeConfig,
  input: { model: string; system?: string | null; user: string; maxTokens: number },
): Promise<CreatedMessage> {
  const client = anthropicClient(config);
  const scale = config.timeoutScale ?? MESSAGE_TIMEOUT;
  const timeout = config.timeoutMs ?? messageTimeoutMs(input.maxTokens, scale);
  const body = {
    model: input.model,
    max_tokens: input.maxTokens,
    ...(input.system ? { system: input.system } : {}),
    messages: [{ role: "user" as const, content: input.user }],
  };
  const m = await withRetries(config, async () => {
    if (timeout <= scale.maxNonStreamedMs) return client.messages.create(body, { timeout });
    // Streamed: the response starts at once and the reply arrives as it is written; the allowance is a
    // deadline for the whole reply (past it the call ends as a timeout, which is not retried).
    const stream = client.messages.stream(body, { timeout: scale.baseMs });
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      stream.abort();
    }, timeout);
    try {
      const final = await stream.finalMessage();
      return Object.assign(final, { _request_id: stream.request_id ?? null });
    } catch (e) {
      throw timedOut ? new APIConnectionTimeoutError() : e;
    } finally {
      clearTimeout(deadline);
    }
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
