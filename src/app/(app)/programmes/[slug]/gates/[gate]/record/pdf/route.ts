import { NextResponse } from "next/server";

import { getGateRecord } from "@/features/gates/server/get-gate-record";
import { renderGateRecordPdf } from "@/features/gates/server/render-gate-record-pdf";
import { gateKeyFromSlug } from "@/features/gates/slugs";
import { withSession } from "@/server/api/with-session";
import { NotFoundError } from "@/server/errors";

/** The gate record as a PDF download, for a signed-in member of the programme. */
export const GET = withSession<{ slug: string; gate: string }>(async ({ user, params, searchParams }) => {
  const { slug, gate } = params;
  const key = gateKeyFromSlug(gate);
  if (!key) throw new NotFoundError("Gate not found.");
  const round = searchParams.get("round");
  if (round !== null && !/^\d{1,6}$/.test(round)) throw new NotFoundError("Round not found.");
  const record = await getGateRecord(user, slug, key, round ? Number(round) : undefined);
  const pdf = await renderGateRecordPdf(record);
  return new NextResponse(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${slug}-${gate}-round-${record.gate.round}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
