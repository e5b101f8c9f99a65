"use server";

import { programmeAction } from "@/server/action-client";

import { importUsageFileSchema } from "./schemas";
import { importUsageFile } from "./server/import-usage-file";

// The operation authorizes the signed-in user for the programme ("programme.update") against the database.
export const importUsageFileAction = programmeAction(importUsageFileSchema, importUsageFile, {
  revalidate: (input, r) =>
    r.ok && (r.inserted > 0 || (r.summaryDays?.days ?? 0) > 0) ? [{ path: `/programmes/${input.programmeSlug}/dashboard` }] : [],
  // Problems are shown to the user; cap what travels back to the browser.
  result: (r) => (r.ok ? r : { ...r, problems: r.problems.slice(0, 200), totalProblems: r.problems.length }),
});
