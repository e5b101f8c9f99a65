import { NextResponse, type NextRequest } from "next/server";
import { MAX_BODY_BYTES } from "@/features/usage/schemas";
import { receiveUsageBatch } from "@/features/usage/server/receive-usage-batch";
import { apiError } from "@/server/api/respond";

export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > MAX_BODY_BYTES)
      return NextResponse.json({ error: { code: "TOO_LARGE", message: `The body is over ${MAX_BODY_BYTES / 1024 / 1024} MB; send smaller batches.` } }, { status: 413 });
    const r = await receiveUsageBatch({
      authorization: request.headers.get("authorization"),
      programmeSlug: slug,
      idempotencyKey: request.headers.get("idempotency-key"),
      body: await request.text(),
    });
    return NextResponse.json(r.body, { status: r.status, headers: r.replayed ? { "idempotent-replayed": "true" } : {} });
  } catch (e) {
    return apiError(e);
  }
}
