import { clsx } from "clsx";
import { diffLines } from "diff";

export interface DiffField {
  label: string;
  left: string;
  right: string;
}

interface Row {
  left: { text: string; kind: "same" | "removed" } | null;
  right: { text: string; kind: "same" | "added" } | null;
}

/** Lines of two texts side by side: unchanged lines on both sides, removed on the left, added on the right. */
export function sideBySide(left: string, right: string): Row[] {
  const rows: Row[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const n = Math.max(removed.length, added.length);
    for (let i = 0; i < n; i++)
      rows.push({
        left: removed[i] !== undefined ? { text: removed[i]!, kind: "removed" } : null,
        right: added[i] !== undefined ? { text: added[i]!, kind: "added" } : null,
      });
    removed = [];
    added = [];
  };
  for (const part of diffLines(left, right)) {
    const lines = part.value.replace(/\n$/, "").split("\n");
    if (part.removed) removed.push(...lines);
    else if (part.added) added.push(...lines);
    else {
      flush();
      for (const l of lines) rows.push({ left: { text: l, kind: "same" }, right: { text: l, kind: "same" } });
    }
  }
  flush();
  return rows;
}

export function VersionDiff({ fields, leftTitle, rightTitle }: { fields: DiffField[]; leftTitle: string; rightTitle: string }) {
  return (
    <div className="space-y-6">
      {fields.map((f) => {
        const changed = f.left !== f.right;
        return (
          <section key={f.label} aria-label={f.label} className="rounded-lg border border-slate-200 bg-white">
            <h3 className="flex items-center gap-2 border-b border-slate-100 px-4 py-2 text-sm font-semibold">
              {f.label}
              <span className={clsx("text-xs font-normal", changed ? "text-amber-800" : "text-slate-500")}>
                {changed ? "changed" : "unchanged"}
              </span>
            </h3>
            {changed ? (
              <table className="w-full table-fixed font-mono text-xs">
                <thead className="sr-only">
                  <tr>
                    <th scope="col">{leftTitle}</th>
                    <th scope="col">{rightTitle}</th>
                  </tr>
                </thead>
                <tbody>
                  {sideBySide(f.left, f.right).map((r, i) => (
                    <tr key={i} className="align-top">
                      <td
                        className={clsx(
                          "whitespace-pre-wrap break-words border-r border-slate-100 px-3 py-0.5",
                          r.left?.kind === "removed" && "bg-red-50 text-red-900",
                        )}
                      >
                        {r.left ? (
                          r.left.kind === "removed" ? (
                            <del className="no-underline">
                              <span className="sr-only">removed: </span>
                              {r.left.text || " "}
                            </del>
                          ) : (
                            r.left.text || " "
                          )
                        ) : (
                          ""
                        )}
                      </td>
                      <td
                        className={clsx(
                          "whitespace-pre-wrap break-words px-3 py-0.5",
                          r.right?.kind === "added" && "bg-emerald-50 text-emerald-900",
                        )}
                      >
                        {r.right ? (
                          r.right.kind === "added" ? (
                            <ins className="no-underline">
                              <span className="sr-only">added: </span>
                              {r.right.text || " "}
                            </ins>
                          ) : (
                            r.right.text || " "
                          )
                        ) : (
                          ""
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="px-4 py-2 text-xs text-slate-500">Same in both versions.</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
