import { NextResponse } from "next/server";

import { listWorkflowsForApi } from "@/features/workflows/server/api";
import { withApiToken } from "@/server/api/with-api-token";

export const GET = withApiToken(async ({ token }) => NextResponse.json(await listWorkflowsForApi(token)));
