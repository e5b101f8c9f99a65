import { exportAuditTrail } from "@/features/audit/server/export-audit-trail";
import { withSession } from "@/server/api/with-session";

/** The programme's whole audit chain as JSON Lines (events, then the chain head), for a signed-in member. */
export const GET = withSession<{ slug: string }>(async ({ user, params }) => {
  const { slug, stream } = await exportAuditTrail(user, params.slug);
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}-audit-chain.jsonl"`,
      "cache-control": "private, no-store",
    },
  });
});
