import { NextResponse, type NextRequest } from "next/server";

import { exportSkill } from "@/features/workflows/server/skill-export";
import { apiError } from "@/server/api/respond";
import { currentUser } from "@/server/auth/session";
import { NotFoundError, UnauthenticatedError } from "@/server/errors";

/** Downloads a version that is or was in production as a Claude Skill folder in a zip, for a signed-in member. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ slug: string; workflow: string; version: string }> }) {
  try {
    const { slug, workflow, version } = await params;
    const user = await currentUser();
    if (!user) throw new UnauthenticatedError();
    if (!/^\d+$/.test(version)) throw new NotFoundError("Version not found.");
    const { filename, zip } = await exportSkill(user, slug, workflow, Number(version));
    return new NextResponse(Buffer.from(zip), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return apiError(e);
  }
}
