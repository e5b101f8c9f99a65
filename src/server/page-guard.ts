import "server-only";

import { notFound } from "next/navigation";

import { NotFoundError } from "./errors";

/** Runs a page's data loading; "not found" (including "not a member") renders the 404 page. */
export async function loadOr404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}
