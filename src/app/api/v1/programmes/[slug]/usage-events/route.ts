import { NextResponse, type NextRequest } from "next/server";

import { MAX_BODY_BYTES } from "@/features/usage/schemas";
import { receiveUsageBatch } from "@/features/usage/server/receive-usage-batch";
import { apiError } from "@/server/api/respond";

const UNAVAILABLE =
  "The database is not reachable right now (it may be restarting). Send the same batch again after the Retry-After seconds: " +
  "with the same Idempotency-Key and event ids it is never counted twice, even if this attempt was stored.";

export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > MAX_BODY_BYTES)
      return NextResponse.json(
        { error: { code: "TOO_LARGE", message: `The body is over ${MAX_BODY_BYTES / 1024 / 1024} MB; send smaller batches.` } },
        { status: 413 },
      );
    const r = await receiveUsageBatch({
      authorization: request.headers.get("authorization"),
      programmeSlug: slug,
      idempotencyKey: request.headers.get("idempotency-key"),
      body: await request.text(),
    });
    return NextResponse.json(r.body, { status: r.status, headers: r.replayed ? { "idempotent-replayed": "true" } : {} });
  } catch (e) {
    return apiError(e, { unavailableMessage: UNAVAILABLE });
  }
}
