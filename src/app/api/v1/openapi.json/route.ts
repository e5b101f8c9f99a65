import { NextResponse } from "next/server";

import { openApiDocument } from "@/server/api/openapi";
import { withPublicRoute } from "@/server/api/with-public-route";

import { API_ENDPOINTS } from "./endpoints";

const INFO = {
  title: "Gatehouse API",
  version: "1",
  description:
    "A programme's JSON API: gates, usage metrics and events, workflows and their runs. Every error is " +
    '`{"error": {"code", "message", …}}`; 422s name each field. Made from the zod schemas the handlers use.',
};

/** GET /api/v1/openapi.json — the API's contract, generated once per process from the handlers' zod schemas. */
let document: ReturnType<typeof openApiDocument> | undefined;

export const GET = withPublicRoute(() =>
  NextResponse.json((document ??= openApiDocument(API_ENDPOINTS, INFO)), { headers: { "cache-control": "public, max-age=300" } }),
);
