import { NextResponse } from "next/server";

import { saveAnthropicKey } from "@/features/usage/sync/server/save-anthropic-key";
import { currentUser } from "@/server/auth/session";
import { isAppError } from "@/server/errors";

/**
 * Saves a programme's admin or analytics key (programme managers). A route handler rather than a server
 * action on purpose: `next dev` logs every server action's arguments, and a key must never be logged.
 * Same-origin JSON only (a cross-site form cannot send it, and the session cookie is SameSite=Lax).
 * Answers {kind, hint}; never the key.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== new URL(request.url).origin && origin !== process.env.NEXTAUTH_URL?.replace(/\/+$/, ""))
    return NextResponse.json({ error: { code: "FORBIDDEN", message: "Cross-origin requests are refused." } }, { status: 403 });
  if (!request.headers.get("content-type")?.startsWith("application/json"))
    return NextResponse.json({ error: { code: "INVALID", message: "Send JSON." } }, { status: 415 });
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Please sign in." } }, { status: 401 });
  let body: { kind?: unknown; key?: unknown };
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return NextResponse.json({ error: { code: "INVALID", message: "Send JSON." } }, { status: 400 });
  }
  try {
    const saved = await saveAnthropicKey(user, { programmeSlug: slug, kind: body.kind as never, key: body.key as never });
    return NextResponse.json({ kind: saved.kind, hint: saved.hint });
  } catch (e) {
    const issues = (e as { issues?: { message: string; path: PropertyKey[] }[] }).issues;
    if (issues)
      return NextResponse.json(
        { error: { code: "INVALID", message: issues[0]?.message ?? "Invalid input.", field: String(issues[0]?.path[0] ?? "") } },
        { status: 422 },
      );
    if (isAppError(e)) return NextResponse.json({ error: { code: e.code, message: e.message } }, { status: e.status });
    console.error("Unexpected error saving an Anthropic key:", e instanceof Error ? e.message : "unknown");
    return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong and nothing was saved." } }, { status: 500 });
  }
}
