import { NextResponse } from "next/server";

import { exportProgramme } from "@/features/programme-export/server/export-programme";
import { withSession } from "@/server/api/with-session";

/** The whole programme as a zip (records as JSON, gate record PDFs, the audit chain head), for its programme managers. */
export const GET = withSession<{ slug: string }>(async ({ user, params }) => {
  const out = await exportProgramme(user, params.slug);
  return new NextResponse(Buffer.from(out.zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${out.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
});
