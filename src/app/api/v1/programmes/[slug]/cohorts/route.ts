import { NextResponse } from "next/server";

import { listCohortsForApi } from "@/features/cohorts/server/list-cohorts-for-api";
import { withApiToken } from "@/server/api/with-api-token";

export const GET = withApiToken(async ({ token }) => NextResponse.json(await listCohortsForApi(token)));
