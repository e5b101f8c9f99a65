import { clsx } from "clsx";
import type { ComponentProps, ReactNode } from "react";

/**
 * A data table: an accessible `<table>` (name from `label` or `caption`, `<th scope>` headers) inside a
 * container that scrolls sideways when the table is wider than the screen, so a phone scrolls the
 * table instead of the page. Compose it from the parts below:
 *
 *   <Table label="Scenarios">
 *     <TableHead><Tr><Th>Scenario</Th><Th numeric>Monthly</Th></Tr></TableHead>
 *     <TableBody>{rows.map((r) => <Tr key={r.id}><Th scope="row">{r.name}</Th><Td numeric>{r.monthly}</Td></Tr>)}</TableBody>
 *   </Table>
 *
 * Cell padding comes from the table (`density`), so rows rendered by client components line up.
 */
export function Table({
  label,
  caption,
  captionHidden = true,
  density = "normal",
  size = "sm",
  layout = "auto",
  scrollClassName,
  className,
  children,
  ...props
}: Omit<ComponentProps<"table">, "aria-label"> & {
  /** The table's accessible name (aria-label); use `caption` instead when it should be read as a caption. */
  label?: string;
  caption?: ReactNode;
  /** The caption is for screen readers only unless this is false. */
  captionHidden?: boolean;
  /** normal: rows of records; compact: series of figures. */
  density?: "normal" | "compact";
  size?: "sm" | "xs";
  layout?: "auto" | "fixed";
  /** Extra classes on the scrolling container (e.g. a max height). */
  scrollClassName?: string;
}) {
  const name = label ?? (typeof caption === "string" ? caption : undefined);
  return (
    // Focusable, so that a keyboard can scroll a table wider than the screen (WCAG 2.1.1); a region named
    // like its table, so that the focus stop says what it is.
    <div
      className={clsx("relative max-w-full overflow-x-auto", scrollClassName)}
      tabIndex={0}
      role={name ? "region" : undefined}
      aria-label={name}
    >
      <table
        aria-label={label}
        className={clsx(
          "w-full text-left",
          size === "sm" ? "text-sm" : "text-xs",
          layout === "fixed" && "table-fixed",
          "[&_td]:pr-3 [&_td:last-child]:pr-0 [&_th]:pr-3 [&_th:last-child]:pr-0",
          density === "normal" ? "[&_td]:py-2 [&_th]:py-2" : "[&_td]:py-1 [&_th]:py-1",
          className,
        )}
        {...props}
      >
        {caption && <caption className={captionHidden ? "sr-only" : "mb-2 text-left text-xs text-slate-600"}>{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

/** The header row group: small, muted column headers. `sticky` keeps it visible in a scrolling container. */
export function TableHead({ sticky, className, ...props }: ComponentProps<"thead"> & { sticky?: boolean }) {
  return <thead className={clsx("text-xs text-slate-500", sticky && "sticky top-0 bg-white", className)} {...props} />;
}

export function TableBody({ valign = "top", className, ...props }: ComponentProps<"tbody"> & { valign?: "top" | "middle" }) {
  return <tbody className={clsx("divide-y divide-slate-100", valign === "top" ? "align-top" : "align-middle", className)} {...props} />;
}

export function TableFoot({ className, ...props }: ComponentProps<"tfoot">) {
  return <tfoot className={clsx("border-t border-slate-200", className)} {...props} />;
}

export function Tr(props: ComponentProps<"tr">) {
  return <tr {...props} />;
}

/**
 * A header cell. `scope="col"` (the default) heads a column; `scope="row"` heads its row (the row's
 * accessible name). `numeric` right-aligns it over a column of figures; `plain` drops the bold of a row header.
 */
export function Th({
  scope = "col",
  numeric,
  plain,
  className,
  ...props
}: ComponentProps<"th"> & { scope?: "col" | "row"; numeric?: boolean; plain?: boolean }) {
  const ownWeight = /\bfont-(normal|medium|semibold|bold)\b/.test(className ?? "");
  return (
    <th
      scope={scope}
      className={clsx(
        !ownWeight && (plain ? "font-normal" : "font-medium"),
        numeric ? "text-right" : "text-left",
        scope === "col" && "whitespace-nowrap",
        numeric && "tabular-nums",
        className,
      )}
      {...props}
    />
  );
}

/** A data cell. `numeric`: right-aligned tabular figures that do not wrap. */
export function Td({ numeric, nowrap, className, ...props }: ComponentProps<"td"> & { numeric?: boolean; nowrap?: boolean }) {
  return <td className={clsx(numeric && "text-right tabular-nums", (numeric || nowrap) && "whitespace-nowrap", className)} {...props} />;
}
