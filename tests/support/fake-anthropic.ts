/**
 * A small local stand-in for Anthropic's API, for tests that drive the real SDK (@anthropic-ai/sdk)
 * pointed at it with `baseURL`. It speaks the shapes in shared/reference/anthropic-api.md:
 *
 * - POST /v1/messages/count_tokens → {"input_tokens": N}, N = ceil(characters of system + messages / 4),
 *   so a test knows the answer from the prompt's length;
 * - POST /v1/messages → a message whose text is decided by the prompt (see `fakeReply`), with usage
 *   input_tokens = the count_tokens figure and output_tokens = ceil(characters of the reply / 4),
 *   cut at max_tokens (stop_reason "max_tokens"). A grading prompt (system prompt starting with
 *   FAKE_JUDGE_MARKER's text) gets a JSON verdict: a criterion passes when every "quoted" phrase in it
 *   appears in the graded output;
 * - the API's error body {"type":"error","error":{"type","message"},"request_id"} with a `request-id`
 *   header: 401 for a missing or wrong key, 400 for a malformed request, 404 for unknown routes, and
 *   any status a test queues with `failNext` (429 carries retry-after / retry-after-ms);
 * - a streamed message (`"stream": true`) as server-sent events (message_start, content_block_*, message_delta,
 *   message_stop), the text in deltas of up to 40 characters, paced by `paceNext` to play a slow generation.
 *
 * It records each request (method, path, headers, body) for assertions and never logs anything.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeAnthropicRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export interface FakeFailure {
  status: 400 | 401 | 403 | 404 | 413 | 429 | 500 | 529;
  message?: string;
  /** 429 only: seconds in retry-after (default 1) and milliseconds in retry-after-ms (default 5, so SDK retries are quick). */
  retryAfterSeconds?: number;
  retryAfterMs?: number;
}

export interface FakeAnthropic {
  /** Base URL for the SDK: http://127.0.0.1:<port> */
  url: string;
  apiKey: string;
  requests: FakeAnthropicRequest[];
  /**
   * The next `times` requests (default 1) fail with this error — any request, or with `when`, only
   * requests whose body contains that text (so concurrent calls for other prompts go through).
   */
  failNext(failure: FakeFailure, times?: number, when?: string): void;
  /** The next `times` requests (default 1) answer only after `ms` milliseconds (to provoke client timeouts). */
  delayNext(ms: number, times?: number): void;
  /** The next `times` streamed messages (default 1) wait `ms` milliseconds before each event after message_start. */
  paceNext(ms: number, times?: number): void;
  /** A message whose user text contains `substring` gets `reply` instead of the default. */
  replyWhen(substring: string, reply: string): void;
  /** Forgets queued failures, delays and replies (between tests). */
  reset(): void;
  close(): Promise<void>;
}

const ERROR_TYPES: Record<FakeFailure["status"], string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  529: "overloaded_error",
};

const DEFAULT_MESSAGES: Record<FakeFailure["status"], string> = {
  400: "invalid request",
  401: "invalid x-api-key",
  403: "Your API key does not have permission to use the specified resource.",
  404: "Not found",
  413: "Request exceeds the maximum allowed number of bytes.",
  429: "Number of request tokens has exceeded your per-minute rate limit",
  500: "Internal server error",
  529: "Overloaded",
};

/** Text of a message's content: a string, or the text of its text blocks. */
function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content))
    return content
      .map((b) => (b && typeof b === "object" && typeof (b as { text?: unknown }).text === "string" ? (b as { text: string }).text : ""))
      .join("");
  return "";
}

/** The fake's token count for a count_tokens body: one token per four characters of system prompt and messages, rounded up. */
export function fakeTokenCount(body: { system?: unknown; messages?: { content?: unknown }[] }): number {
  const chars = textOf(body.system).length + (body.messages ?? []).reduce((n, m) => n + textOf(m.content).length, 0);
  return Math.ceil(chars / 4);
}

/** Grading prompts start their system prompt with this; the fake answers them with a verdict. */
export const FAKE_JUDGE_MARKER = "You are grading the output of a prompt workflow";

/**
 * The default reply to a prompt: deterministic, and built from the prompt so tests can predict it —
 * "Reply to: " and the user text with whitespace collapsed, cut to 600 characters.
 */
export function fakeReply(userText: string): string {
  return `Reply to: ${userText.replace(/\s+/g, " ").trim().slice(0, 600)}`;
}

/** The fake judge: a criterion passes when every "double-quoted" phrase in it appears in the output (case-insensitive). */
export function fakeJudgeVerdict(judgePrompt: string): { criteria: { criterion: string; pass: boolean; reason: string }[] } {
  const output = /<output>([\s\S]*?)<\/output>/.exec(judgePrompt)?.[1] ?? "";
  const criteria = [...judgePrompt.matchAll(/<criterion>([\s\S]*?)<\/criterion>/g)].map((m) => m[1]!.trim());
  return {
    criteria: criteria.map((criterion) => {
      const phrases = [...criterion.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
      const missing = phrases.filter((p) => !output.toLowerCase().includes(p));
      return {
        criterion,
        pass: missing.length === 0,
        reason: missing.length
          ? `The output does not mention ${missing.map((p) => `"${p}"`).join(", ")}.`
          : "The output meets this criterion.",
      };
    }),
  };
}

export async function startFakeAnthropic(opts: { apiKey?: string; port?: number } = {}): Promise<FakeAnthropic> {
  const apiKey = opts.apiKey ?? "sk-ant-fake-test-key-0123456789";
  const requests: FakeAnthropicRequest[] = [];
  const queued: (FakeFailure & { when?: string })[] = [];
  const delays: number[] = [];
  const paces: number[] = [];
  const replies: { substring: string; reply: string }[] = [];
  let seq = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", "request-id": `req_fake_${++seq}`, ...headers });
    res.end(JSON.stringify(body));
  };
  const sendError = (res: ServerResponse, f: FakeFailure) => {
    const headers: Record<string, string> = {};
    if (f.status === 429) {
      headers["retry-after"] = String(f.retryAfterSeconds ?? 1);
      headers["retry-after-ms"] = String(f.retryAfterMs ?? 5);
    }
    send(
      res,
      f.status,
      {
        type: "error",
        error: { type: ERROR_TYPES[f.status], message: f.message ?? DEFAULT_MESSAGES[f.status] },
        request_id: `req_fake_${seq + 1}`,
      },
      headers,
    );
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      const path = (req.url ?? "/").split("?")[0]!;
      requests.push({ method: req.method ?? "", path, headers: req.headers, body });

      const delay = delays.shift();
      if (delay !== undefined) {
        setTimeout(() => respond(req, res, path, body), delay);
        return;
      }
      respond(req, res, path, body);
    });
  });

  const respond = (req: IncomingMessage, res: ServerResponse, path: string, body: unknown) => {
    if (res.destroyed) return;
    {
      const raw = JSON.stringify(body ?? "");
      const i = queued.findIndex((f) => f.when === undefined || raw.includes(f.when));
      if (i >= 0) return sendError(res, queued.splice(i, 1)[0]!);

      const auth = req.headers.authorization;
      const presented = auth?.startsWith("Bearer ") ? auth.slice("Bearer ".length) : req.headers["x-api-key"];
      if (presented !== apiKey) return sendError(res, { status: 401 });
      if (!req.headers["anthropic-version"]) return sendError(res, { status: 400, message: "anthropic-version: header is required" });

      if (req.method === "POST" && path === "/v1/messages/count_tokens") {
        const b = body as { model?: unknown; messages?: unknown } | null;
        if (!b || typeof b.model !== "string" || !b.model) return sendError(res, { status: 400, message: "model: Field required" });
        if (!Array.isArray(b.messages) || b.messages.length === 0)
          return sendError(res, { status: 400, message: "messages: Field required" });
        return send(res, 200, { input_tokens: fakeTokenCount(b as Parameters<typeof fakeTokenCount>[0]) });
      }
      if (req.method === "POST" && path === "/v1/messages") {
        const b = body as {
          model?: unknown;
          max_tokens?: unknown;
          system?: unknown;
          messages?: { role?: unknown; content?: unknown }[];
        } | null;
        if (!b || typeof b.model !== "string" || !b.model) return sendError(res, { status: 400, message: "model: Field required" });
        if (typeof b.max_tokens !== "number" || b.max_tokens < 1)
          return sendError(res, { status: 400, message: "max_tokens: Field required" });
        if (!Array.isArray(b.messages) || b.messages.length === 0)
          return sendError(res, { status: 400, message: "messages: Field required" });
        const userText = b.messages
          .filter((m) => m.role === "user")
          .map((m) => textOf(m.content))
          .join("\n");
        const system = textOf(b.system);
        let text = system.startsWith(FAKE_JUDGE_MARKER)
          ? JSON.stringify(fakeJudgeVerdict(userText))
          : (replies.find((r) => userText.includes(r.substring))?.reply ?? fakeReply(userText));
        let stopReason = "end_turn";
        if (Math.ceil(text.length / 4) > b.max_tokens) {
          text = text.slice(0, b.max_tokens * 4);
          stopReason = "max_tokens";
        }
        const message = {
          id: `msg_fake_${seq + 1}`,
          type: "message",
          role: "assistant",
          model: b.model,
          content: [{ type: "text", text }],
          stop_reason: stopReason,
          stop_sequence: null,
          usage: {
            input_tokens: fakeTokenCount(b as Parameters<typeof fakeTokenCount>[0]),
            output_tokens: Math.ceil(text.length / 4),
            cache_creation_input_tokens: 0,
            cache_read_input_tokens: 0,
            service_tier: "standard",
          },
        };
        if ((b as { stream?: unknown }).stream === true) return streamMessage(res, message, text, paces.shift() ?? 0);
        return send(res, 200, message);
      }
      return sendError(res, { status: 404 });
    }
  };

  /** The message as server-sent events, `pace` ms apart after message_start; stops quietly if the client goes away. */
  const streamMessage = (
    res: ServerResponse,
    message: { usage: { output_tokens: number }; stop_reason: string; content: unknown[] } & Record<string, unknown>,
    text: string,
    pace: number,
  ) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", "request-id": `req_fake_${++seq}` });
    const chunks = text.match(/[\s\S]{1,40}/g) ?? [];
    const events: [string, unknown][] = [
      ["content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }],
      ...chunks.map((c): [string, unknown] => [
        "content_block_delta",
        { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: c } },
      ]),
      ["content_block_stop", { type: "content_block_stop", index: 0 }],
      [
        "message_delta",
        {
          type: "message_delta",
          delta: { stop_reason: message.stop_reason, stop_sequence: null },
          usage: { output_tokens: message.usage.output_tokens },
        },
      ],
      ["message_stop", { type: "message_stop" }],
    ];
    const write = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    write("message_start", {
      type: "message_start",
      message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } },
    });
    const next = () => {
      if (res.destroyed) return;
      const e = events.shift();
      if (!e) return void res.end();
      write(e[0], e[1]);
      if (pace > 0) setTimeout(next, pace);
      else next();
    };
    if (pace > 0) setTimeout(next, pace);
    else next();
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    failNext(failure, times = 1, when) {
      for (let i = 0; i < times; i++) queued.push({ ...failure, when });
    },
    delayNext(ms, times = 1) {
      for (let i = 0; i < times; i++) delays.push(ms);
    },
    paceNext(ms, times = 1) {
      for (let i = 0; i < times; i++) paces.push(ms);
    },
    replyWhen(substring, reply) {
      replies.push({ substring, reply });
    },
    reset() {
      queued.length = 0;
      delays.length = 0;
      paces.length = 0;
      replies.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
