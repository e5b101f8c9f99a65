import { NextResponse } from "next/server";

import { listGatesForApi } from "@/features/gates/server/list-gates-for-api";
import { withApiToken } from "@/server/api/with-api-token";

export const GET = withApiToken(async ({ token }) => NextResponse.json(await listGatesForApi(token)));
