import type { Tone } from "@/components/ui/badge";

/** How an evaluation run's status is shown. */
export const EVAL_TONE: Record<string, Tone> = {
  RUNNING: "info",
  COMPLETED: "success",
  COMPLETED_WITH_ERRORS: "warning",
  FAILED: "danger",
};
export const EVAL_LABEL: Record<string, string> = {
  RUNNING: "Running",
  COMPLETED: "Completed",
  COMPLETED_WITH_ERRORS: "Completed with errors",
  FAILED: "Failed",
};
