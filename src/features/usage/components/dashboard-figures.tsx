import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";

/** A headline figure of the dashboard, with where it comes from (measured, or mixed sources). */
export function Kpi({ label, value, detail, basis }: { label: string; value: string; detail?: string; basis: "measured" | "mixed" }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-slate-600">{label}</p>
        <Badge tone={basis === "measured" ? "info" : "warning"}>{basis === "measured" ? "Measured" : "Mixed sources"}</Badge>
      </div>
      <p className="mt-1 text-2xl font-semibold">{value}</p>
      {detail && <p className="mt-1 text-xs text-slate-500">{detail}</p>}
    </div>
  );
}

/** The numbers behind a chart, one row per day, folded away under "Show the numbers". */
export function SeriesTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-xs font-medium text-brand-700">Show the numbers</summary>
      <div className="mt-2">
        <Table caption={caption} density="compact" size="xs" scrollClassName="max-h-64 overflow-y-auto">
          <TableHead sticky>
            <Tr>
              {head.map((h) => (
                <Th key={h}>{h}</Th>
              ))}
            </Tr>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <Tr key={r[0]}>
                {r.map((c, i) => (
                  <Td key={i}>{c}</Td>
                ))}
              </Tr>
            ))}
          </TableBody>
        </Table>
      </div>
    </details>
  );
}
