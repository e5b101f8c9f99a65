import { NextResponse } from "next/server";

import { MAX_BODY_BYTES } from "@/features/usage/schemas";
import { receiveUsageBatch } from "@/features/usage/server/receive-usage-batch";
import { API_RATE_LIMITS } from "@/server/api/rate-limit";
import { withApiToken } from "@/server/api/with-api-token";

const UNAVAILABLE =
  "The database is not reachable right now (it may be restarting). Send the same batch again after the Retry-After seconds: " +
  "with the same Idempotency-Key and event ids it is never counted twice, even if this attempt was stored.";

export const POST = withApiToken(
  async ({ token, request, body, text }) => {
    const r = await receiveUsageBatch({ token, idempotencyKey: request.headers.get("idempotency-key"), body, text });
    return NextResponse.json(r.body, { status: r.status, headers: r.replayed ? { "idempotent-replayed": "true" } : {} });
  },
  {
    body: "json",
    maxBodyBytes: MAX_BODY_BYTES,
    tooLargeMessage: `The body is over ${MAX_BODY_BYTES / 1024 / 1024} MB; send smaller batches.`,
    unavailableMessage: UNAVAILABLE,
    rateLimit: API_RATE_LIMITS.write,
  },
);
