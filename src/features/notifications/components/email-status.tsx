import { Badge, type Tone } from "@/components/ui/badge";

type Status = "QUEUED" | "SENDING" | "SENT" | "FAILED" | "NOT_SENT";

const LABELS: Record<Status, { label: string; tone: Tone }> = {
  QUEUED: { label: "Queued", tone: "info" },
  SENDING: { label: "Sending", tone: "info" },
  SENT: { label: "Sent", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
  NOT_SENT: { label: "Not sent (no SMTP)", tone: "neutral" },
};

export function EmailStatus({ status }: { status: Status }) {
  const s = LABELS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
