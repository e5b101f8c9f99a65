import { NextResponse } from "next/server";

import { saveAnthropicKeySchema } from "@/features/usage/sync/schemas";
import { saveAnthropicKey } from "@/features/usage/sync/server/save-anthropic-key";
import { withSession } from "@/server/api/with-session";

const keyBody = saveAnthropicKeySchema.omit({ programmeSlug: true });

/**
 * Saves a programme's admin or analytics key (programme managers). A route handler rather than a server
 * action on purpose: `next dev` logs every server action's arguments, and a key must never be logged
 * (`sensitive`: an unexpected error is logged by its message only; the wrapper never logs a body).
 * Same-origin JSON only (the wrapper refuses another Origin with 403 and anything but JSON with 415).
 * Answers {kind, hint}; never the key.
 */
export const POST = withSession<{ slug: string }, typeof keyBody>(
  async ({ user, params, body }) => {
    const saved = await saveAnthropicKey(user, { programmeSlug: params.slug, ...body });
    return NextResponse.json({ kind: saved.kind, hint: saved.hint });
  },
  { body: keyBody, maxBodyBytes: 8 * 1024, sensitive: true },
);
