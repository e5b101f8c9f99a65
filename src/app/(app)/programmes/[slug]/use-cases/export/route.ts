import { NextResponse } from "next/server";

import { exportUseCases } from "@/features/use-cases/server/export-use-cases";
import { withSession } from "@/server/api/with-session";

/** The inventory as a CSV download, for a signed-in member of the programme. */
export const GET = withSession<{ slug: string }>(async ({ user, params }) => {
  const { csv, filename } = await exportUseCases(user, params.slug);
  return new NextResponse(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
