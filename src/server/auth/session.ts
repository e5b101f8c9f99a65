import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";

import { UnauthenticatedError } from "../errors";
import { type Actor } from "./actor";
import { authOptions } from "./options";
import { userOfSession } from "./session-user";

export type { Actor } from "./actor";

/**
 * The signed-in user, re-read from the database on every request: a deleted account stops working
 * at once even though its JWT has not expired, and so does a session signed in before the account's
 * password last changed (its session version is older than the account's).
 *
 * Once per request, not once per caller: while a page renders, React's `cache` keeps the answer for that
 * render only (the root layout, the programme layout and the page each ask; decision record 020). Outside a
 * render (a route handler, a server action) it is a plain call. The next request reads the database again.
 */
export const currentUser = cache(async (): Promise<Actor | null> => {
  await connection(); // per request, never at build time
  const session = await getServerSession(authOptions());
  return userOfSession(session);
});

export async function requireUser(): Promise<Actor> {
  const user = await currentUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}

/** For pages: sends a visitor who is not signed in to the sign-in page, then back here. */
export async function requirePageUser(returnTo: string): Promise<Actor> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
