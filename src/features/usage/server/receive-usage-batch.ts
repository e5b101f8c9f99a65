import "server-only";

import { createHash } from "node:crypto";

import type { ApiToken } from "@/server/api/with-api-token";
import { appendAudit } from "@/server/audit";
import { db } from "@/server/db";
import { isRetryableConflict } from "@/server/errors";

import { parseUsageBatch } from "../schemas";
import { ingestUsageEvents } from "./ingest-usage-events";

export interface ApiReply {
  status: number;
  body: unknown;
  replayed?: boolean;
}

const reply = (status: number, body: unknown): ApiReply => ({ status, body });
const error = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
  reply(status, { error: { code, message, ...extra } });

/**
 * POST /api/v1/programmes/{slug}/usage-events. All or nothing per batch; a repeated event changes
 * nothing; with an Idempotency-Key a replay gets the first response and a different body under the
 * same key is refused (409). The key row is inserted first in the transaction, so a concurrent replay
 * waits for the first request to finish and then reads its response.
 *
 * The route's wrapper has authenticated the token, counted it against its rate limit and read the body
 * (under MAX_BODY_BYTES) as JSON: `body` is the parsed JSON, `text` the body as received (hashed for the key).
 */
export async function receiveUsageBatch(input: {
  token: Pick<ApiToken, "name"> & { programme: { id: string } };
  idempotencyKey: string | null;
  body: unknown;
  text: string;
}): Promise<ApiReply> {
  const { token } = input;
  const { programme } = token;
  const key = input.idempotencyKey?.trim() || null;
  if (key !== null && (key.length > 200 || !/^[\x21-\x7e]+$/.test(key)))
    return error(400, "BAD_IDEMPOTENCY_KEY", "Idempotency-Key must be 1–200 visible ASCII characters.");

  const batch = parseUsageBatch(input.body);
  const requestHash = key ? createHash("sha256").update(input.text).digest("hex") : "";

  // A deadlock victim was rolled back whole: run it again (a couple of times) rather than answer 500.
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeBatch(programme, token, key, requestHash, batch);
    } catch (e) {
      if (attempt >= 3 || !isRetryableConflict(e)) throw e;
    }
  }
}

/** One attempt: the Idempotency-Key claim, the events and rollups, the audit event and the stored reply, in one transaction. */
function writeBatch(
  programme: { id: string },
  token: { name: string },
  key: string | null,
  requestHash: string,
  batch: ReturnType<typeof parseUsageBatch>,
): Promise<ApiReply> {
  return db.$transaction(async (tx) => {
    if (key) {
      const claimed = await tx.$queryRaw<{ key: string }[]>`
        INSERT INTO "IdempotencyKey" ("programmeId", "key", "requestHash", "status", "body")
        VALUES (${programme.id}::uuid, ${key}, ${requestHash}, 0, '{}'::jsonb)
        ON CONFLICT DO NOTHING RETURNING "key"`;
      if (claimed.length === 0) {
        const first = await tx.idempotencyKey.findUniqueOrThrow({ where: { programmeId_key: { programmeId: programme.id, key } } });
        if (first.requestHash !== requestHash)
          return error(
            409,
            "IDEMPOTENCY_KEY_REUSED",
            "This Idempotency-Key was used with a different body. Use a new key for a new batch.",
          );
        return { status: first.status, body: first.body, replayed: true };
      }
    }
    let result: ApiReply;
    if (!batch.ok) {
      result = error(
        batch.status,
        batch.status === 422 ? "INVALID_EVENTS" : batch.status === 413 ? "TOO_MANY_EVENTS" : "BAD_REQUEST",
        batch.message,
        batch.problems ? { events: batch.problems } : {},
      );
    } else {
      const r = await ingestUsageEvents(tx, programme.id, batch.events, "api");
      if (r.inserted > 0)
        await appendAudit(tx, {
          programmeId: programme.id,
          actor: { id: null, label: `api token "${token.name}"` },
          action: "usage.ingest",
          entityType: "UsageBatch",
          entityId: key,
          after: r,
        });
      result = reply(200, r);
    }
    if (key)
      await tx.idempotencyKey.update({
        where: { programmeId_key: { programmeId: programme.id, key } },
        data: { status: result.status, body: result.body as object },
      });
    return result;
  });
}
