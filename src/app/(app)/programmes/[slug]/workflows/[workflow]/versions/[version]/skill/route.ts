import { NextResponse } from "next/server";

import { exportSkill } from "@/features/workflows/server/skill-export";
import { withSession } from "@/server/api/with-session";
import { NotFoundError } from "@/server/errors";

/** Downloads a version that is or was in production as a Claude Skill folder in a zip, for a signed-in member. */
export const GET = withSession<{ slug: string; workflow: string; version: string }>(async ({ user, params }) => {
  const { slug, workflow, version } = params;
  if (!/^\d{1,6}$/.test(version)) throw new NotFoundError("Version not found.");
  const { filename, zip } = await exportSkill(user, slug, workflow, Number(version));
  return new NextResponse(Buffer.from(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
