import { NextResponse } from "next/server";

import { getMetricsForApi } from "@/features/usage/server/get-metrics-for-api";
import { withApiToken } from "@/server/api/with-api-token";

export const GET = withApiToken(async ({ token, searchParams }) =>
  NextResponse.json(await getMetricsForApi(token, { from: searchParams.get("from"), to: searchParams.get("to") })),
);
