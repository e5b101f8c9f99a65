"use client";

import { clsx } from "clsx";
import { useAction } from "next-safe-action/hooks";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

import { markAllNotificationsReadAction, markNotificationReadAction } from "../actions";

export interface InboxEntry {
  id: string;
  subject: string;
  text: string;
  programmeName: string | null;
  unread: boolean;
  /** Already formatted on the server (one time zone for everyone: UTC). */
  when: string;
}

/**
 * The inbox: newest first, unread ones marked (a dot, bold, and "Unread" for screen readers). Opening an
 * item goes through /inbox/<id>, which marks it read and continues to the page it is about; plain links
 * (not prefetched), so nothing is marked read by merely showing the list.
 */
export function InboxList({ items }: { items: InboxEntry[] }) {
  const markOne = useAction(markNotificationReadAction);
  const markAll = useAction(markAllNotificationsReadAction);
  const unread = items.filter((i) => i.unread).length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" role="status">
          {unread === 0 ? "All read." : `${unread} unread`}
        </p>
        {unread > 0 && (
          <Button variant="secondary" pending={markAll.isPending} onClick={() => markAll.execute({})}>
            Mark all read
          </Button>
        )}
      </div>
      <FormError message={markOne.result.serverError ?? markAll.result.serverError} />
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" aria-label="Notifications">
        {items.map((n) => (
          <li key={n.id} className={clsx("flex items-start gap-3 p-4", n.unread && "bg-brand-50/40")}>
            <span aria-hidden="true" className={clsx("mt-2 h-2 w-2 shrink-0 rounded-full", n.unread ? "bg-brand-600" : "bg-transparent")} />
            <div className="min-w-0 flex-1">
              <a
                href={`/inbox/${n.id}`}
                className={clsx("break-words text-slate-900 hover:underline", n.unread ? "font-semibold" : "font-normal")}
              >
                {n.unread && <span className="sr-only">Unread: </span>}
                {n.subject}
              </a>
              {n.text && <p className="mt-1 line-clamp-3 whitespace-pre-line break-words text-sm text-slate-600">{n.text}</p>}
              <p className="mt-1 text-xs text-slate-500">
                {n.programmeName && <>{n.programmeName} · </>}
                {n.when}
              </p>
            </div>
            {n.unread && (
              <Button
                variant="ghost"
                className="shrink-0 px-2 py-1 text-xs"
                pending={markOne.isPending && markOne.input?.notificationId === n.id}
                onClick={() => markOne.execute({ notificationId: n.id })}
                aria-label={`Mark read: ${n.subject}`}
              >
                Mark read
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
