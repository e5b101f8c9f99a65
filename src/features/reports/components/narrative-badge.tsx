import { Badge } from "@/components/ui/badge";

import type { WeeklyReport } from "../server/get-weekly-report";

/** Where the report's summary stands: published, drafted by Claude and unreviewed, or edited and not yet published. */
export function NarrativeBadge({ narrative: n }: { narrative: WeeklyReport["narrative"] }) {
  if (!n) return null;
  if (n.status === "PUBLISHED") return <Badge tone="success">Published</Badge>;
  if (!n.editedBy) return <Badge tone="warning">Drafted by Claude — not yet reviewed by a person</Badge>;
  return <Badge tone="info">{n.draftedByModel ? "Drafted by Claude, edited by a person" : "Draft"} — not yet published</Badge>;
}
