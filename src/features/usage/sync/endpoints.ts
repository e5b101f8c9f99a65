import { addDays, type SyncKeyKind } from "@/domain/sync";

import type { ImportFormat } from "../imports/formats";

/**
 * The endpoints a sync pulls, in the order it pulls them, each with the key kind it needs, the import
 * format whose parser reads its pages (so a synced page and an imported file give the same events), and
 * its query. Free of Node imports, so the sync page can list them.
 */
export const SYNC_ENDPOINT_KEYS = ["usage", "cost", "claude_code", "analytics_users", "analytics_summaries"] as const;
export type SyncEndpointKey = (typeof SYNC_ENDPOINT_KEYS)[number];

export interface SyncEndpoint {
  key: SyncEndpointKey;
  label: string;
  /** As named in a sentence: "the usage report (/v1/…)". */
  noun: string;
  kind: SyncKeyKind;
  path: string;
  format: ImportFormat;
  /** "day": the endpoint answers for one day per request series (Claude Code report, analytics users). */
  per: "range" | "day";
  query(window: { from: string; to: string; day: string | null }): [string, string][];
}

const startOf = (day: string) => `${day}T00:00:00Z`;

export const SYNC_ENDPOINTS: readonly SyncEndpoint[] = [
  {
    key: "usage",
    label: "Usage report",
    noun: "usage report",
    kind: "ADMIN",
    path: "/v1/organizations/usage_report/messages",
    format: "anthropic-usage-report",
    per: "range",
    // Grouped by model and workspace (→ department); not by API key or account, which are not people.
    query: (w) => [
      ["starting_at", startOf(w.from)],
      ["ending_at", startOf(addDays(w.to, 1))],
      ["bucket_width", "1d"],
      ["limit", "31"],
      ["group_by[]", "model"],
      ["group_by[]", "workspace_id"],
    ],
  },
  {
    key: "cost",
    label: "Cost report",
    noun: "cost report",
    kind: "ADMIN",
    path: "/v1/organizations/cost_report",
    format: "anthropic-cost-report",
    per: "range",
    query: (w) => [
      ["starting_at", startOf(w.from)],
      ["ending_at", startOf(addDays(w.to, 1))],
      ["bucket_width", "1d"],
      ["limit", "31"],
      ["group_by[]", "workspace_id"],
      ["group_by[]", "description"],
    ],
  },
  {
    key: "claude_code",
    label: "Claude Code report",
    noun: "Claude Code report",
    kind: "ADMIN",
    path: "/v1/organizations/usage_report/claude_code",
    format: "claude-code-report",
    per: "day",
    query: (w) => [
      ["starting_at", w.day ?? w.from],
      ["limit", "1000"],
    ],
  },
  {
    key: "analytics_users",
    label: "Claude Enterprise analytics: users",
    noun: "analytics users report",
    kind: "ANALYTICS",
    path: "/v1/organizations/analytics/users",
    format: "claude-analytics-users",
    per: "day",
    query: (w) => [
      ["date", w.day ?? w.from],
      ["limit", "1000"],
    ],
  },
  {
    key: "analytics_summaries",
    label: "Claude Enterprise analytics: summaries",
    noun: "analytics summaries",
    kind: "ANALYTICS",
    path: "/v1/organizations/analytics/summaries",
    format: "claude-analytics-summaries",
    per: "range",
    query: (w) => [
      ["starting_date", w.from],
      ["ending_date", addDays(w.to, 1)],
    ],
  },
];
