import { linkKind } from "@/domain/input";

const HOME = "/programmes";

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** A path on this site, also once percent-decoded (`/%09/evil.test` decodes to a tab a browser would drop). */
const isSamePath = (path: string) => {
  const decoded = safeDecode(path);
  return linkKind(path) === "internal" && decoded !== null && linkKind(decoded) === "internal";
};

/**
 * next-auth's `redirect` callback (decision record 019): after sign-in or sign-out, only a path on this
 * site; anything else (another origin, `//host`, `/\host`, control characters, encoded or not) goes to My programmes.
 */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  if (url.startsWith("/")) return base + (isSamePath(url) ? url : HOME);
  try {
    const u = new URL(url);
    const path = u.pathname + u.search + u.hash;
    return base + (u.origin === new URL(baseUrl).origin && isSamePath(path) ? path : HOME);
  } catch {
    return base + HOME;
  }
}
