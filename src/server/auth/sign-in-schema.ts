/** The sign-in form's input, checked by the form and again by the credentials provider (src/server/auth/options.ts). Pure zod: the browser uses it too. */
import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password."),
});
export type SignInInput = z.infer<typeof signInSchema>;
