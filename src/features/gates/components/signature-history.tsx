import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";

import type { getGateReview } from "../server/get-gate-review";

type SignOff = Awaited<ReturnType<typeof getGateReview>>["signOffs"][number];

/** Every signature of a gate, this round's first: meaning, signer, reason, when and from where, and the evidence hash it signed; void ones greyed. */
export function SignatureHistory({ signOffs }: { signOffs: SignOff[] }) {
  return (
    <Table>
      <TableHead>
        <Tr>
          <Th>Round</Th>
          <Th>Signature</Th>
          <Th>When (UTC) and where</Th>
          <Th>Evidence SHA-256</Th>
        </Tr>
      </TableHead>
      <TableBody>
        {signOffs.map((s) => (
          <Tr key={s.id} className={s.voidedAt ? "text-slate-500" : undefined}>
            <Td>{s.round}</Td>
            <Td>
              <p className={s.voidedAt ? "line-through" : "font-medium"}>{s.meaning}</p>
              <p className="text-xs">{s.printedName}</p>
              {s.reason && <p className="text-xs italic">&ldquo;{s.reason}&rdquo;</p>}
              {s.voidedAt && (
                <p className="text-xs font-medium text-amber-700">
                  Void: {s.voidReason ?? "evidence changed"} ({formatDateTime(s.voidedAt)})
                </p>
              )}
            </Td>
            <Td className="text-xs">
              {formatDateTime(s.signedAt)}
              <br />
              {s.ipAddress ?? "—"} · <span title={s.userAgent ?? ""}>{(s.userAgent ?? "—").slice(0, 40)}</span>
            </Td>
            <Td className="break-all font-mono text-[11px]">{s.evidenceHash}</Td>
          </Tr>
        ))}
      </TableBody>
    </Table>
  );
}
