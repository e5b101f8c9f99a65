import "server-only";

import { mayCreateProgramme } from "@/domain/programme-creators";
import type { Actor } from "@/server/auth/actor";
import { programmeCreators } from "@/server/env";
import { ForbiddenError } from "@/server/errors";

export const PROGRAMME_CREATORS_MESSAGE =
  "Creating programmes is limited to the people this Gatehouse's operator allows. Ask a programme manager to add you to a programme.";

/** Whether this person may create a programme (GATEHOUSE_PROGRAMME_CREATORS; unset: anyone signed in). */
export const canCreateProgrammes = (actor: Actor) => mayCreateProgramme(actor.email, programmeCreators());

export function assertMayCreateProgramme(actor: Actor): void {
  if (!canCreateProgrammes(actor)) throw new ForbiddenError(PROGRAMME_CREATORS_MESSAGE);
}
