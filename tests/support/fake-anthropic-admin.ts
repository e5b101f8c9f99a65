/**
 * A small local stand-in for Anthropic's admin and Claude Enterprise analytics endpoints, for the live
 * usage sync's tests. It speaks the shapes in shared/reference/anthropic-api.md:
 *
 * - GET /v1/organizations/usage_report/messages (starting_at, ending_at, bucket_width=1d, limit, page):
 *   one bucket per day, two results each (grouped by model and workspace);
 * - GET /v1/organizations/cost_report (same paging): one bucket per day, two results (amount in cents as a
 *   decimal string);
 * - GET /v1/organizations/usage_report/claude_code (starting_at=YYYY-MM-DD, limit, page): three actor rows
 *   for that day;
 * - GET /v1/organizations/analytics/users (date, limit, page): three users, one of them never active;
 * - GET /v1/organizations/analytics/summaries (starting_date, ending_date exclusive): one record per day.
 *
 * Pages hold at most `pageSize` buckets/rows (default 2), whatever `limit` asks, so tests paginate; the
 * admin reports answer {data, has_more, next_page}, the analytics ones {data, next_page}. The figures are
 * a deterministic function of the day, so a test can pull the same pages twice.
 *
 * Keys: `adminKey` reads the admin endpoints, `analyticsKey` the analytics ones, `noPermissionKey`
 * nothing (403 permission_error); an admin key on an analytics endpoint gets 404 (as the analytics API
 * answers a key without the read:analytics scope), any other key 401. Errors use the API's body
 * {"type":"error","error":{"type","message"},"request_id"}; `fail()` queues 429 (with retry-after), 5xx…
 *
 * It records each request and each page it served (to build import files from) and never logs anything.
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const ADMIN_PATHS = {
  usage: "/v1/organizations/usage_report/messages",
  cost: "/v1/organizations/cost_report",
  claudeCode: "/v1/organizations/usage_report/claude_code",
} as const;
export const ANALYTICS_PATHS = {
  users: "/v1/organizations/analytics/users",
  summaries: "/v1/organizations/analytics/summaries",
} as const;

export interface FakeAdminFailure {
  status: 400 | 429 | 500 | 502 | 503 | 529;
  /** How many matching requests fail (default 1; Infinity for "until cleared"). */
  times?: number;
  /** Only requests to this path. */
  path?: string;
  /** Only requests for a later page (carrying a `page` cursor), so the first page succeeds. */
  laterPagesOnly?: boolean;
  /** 429: seconds in retry-after (default 1). */
  retryAfterSeconds?: number;
  message?: string;
}

export interface FakeAdminRequest {
  path: string;
  query: Record<string, string[]>;
  apiKey: string | undefined;
  anthropicVersion: string | undefined;
  status: number;
}

export interface FakeAnthropicAdmin {
  /** Base URL: http://127.0.0.1:<port> */
  url: string;
  adminKey: string;
  analyticsKey: string;
  noPermissionKey: string;
  pageSize: number;
  requests: FakeAdminRequest[];
  /** Every page answered with 200, by path, in order (the exact JSON sent). */
  pages: Record<string, unknown[]>;
  fail(failure: FakeAdminFailure): void;
  clearFailures(): void;
  reset(): void;
  close(): Promise<void>;
}

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  429: "rate_limit_error",
  500: "api_error",
  502: "api_error",
  503: "api_error",
  529: "overloaded_error",
};
const DEFAULT_MESSAGES: Record<number, string> = {
  400: "invalid request",
  401: "invalid x-api-key",
  403: "Your API key does not have permission to use the specified resource.",
  404: "Not found",
  429: "Number of requests has exceeded your rate limit",
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
  529: "Overloaded",
};

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysFrom = (from: string, toExclusive: string) => {
  const out: string[] = [];
  for (let d = from; d < toExclusive; d = addDays(d, 1)) out.push(d);
  return out;
};
/** A small number that varies with the day (day of month and month). */
const seed = (day: string) => Number(day.slice(8, 10)) + Number(day.slice(5, 7)) * 3;

export function usageBucket(day: string) {
  const n = seed(day);
  const result = (model: string, workspace: string, k: number) => ({
    uncached_input_tokens: 10_000 * n * k,
    cache_creation: { ephemeral_1h_input_tokens: 100 * k, ephemeral_5m_input_tokens: 400 * n },
    cache_read_input_tokens: 5_000 * n,
    output_tokens: 2_000 * n * k,
    server_tool_use: { web_search_requests: k },
    api_key_id: null,
    workspace_id: workspace,
    model,
    service_tier: null,
    context_window: null,
    inference_geo: null,
    account_id: null,
    service_account_id: null,
  });
  return {
    starting_at: `${day}T00:00:00Z`,
    ending_at: `${addDays(day, 1)}T00:00:00Z`,
    results: [result("claude-sonnet-4-6", "wrkspc_finance", 1), result("claude-haiku-4-5", "wrkspc_ops", 2)],
  };
}

export function costBucket(day: string) {
  const n = seed(day);
  const base = { currency: "USD", service_tier: null, context_window: null, inference_geo: null };
  return {
    starting_at: `${day}T00:00:00Z`,
    ending_at: `${addDays(day, 1)}T00:00:00Z`,
    results: [
      {
        ...base,
        amount: `${n * 100}.25`,
        cost_type: "tokens",
        description: "Claude Sonnet 4.6 Usage - Input Tokens",
        model: "claude-sonnet-4-6",
        token_type: "uncached_input_tokens",
        workspace_id: "wrkspc_finance",
      },
      {
        ...base,
        amount: `${n * 10}`,
        cost_type: "web_search",
        description: "Web Search Usage",
        model: null,
        token_type: null,
        workspace_id: "wrkspc_ops",
      },
    ],
  };
}

export function claudeCodeRows(day: string) {
  const n = seed(day);
  const breakdown = (model: string, k: number) => ({
    model,
    tokens: { input: 1_000 * k, output: 500 * k, cache_creation: 100 * k, cache_read: 2_000 * k },
    estimated_cost: { amount: 25 * k, currency: "USD" },
  });
  const core = (k: number) => ({
    num_sessions: k,
    commits_by_claude_code: k - 1,
    pull_requests_by_claude_code: 0,
    lines_of_code: { added: 10 * k, removed: k },
  });
  return [
    {
      date: day,
      actor: { type: "user_actor", email_address: "ada@acme.test" },
      organization_id: "org_fake",
      customer_type: "api",
      core_metrics: core(2),
      model_breakdown: [breakdown("claude-sonnet-4-6", n), breakdown("claude-haiku-4-5", 1)],
      tool_actions: { edit_tool: { accepted: 3, rejected: 1 } },
    },
    {
      date: day,
      actor: { type: "user_actor", email_address: "grace@acme.test" },
      organization_id: "org_fake",
      customer_type: "api",
      core_metrics: core(3),
      model_breakdown: [breakdown("claude-sonnet-4-6", 2)],
      tool_actions: {},
    },
    {
      date: day,
      actor: { type: "api_actor", api_key_name: "ci-pipeline" },
      organization_id: "org_fake",
      customer_type: "api",
      core_metrics: core(1),
      model_breakdown: [breakdown("claude-haiku-4-5", 3)],
      tool_actions: {},
    },
  ];
}

export function analyticsUsers(day: string) {
  const n = seed(day);
  return [
    {
      user: { id: "user_01A", email_address: "ada@acme.test" },
      chat_metrics: { message_count: 4 * n, distinct_conversation_count: n, connectors_used_count: 1 },
      claude_code_metrics: { session_count: 2 },
      web_search_count: 1,
      last_activity_date: day,
    },
    {
      user: { id: "user_01B", email_address: "grace@acme.test" },
      chat_metrics: { message_count: 9, distinct_conversation_count: 3, connectors_used_count: 0 },
      claude_code_metrics: null,
      web_search_count: 0,
      last_activity_date: day,
    },
    {
      user: { id: "user_01C", email_address: "idle@acme.test" },
      chat_metrics: { message_count: 0, distinct_conversation_count: 0, connectors_used_count: 0 },
      claude_code_metrics: null,
      web_search_count: 0,
      last_activity_date: null,
    },
  ];
}

export function analyticsSummary(day: string) {
  const n = seed(day);
  return {
    date: day,
    daily_active_user_count: 2 + (n % 3),
    weekly_active_user_count: 5,
    monthly_active_user_count: 9,
    assigned_seat_count: 20,
    pending_invite_count: 1,
    daily_adoption_rate: 0.1,
    weekly_adoption_rate: 0.25,
    monthly_adoption_rate: 0.45,
  };
}

const isDay = (s: string | undefined): s is string => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s);
const dayOfTime = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}T/.test(s) ? s.slice(0, 10) : undefined);

export async function startFakeAnthropicAdmin(
  opts: {
    pageSize?: number;
    port?: number;
    /** Answer each request after this long (to watch progress by hand). */ latencyMs?: number;
  } = {},
): Promise<FakeAnthropicAdmin> {
  const pageSize = opts.pageSize ?? 2;
  const adminKey = "sk-ant-admin01-fake-admin-key-0123456789abcd";
  const analyticsKey = "sk-ant-api-fake-analytics-key-9876543210wxyz";
  const noPermissionKey = "sk-ant-admin01-fake-no-permission-key-5555nope";
  const requests: FakeAdminRequest[] = [];
  const pages: Record<string, unknown[]> = {};
  let failures: (FakeAdminFailure & { left: number })[] = [];
  let seq = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", "request-id": `req_fakeadmin_${seq}`, ...headers });
    res.end(JSON.stringify(body));
  };
  const sendError = (res: ServerResponse, status: number, message?: string, headers: Record<string, string> = {}) =>
    send(
      res,
      status,
      {
        type: "error",
        error: { type: ERROR_TYPES[status] ?? "api_error", message: message ?? DEFAULT_MESSAGES[status] ?? "error" },
        request_id: `req_fakeadmin_${seq}`,
      },
      headers,
    );

  /** Paginates `items` by an offset cursor; admin reports also say has_more. */
  const paginate = (items: unknown[], query: URLSearchParams, withHasMore: boolean): { body: unknown } | { error: string } => {
    const limitParam = query.get("limit");
    const limit = Math.min(limitParam ? Number(limitParam) : pageSize, pageSize);
    if (!Number.isInteger(limit) || limit < 1) return { error: "limit must be a positive integer" };
    const page = query.get("page");
    let offset = 0;
    if (page !== null) {
      const m = /^page_([A-Za-z0-9_-]+)$/.exec(page);
      offset = m ? Number(Buffer.from(m[1]!, "base64url").toString("utf8")) : Number.NaN;
      if (!Number.isInteger(offset) || offset < 0 || offset > items.length) return { error: "page is not a valid cursor" };
    }
    const data = items.slice(offset, offset + limit);
    const more = offset + limit < items.length;
    const next = more ? `page_${Buffer.from(String(offset + limit)).toString("base64url")}` : null;
    return { body: withHasMore ? { data, has_more: more, next_page: next } : { data, next_page: next } };
  };

  const route = (path: string, q: URLSearchParams): { body: unknown } | { error: string } | null => {
    switch (path) {
      case ADMIN_PATHS.usage:
      case ADMIN_PATHS.cost: {
        const from = dayOfTime(q.get("starting_at") ?? undefined);
        if (!from) return { error: "starting_at is required (RFC 3339)" };
        const until = dayOfTime(q.get("ending_at") ?? undefined) ?? addDays(from, 7);
        if (q.get("bucket_width") && q.get("bucket_width") !== "1d") return { error: "this fake serves bucket_width=1d only" };
        const days = daysFrom(from, until);
        return paginate(path === ADMIN_PATHS.usage ? days.map(usageBucket) : days.map(costBucket), q, true);
      }
      case ADMIN_PATHS.claudeCode: {
        const day = q.get("starting_at") ?? undefined;
        if (!isDay(day)) return { error: "starting_at is required (YYYY-MM-DD)" };
        return paginate(claudeCodeRows(day), q, true);
      }
      case ANALYTICS_PATHS.users: {
        const day = q.get("date") ?? undefined;
        if (!isDay(day)) return { error: "date is required (YYYY-MM-DD)" };
        return paginate(analyticsUsers(day), q, false);
      }
      case ANALYTICS_PATHS.summaries: {
        const from = q.get("starting_date") ?? undefined;
        if (!isDay(from)) return { error: "starting_date is required (YYYY-MM-DD)" };
        const until = q.get("ending_date") ?? addDays(from, 1);
        if (!isDay(until)) return { error: "ending_date must be YYYY-MM-DD" };
        return paginate(daysFrom(from, until).map(analyticsSummary), q, false);
      }
      default:
        return null;
    }
  };

  const server = createServer((req, res) => {
    seq++;
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname;
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) (query[k] ??= []).push(v);
    const apiKey = typeof req.headers["x-api-key"] === "string" ? req.headers["x-api-key"] : undefined;
    const version = typeof req.headers["anthropic-version"] === "string" ? req.headers["anthropic-version"] : undefined;
    const record = (status: number) => requests.push({ path, query, apiKey, anthropicVersion: version, status });
    req.resume();
    req.on("end", () => setTimeout(answer, opts.latencyMs ?? 0));
    const answer = () => {
      const isAdmin = (Object.values(ADMIN_PATHS) as string[]).includes(path);
      const isAnalytics = (Object.values(ANALYTICS_PATHS) as string[]).includes(path);
      if (req.method !== "GET" || (!isAdmin && !isAnalytics)) {
        record(404);
        return sendError(res, 404);
      }
      const failure = failures.find(
        (f) => f.left > 0 && (!f.path || f.path === path) && (!f.laterPagesOnly || url.searchParams.has("page")),
      );
      if (failure) {
        failure.left--;
        record(failure.status);
        const headers: Record<string, string> = failure.status === 429 ? { "retry-after": String(failure.retryAfterSeconds ?? 1) } : {};
        return sendError(res, failure.status, failure.message, headers);
      }
      if (apiKey === noPermissionKey) {
        record(403);
        return sendError(res, 403);
      }
      if (apiKey !== adminKey && apiKey !== analyticsKey) {
        record(401);
        return sendError(res, 401);
      }
      if (isAdmin && apiKey !== adminKey) {
        record(403);
        return sendError(res, 403, "This endpoint needs an admin API key.");
      }
      if (isAnalytics && apiKey !== analyticsKey) {
        record(404);
        return sendError(res, 404, "API key missing, invalid or without the read:analytics scope.");
      }
      if (isAdmin && version !== "2023-06-01") {
        record(400);
        return sendError(res, 400, "anthropic-version: header is required");
      }
      const routed = route(path, url.searchParams);
      if (!routed || "error" in routed) {
        record(400);
        return sendError(res, 400, routed?.error);
      }
      record(200);
      (pages[path] ??= []).push(routed.body);
      send(res, 200, routed.body);
    };
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    adminKey,
    analyticsKey,
    noPermissionKey,
    pageSize,
    requests,
    pages,
    fail: (f) => failures.push({ ...f, left: f.times ?? 1 }),
    clearFailures: () => {
      failures = [];
    },
    reset: () => {
      failures = [];
      requests.length = 0;
      for (const k of Object.keys(pages)) delete pages[k];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
