import { NextResponse, type NextRequest } from "next/server";

import { listWorkflowsForApi } from "@/features/workflows/server/api";
import { apiError } from "@/server/api/respond";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    return NextResponse.json(await listWorkflowsForApi(request.headers.get("authorization"), slug));
  } catch (e) {
    return apiError(e);
  }
}
