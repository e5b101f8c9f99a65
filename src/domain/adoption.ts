import { daysBetween } from "./dates";

/**
 * Which source the adoption figure of a range uses (decision record 021).
 *
 * Claude Enterprise analytics summaries are Anthropic's own count of every seat-holder active in chat, Cowork
 * and Claude Code; per-person usage events count only the people whose use was sent (an API pipeline, the
 * Claude Code report, the analytics users export's last activity day). So a range whose latest summary is
 * recent — at most `delayDays` before its end, the delay with which Anthropic publishes them — takes its
 * figure from that summary (dated: "as of 1 Dec"); otherwise from the per-person events of its last day.
 */
export type AdoptionSource = "analytics-summaries" | "usage-events" | "none";

export function adoptionSourceFor(i: {
  rangeEnd: string;
  lastSummaryDay: string | null;
  hasEvents: boolean;
  delayDays: number;
}): AdoptionSource {
  if (i.lastSummaryDay && i.lastSummaryDay <= i.rangeEnd && daysBetween(i.lastSummaryDay, i.rangeEnd) <= i.delayDays)
    return "analytics-summaries";
  return i.hasEvents ? "usage-events" : "none";
}
