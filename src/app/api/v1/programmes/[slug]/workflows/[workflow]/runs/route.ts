import { NextResponse, type NextRequest } from "next/server";

import { runWorkflowForApi } from "@/features/workflows/server/api";
import { VariablesError } from "@/features/workflows/server/run-workflow";
import { apiError } from "@/server/api/respond";

/** Runs a workflow's production version. 200 with the output; 502 when Anthropic's API failed (the run is recorded); 422 naming bad variables. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string; workflow: string }> }) {
  try {
    const { slug, workflow } = await params;
    const result = await runWorkflowForApi(request.headers.get("authorization"), slug, workflow, await request.text());
    return NextResponse.json(result, { status: result.status === "SUCCEEDED" ? 200 : 502 });
  } catch (e) {
    if (e instanceof VariablesError)
      return NextResponse.json({ error: { code: e.code, message: e.message, variables: e.problems } }, { status: 422 });
    return apiError(e);
  }
}
