import { linkKind } from "@/domain/input";

/** Messages for the error codes next-auth puts in the sign-in page's URL. */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  SsoEmailNotVerified:
    "Your identity provider has not verified your email address, so it cannot sign you in to Gatehouse. Verify it there, then try again.",
  SsoProfileIncomplete: "Your identity provider did not share an email address, so you cannot be signed in.",
  OAuthSignin: "Single sign-on could not be started. Try again, or sign in with your email.",
  OAuthCallback: "Single sign-on did not complete. Try again.",
  OAuthAccountNotLinked: "This email is already used by another sign-in method.",
  AccessDenied: "Your sign-in was refused.",
  Callback: "Sign-in could not be completed. Try again.",
  SessionRequired: "Please sign in to continue.",
};

export function signInErrorMessage(code: string): string {
  return MESSAGES[code] ?? (code.length < 200 && /\s/.test(code) ? code : "Sign-in failed. Try again.");
}

/** An identity provider's refusal, in its own words when it gave some (the page renders it as text). */
export function ssoProviderErrorMessage(code: string | undefined, description: string | undefined): string {
  const words = (description ?? "").trim() || (code ?? "").trim();
  return words ? `Your identity provider refused the sign-in: ${words}` : "Your identity provider refused the sign-in.";
}

/** Only a path on this site: an absolute URL keeps its path only, so sign-in never sends anyone elsewhere. */
export function safeCallbackUrl(raw: string | undefined): string {
  if (!raw) return "/programmes";
  // Only a path on this site (no "//host", "/\\host", control characters or spaces: `linkKind`, decision record 018).
  if (raw.startsWith("/")) return linkKind(raw) === "internal" ? raw : "/programmes";
  try {
    const url = new URL(raw);
    const path = url.pathname + url.search;
    return linkKind(path) === "internal" ? path : "/programmes";
  } catch {
    return "/programmes";
  }
}
