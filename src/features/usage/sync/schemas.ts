import { z } from "zod";

import { calendarDate } from "@/domain/input";

const programmeSlug = z.string().trim().min(1, "is required");
const kind = z.enum(["ADMIN", "ANALYTICS"], { error: "Choose the admin key or the analytics key." });
const day = calendarDate({ format: "Pick a day (YYYY-MM-DD).", invalid: "Pick a real day." });

/** One schema per input, shared by the forms, the actions, the operations and the CLI. */
export const saveAnthropicKeySchema = z.object({
  programmeSlug,
  kind,
  key: z
    .string()
    .trim()
    .min(20, "That is too short for an Anthropic key; paste the whole key.")
    .max(500, "That is too long for an Anthropic key.")
    .regex(/^\S+$/, "A key has no spaces; paste the key only."),
});
export type SaveAnthropicKeyInput = z.input<typeof saveAnthropicKeySchema>;

export const removeAnthropicKeySchema = z.object({ programmeSlug, kind });
export type RemoveAnthropicKeyInput = z.input<typeof removeAnthropicKeySchema>;

export const startUsageSyncSchema = z.object({ programmeSlug, from: day, to: day });
export type StartUsageSyncInput = z.input<typeof startUsageSyncSchema>;

export const resumeUsageSyncSchema = z.object({ programmeSlug, syncId: z.string().uuid("Not a sync.") });
export type ResumeUsageSyncInput = z.input<typeof resumeUsageSyncSchema>;
