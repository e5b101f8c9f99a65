import { NextResponse, type NextRequest } from "next/server";

import { listGatesForApi } from "@/features/gates/server/list-gates-for-api";
import { apiError } from "@/server/api/respond";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    return NextResponse.json(await listGatesForApi(request.headers.get("authorization"), slug));
  } catch (e) {
    return apiError(e);
  }
}
