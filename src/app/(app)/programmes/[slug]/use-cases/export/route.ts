import { NextResponse } from "next/server";

import { exportUseCases } from "@/features/use-cases/server/export-use-cases";
import { apiError } from "@/server/api/respond";
import { currentUser } from "@/server/auth/session";
import { UnauthenticatedError } from "@/server/errors";

/** The inventory as a CSV download, for a signed-in member of the programme. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const user = await currentUser();
    if (!user) throw new UnauthenticatedError();
    const { csv, filename } = await exportUseCases(user, slug);
    return new NextResponse(`\uFEFF${csv}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return apiError(e);
  }
}
