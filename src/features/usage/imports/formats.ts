/** The file formats an import accepts. Free of Node imports, so the upload form can list them. */
export const IMPORT_FORMATS = [
  "usage-csv",
  "anthropic-usage-report",
  "anthropic-cost-report",
  "claude-code-report",
  "claude-analytics-summaries",
  "claude-analytics-users",
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  "usage-csv": "Usage events (CSV)",
  "anthropic-usage-report": "Anthropic usage report (JSON, /v1/organizations/usage_report/messages)",
  "anthropic-cost-report": "Anthropic cost report (JSON, /v1/organizations/cost_report)",
  "claude-code-report": "Claude Code usage report (JSON, /v1/organizations/usage_report/claude_code)",
  "claude-analytics-summaries": "Claude Enterprise analytics summaries (JSON)",
  "claude-analytics-users": "Claude Enterprise analytics users (JSON)",
};

/** 12 MB: the same ceiling as the batch API. */
export const MAX_IMPORT_BYTES = 12 * 1024 * 1024;

/** One thing wrong with a file: which record ("line 7", "page 2, bucket 2026-03-01, result 3") and why (naming the field). */
export interface ImportProblem {
  record: string;
  reason: string;
}
