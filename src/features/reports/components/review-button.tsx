"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { FormError, inputClass } from "@/components/ui/field";

import { reviewWeeklyReportAction } from "../actions";

export function ReviewButton({ programmeSlug, week }: { programmeSlug: string; week: number }) {
  const review = useAction(reviewWeeklyReportAction);
  const [note, setNote] = useState("");
  if (review.hasSucceeded)
    return (
      <p role="status" className="text-sm text-emerald-800">
        Marked reviewed.
      </p>
    );
  return (
    <div className="space-y-2">
      <FormError message={review.result.serverError} />
      <label htmlFor="review-note" className="block text-xs font-medium text-slate-700">
        Note (optional)
      </label>
      <textarea id="review-note" rows={2} className={inputClass()} value={note} onChange={(e) => setNote(e.target.value)} />
      <Button pending={review.isPending} onClick={() => review.execute({ programmeSlug, week, note })}>
        Mark week {week} reviewed
      </Button>
    </div>
  );
}
