import { db } from "../db";
import { actorSelect, type Actor } from "./actor";

/** The account a session's token names, if that session is still current (see `currentUser`). */
export async function userOfSession(session: { uid?: string; sv?: number } | null): Promise<Actor | null> {
  if (!session?.uid) return null;
  const user = await db.user.findUnique({ where: { id: session.uid }, select: { ...actorSelect, sessionVersion: true } });
  // A token from before session versions existed counts as version 0.
  if (!user || user.sessionVersion !== (session.sv ?? 0)) return null;
  const { sessionVersion: _current, ...actor } = user;
  return actor;
}
