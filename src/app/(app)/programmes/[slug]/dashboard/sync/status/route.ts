import { NextResponse } from "next/server";

import { listUsageSyncs } from "@/features/usage/sync/server/list-usage-syncs";
import { currentUser } from "@/server/auth/session";
import { isAppError } from "@/server/errors";

/** The recent syncs of a programme, as JSON, for the sync page to poll while one runs (programme managers). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Please sign in." } }, { status: 401 });
  try {
    const syncs = await listUsageSyncs(user, slug);
    return NextResponse.json({ syncs }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (isAppError(e)) return NextResponse.json({ error: { code: e.code, message: e.message } }, { status: e.status });
    throw e;
  }
}
