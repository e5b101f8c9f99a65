/**
 * The one rule for a new password, used by every place a password is set (accepting an invitation,
 * resetting a forgotten password, the CLI's set-password) and by their forms. Pure zod: the browser uses it too.
 *
 * bcrypt reads only the first 72 bytes of a password, so a longer one would be accepted with its tail
 * ignored: it is refused instead, counted in UTF-8 bytes (an emoji is 4, "é" is 2).
 */
import { z } from "zod";

export const PASSWORD_MIN_CHARACTERS = 10;
export const PASSWORD_MAX_BYTES = 72;

/** What a new-password field tells the person, from the same numbers the rule checks. */
export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN_CHARACTERS} characters, at most ${PASSWORD_MAX_BYTES} bytes.`;

export const utf8Length = (s: string) => new TextEncoder().encode(s).length;

export const newPasswordSchema = z.string().superRefine((s, ctx) => {
  const fail = (message: string) => ctx.addIssue({ code: "custom", message });
  if (s.trim().length === 0) return fail("Enter a password: it cannot be blank or only spaces.");
  if ([...s].length < PASSWORD_MIN_CHARACTERS) return fail(`Use a password of at least ${PASSWORD_MIN_CHARACTERS} characters.`);
  if (utf8Length(s) > PASSWORD_MAX_BYTES)
    return fail(
      `Use a password of at most ${PASSWORD_MAX_BYTES} bytes (this one is ${utf8Length(s)}; letters such as é take 2 bytes, emoji 4). Longer passwords are cut short by the password hash, so they are refused.`,
    );
});
