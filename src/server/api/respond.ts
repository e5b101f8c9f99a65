import "server-only";
import { NextResponse } from "next/server";
import { isAppError } from "../errors";

/** JSON API errors: expected ones with their status and message, anything else a logged 500. */
export function apiError(e: unknown): NextResponse {
  if (isAppError(e)) return NextResponse.json({ error: { code: e.code, message: e.message } }, { status: e.status });
  console.error("Unexpected error in API route", e);
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong; nothing was changed." } }, { status: 500 });
}
