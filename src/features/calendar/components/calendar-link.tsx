"use client";

import { useAction } from "next-safe-action/hooks";

import { Button } from "@/components/ui/button";
import { FormError, inputClass } from "@/components/ui/field";

import { createCalendarLinkAction } from "../actions";

/** Makes the member's secret calendar-feed URL; shown once, a new one replaces the old. */
export function CalendarLink({ programmeSlug, hasLink }: { programmeSlug: string; hasLink: boolean }) {
  const create = useAction(createCalendarLinkAction);
  const url = create.result.data ? `${window.location.origin}/api/v1/calendar/${create.result.data.token}.ics` : null;
  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-600">Subscribe to gate dates and milestone due dates in your calendar with a private link.</p>
      <FormError message={create.result.serverError} />
      {url ? (
        <div className="space-y-1">
          <label htmlFor="calendar-url" className="text-xs font-medium text-slate-700">
            Your calendar link (copy it now; it is shown once)
          </label>
          <input
            id="calendar-url"
            readOnly
            value={url}
            className={inputClass() + " font-mono text-xs"}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : (
        <Button variant="secondary" pending={create.isPending} onClick={() => create.execute({ programmeSlug })}>
          {hasLink ? "Make a new calendar link (the old one stops working)" : "Make my calendar link"}
        </Button>
      )}
    </div>
  );
}
