import "server-only";

import type { NextRequest } from "next/server";
import type { z } from "zod";

import { NUL_MESSAGE, nulCharacterPath } from "@/domain/input";

import { parseJsonBody, readBodyText, type BodyReadOptions } from "./body";
import { errorResponse, RequestError, type ErrorResponseOptions } from "./respond";

/** What a route reads from the body: nothing (default), any JSON, or JSON validated by a zod schema (422 naming the fields). */
export type BodySpec = "json" | z.ZodType | undefined;
type BodyOf<B> = B extends z.ZodType ? z.output<B> : B extends "json" ? unknown : undefined;

export interface RouteOptions<B extends BodySpec> extends BodyReadOptions, ErrorResponseOptions {
  /** Read the body: `"json"`, or a zod schema it must satisfy. Without it the body is never read. */
  body?: B;
}

/** What every wrapped handler receives. */
export interface RouteContext<P, B> {
  request: NextRequest;
  params: P;
  searchParams: URLSearchParams;
  /** The parsed (and validated, with a schema) body; undefined when the route reads none. */
  body: BodyOf<B>;
  /** The body exactly as read, "" when the route reads none (e.g. to hash it). */
  text: string;
}

/** The signature Next calls a route handler with. */
type NextRouteHandler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

/** Methods that change nothing: reads for the rate limit, and no same-origin check. */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const searchParamsOf = (request: Request) => new URL(request.url).searchParams;

/**
 * Refuses input holding U+0000 anywhere (PostgreSQL cannot store it): 422 naming where, like a zod error.
 */
function refuseNul(value: unknown, where: "body" | "path" | "query"): void {
  const path = nulCharacterPath(value);
  if (!path) return;
  const field = path.map(String).join(".");
  throw new RequestError(where === "body" ? 422 : 400, where === "body" ? "INVALID" : "BAD_REQUEST", NUL_MESSAGE, {
    field: where === "body" ? String(path[0] ?? "") : field,
    fields: [{ path: field, message: NUL_MESSAGE }],
  });
}

/** Reads the body the route declares (after authentication): size cap, UTF-8, JSON, `null`, schema. */
export async function readDeclaredBody<B extends BodySpec>(
  request: Request,
  options: RouteOptions<B>,
): Promise<{ body: BodyOf<B>; text: string }> {
  if (options.body === undefined) return { body: undefined as BodyOf<B>, text: "" };
  const text = await readBodyText(request, options);
  const json = parseJsonBody(text, options);
  if (/\\u0000/i.test(text)) refuseNul(json, "body"); // JSON carries U+0000 only escaped: most bodies are not walked
  if (options.body === "json") return { body: json as BodyOf<B>, text };
  const parsed = options.body.safeParse(json);
  if (!parsed.success) throw parsed.error;
  return { body: parsed.data as BodyOf<B>, text };
}

/** The shared shell of every wrapper: awaits the params, runs the steps, turns any error into its response. */
export function routeHandler<P>(
  options: ErrorResponseOptions,
  run: (request: NextRequest, params: P) => Promise<Response>,
): NextRouteHandler<P> {
  return async (request, context) => {
    try {
      const params = await context.params;
      // The URL first: a segment or query value with U+0000 is refused before anything reads it (decision record 018).
      refuseNul(params, "path");
      const query = searchParamsOf(request);
      refuseNul(Object.fromEntries([...new Set(query.keys())].map((k) => [k, query.getAll(k)])), "query");
      return await run(request, params);
    } catch (e) {
      return errorResponse(e, options);
    }
  };
}
