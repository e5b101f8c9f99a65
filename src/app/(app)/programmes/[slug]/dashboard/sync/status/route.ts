import { NextResponse } from "next/server";

import { listUsageSyncs } from "@/features/usage/sync/server/list-usage-syncs";
import { withSession } from "@/server/api/with-session";

/** The recent syncs of a programme, as JSON, for the sync page to poll while one runs (programme managers). */
export const GET = withSession<{ slug: string }>(async ({ user, params }) =>
  NextResponse.json({ syncs: await listUsageSyncs(user, params.slug) }, { headers: { "cache-control": "no-store" } }),
);
