import { z } from "zod";

import { ONE_TIME_TOKEN_PATTERN } from "@/server/auth/one-time-token-pattern";
import { newPasswordSchema } from "@/server/auth/password-schema";

/** "Forgot password?": the email to send a link to. */
export const forgotPasswordSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address.")
    .max(254, "Enter a valid email address.")
    .email("Enter a valid email address."),
});
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

/** The reset page's form: the link's token and the new password. */
export const resetPasswordSchema = z.object({
  token: z.string().regex(ONE_TIME_TOKEN_PATTERN, "This password reset link is not valid."),
  password: newPasswordSchema,
});
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

/** The one answer to a reset request, whether or not the email has an account. */
export const PASSWORD_RESET_SENT =
  "If an account exists for that email, we have sent it a link to set a new password. The link works once, for one hour.";
