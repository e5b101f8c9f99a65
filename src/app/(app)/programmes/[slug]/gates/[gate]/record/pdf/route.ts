import { NextResponse, type NextRequest } from "next/server";

import { getGateRecord } from "@/features/gates/server/get-gate-record";
import { renderGateRecordPdf } from "@/features/gates/server/render-gate-record-pdf";
import { gateKeyFromSlug } from "@/features/gates/slugs";
import { apiError } from "@/server/api/respond";
import { currentUser } from "@/server/auth/session";
import { NotFoundError, UnauthenticatedError } from "@/server/errors";

/** The gate record as a PDF download, for a signed-in member of the programme. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string; gate: string }> }) {
  try {
    const { slug, gate } = await params;
    const key = gateKeyFromSlug(gate);
    if (!key) throw new NotFoundError("Gate not found.");
    const user = await currentUser();
    if (!user) throw new UnauthenticatedError();
    const round = request.nextUrl.searchParams.get("round");
    const record = await getGateRecord(user, slug, key, round ? Number(round) : undefined);
    const pdf = await renderGateRecordPdf(record);
    return new NextResponse(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${slug}-${gate}-round-${record.gate.round}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return apiError(e);
  }
}
