import type { ImportFormat } from "./formats";
import { parseAnthropicCostReport, parseAnthropicUsageReport } from "./parse-anthropic-reports";
import { parseClaudeAnalyticsSummaries, parseClaudeAnalyticsUsers } from "./parse-claude-analytics";
import { parseClaudeCodeReport } from "./parse-claude-code-report";
import type { ParseResult } from "./parse-helpers";
import { parseUsageCsv } from "./parse-usage-csv";

export type { ParseResult } from "./parse-helpers";

const PARSERS: Record<ImportFormat, (text: string) => ParseResult> = {
  "usage-csv": parseUsageCsv,
  "anthropic-usage-report": parseAnthropicUsageReport,
  "anthropic-cost-report": parseAnthropicCostReport,
  "claude-code-report": parseClaudeCodeReport,
  "claude-analytics-summaries": parseClaudeAnalyticsSummaries,
  "claude-analytics-users": parseClaudeAnalyticsUsers,
};

/** Pure: a file's text → usage events, or every problem found (then nothing may be imported). */
export function parseImport(format: ImportFormat, text: string): ParseResult {
  return PARSERS[format](text);
}
