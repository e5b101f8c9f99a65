import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";

import type { getGateReview } from "../server/get-gate-review";
import { CloseConditionForm } from "./close-condition-form";

type Condition = Awaited<ReturnType<typeof getGateReview>>["conditions"][number];

/** The Pilot Debrief's conditions: each open one with its owner and due date, closed ones struck through with their note. */
export function ConditionList({ programmeSlug, conditions }: { programmeSlug: string; conditions: Condition[] }) {
  return (
    <ul className="mt-3 divide-y divide-slate-100" aria-label="Conditions">
      {conditions.map((c) => (
        <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
          <div>
            <p className={c.closedAt ? "text-sm text-slate-500 line-through" : "text-sm font-medium"}>{c.title}</p>
            <p className="text-xs text-slate-600">
              {c.ownerName ?? "No owner"} · due {formatDate(c.dueDate)}
              {c.closedAt && (
                <>
                  {" "}
                  · closed {formatDate(c.closedAt)}: {c.closedNote}
                </>
              )}
            </p>
          </div>
          {c.closedAt ? (
            <Badge tone="success">Closed</Badge>
          ) : c.canClose ? (
            <CloseConditionForm programmeSlug={programmeSlug} conditionId={c.id} title={c.title} />
          ) : (
            <Badge tone="warning">Open</Badge>
          )}
        </li>
      ))}
    </ul>
  );
}
