import { formatCount, formatDateTime } from "@/lib/format";

import type { PageVerdict } from "../server/verify-audit-chain";

/** What the page knows about the chain: verified through a checkpoint and the events after it, or where it broke. */
export function AuditChainStatus({ verdict, slug }: { verdict: PageVerdict; slug: string }) {
  if (!verdict.ok)
    return (
      <div role="status" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
        <strong>Chain broken at event #{verdict.brokenAtSeq}:</strong> {verdict.reason}.
        {verdict.recordedAt && <> Found by the verification of {formatDateTime(verdict.recordedAt)} (UTC).</>}
      </div>
    );
  return (
    <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
      <strong>Chain intact through event #{formatCount(verdict.verifiedThrough)}.</strong>{" "}
      {verdict.checkpoint ? (
        <>
          Events up to #{formatCount(verdict.checkpoint.seq)} were verified{" "}
          {verdict.checkpoint.full ? "from the first event" : "from the checkpoint before"} on{" "}
          {formatDateTime(verdict.checkpoint.verifiedAt)} (UTC); this page verified the{" "}
          {formatCount(verdict.verifiedThrough - verdict.checkpoint.seq)} after them.
        </>
      ) : (
        <>This page verified every event, each hash-linked to the one before.</>
      )}{" "}
      {verdict.pending > 0 && <>{formatCount(verdict.pending)} newer events are verified by the next hourly checkpoint. </>}
      Head hash <code className="break-all font-mono text-xs">{verdict.headHash}</code>. A full verification runs daily; run one now with{" "}
      <code className="font-mono text-xs">npm run cli -- audit verify --programme {slug}</code> or by exporting the chain.
    </div>
  );
}
