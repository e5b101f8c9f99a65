import type { Metadata } from "next";
import Link from "next/link";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { InboxList } from "@/features/notifications/components/inbox-list";
import { listInbox } from "@/features/notifications/server/inbox";
import { formatDateTime } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const user = await requirePageUser("/inbox");
  const items = await listInbox(user);
  return (
    <div className="space-y-6">
      <PageHeader
        level={1}
        title="Inbox"
        description="What happened in your programmes that concerns you, newest first."
        actions={
          <Link href="/settings/notifications" className="text-sm font-medium text-brand-700 hover:underline">
            Email settings
          </Link>
        }
      />
      {items.length === 0 ? (
        <EmptyState title="No notifications yet">
          You will find here gates opened for your sign-off, signatures to give again, decisions, and things you own that fall due.
        </EmptyState>
      ) : (
        <InboxList
          items={items.map((n) => ({
            id: n.id,
            subject: n.subject,
            text: n.text,
            programmeName: n.programmeName,
            unread: n.readAt === null,
            when: formatDateTime(n.createdAt),
          }))}
        />
      )}
    </div>
  );
}
