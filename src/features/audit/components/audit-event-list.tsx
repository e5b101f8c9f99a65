import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import type { AuditChange } from "@/domain/audit-display";
import { formatDateTime } from "@/lib/format";

interface Event {
  seq: number;
  createdAt: Date;
  actorLabel: string;
  action: string;
  actionLabel: string;
  entityLabel: string;
  changes: AuditChange[];
  hash: string;
}

function Changes({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return <span className="text-xs text-slate-500">No fields recorded.</span>;
  return (
    <dl className="grid grid-cols-1 gap-x-3 gap-y-1 text-xs sm:grid-cols-[minmax(8rem,max-content)_1fr]">
      {changes.map((c, i) => (
        <div key={i} className="contents">
          <dt className="font-medium text-slate-700">{c.field}</dt>
          <dd className="mb-1 whitespace-pre-wrap break-words text-slate-800 sm:mb-0">
            {c.before !== undefined && c.after !== undefined ? (
              <>
                <span className="text-slate-600 line-through decoration-slate-400">{c.before}</span> <span aria-hidden>→</span>
                <span className="sr-only">changed to</span> {c.after}
              </>
            ) : c.after !== undefined ? (
              c.after
            ) : (
              <>
                <span className="text-slate-600 line-through decoration-slate-400">{c.before}</span>{" "}
                <span className="text-slate-600">(removed)</span>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Audit events, newest first: what happened in words, who, when, and the fields it changed. */
export function AuditEventList({ events }: { events: Event[] }) {
  return (
    <Table label="Audit events">
      <TableHead>
        <Tr>
          <Th>#</Th>
          <Th>When (UTC)</Th>
          <Th>Who</Th>
          <Th>What</Th>
          <Th>Changes</Th>
        </Tr>
      </TableHead>
      <TableBody>
        {events.map((e) => (
          <Tr key={e.seq}>
            <Td className="font-mono text-xs text-slate-600">{e.seq}</Td>
            <Td nowrap className="text-xs">
              {formatDateTime(e.createdAt)}
            </Td>
            <Td className="max-w-48 break-words text-xs">{e.actorLabel}</Td>
            <Td>
              <Badge>{e.actionLabel}</Badge>
              <p className="mt-1 text-xs text-slate-600">
                {e.entityLabel} · <code className="font-mono">{e.action}</code>
              </p>
            </Td>
            <Td className="min-w-64">
              <Changes changes={e.changes} />
              <p className="mt-1 break-all font-mono text-[10px] text-slate-500" title="This event's hash in the chain">
                sha256 {e.hash}
              </p>
            </Td>
          </Tr>
        ))}
      </TableBody>
    </Table>
  );
}
