import { NextResponse, type NextRequest } from "next/server";

import { getMetricsForApi } from "@/features/usage/server/get-metrics-for-api";
import { apiError } from "@/server/api/respond";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const q = request.nextUrl.searchParams;
    return NextResponse.json(await getMetricsForApi(request.headers.get("authorization"), slug, { from: q.get("from"), to: q.get("to") }));
  } catch (e) {
    return apiError(e);
  }
}
