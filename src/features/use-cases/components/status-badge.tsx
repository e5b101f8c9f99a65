import { Badge, type Tone } from "@/components/ui/badge";
import { USE_CASE_STATUS_LABELS, type UseCaseStatus } from "@/domain/enums";

const STATUS_TONE: Record<UseCaseStatus, Tone> = {
  CANDIDATE: "neutral",
  SHORTLISTED: "info",
  POC: "warning",
  PILOT: "warning",
  PRODUCTION: "success",
  PARKED: "neutral",
};

export function UseCaseStatusBadge({ status }: { status: UseCaseStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{USE_CASE_STATUS_LABELS[status]}</Badge>;
}
