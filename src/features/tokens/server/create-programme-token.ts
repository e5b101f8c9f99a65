import "server-only";

import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";

import { createProgrammeTokenSchema, type CreateProgrammeTokenInput } from "../schemas";
import { createApiToken } from "./create-api-token";

/** A programme manager creates an API token in the app; the token is returned once (the same operation as the CLI's). */
export async function createProgrammeToken(actor: Actor, raw: CreateProgrammeTokenInput) {
  const input = createProgrammeTokenSchema.parse(raw);
  await authorize(actor, input.programmeSlug, "tokens.manage");
  const t = await createApiToken({ ...auditActor(actor) }, input);
  return { id: t.id, name: t.name, prefix: t.prefix, token: t.token };
}
