import { z } from "zod";

import { IMPORT_FORMATS, MAX_IMPORT_BYTES } from "./formats";

/** One schema for the upload form's action, the operation and the CLI. */
export const importUsageFileSchema = z.object({
  programmeSlug: z.string().trim().min(1, "is required"),
  format: z.enum(IMPORT_FORMATS, { error: `Choose a format: ${IMPORT_FORMATS.join(", ")}.` }),
  text: z
    .string()
    .min(1, "The file is empty.")
    .refine(
      (t) => Buffer.byteLength(t) <= MAX_IMPORT_BYTES,
      `The file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it and import the parts.`,
    ),
});
export type ImportUsageFileInput = z.input<typeof importUsageFileSchema>;
