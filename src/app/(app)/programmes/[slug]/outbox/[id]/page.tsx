import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { EmailStatus } from "@/features/notifications/components/email-status";
import { getOutboxEmail } from "@/features/notifications/server/outbox";
import { formatDateTime } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { ForbiddenError } from "@/server/errors";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Email" };

export default async function OutboxEmailPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const user = await requirePageUser(`/programmes/${slug}/outbox/${id}`);
  const found = await loadOr404(() =>
    getOutboxEmail(user, slug, id).catch((e: unknown) => (e instanceof ForbiddenError ? null : Promise.reject(e))),
  );
  if (!found)
    return (
      <EmptyState title="Only a programme manager reads this programme's outbox.">Your own notifications are in your inbox.</EmptyState>
    );
  const { email } = found;
  const facts: [string, React.ReactNode][] = [
    ["To", email.toAddress],
    ["Kind", `${email.category}${email.kinds.length ? ` (${email.kinds.join(", ")})` : ""}`],
    ["Status", <EmailStatus key="s" status={email.status} />],
    ["Queued", formatDateTime(email.createdAt)],
    ["Sent", email.sentAt ? formatDateTime(email.sentAt) : "—"],
    ["Attempts", String(email.attempts)],
    ...(email.lastError ? ([["Last error", email.lastError]] as [string, string][]) : []),
    ...(email.smtpResponse ? ([["SMTP server's reply", email.smtpResponse]] as [string, string][]) : []),
    ["Message-ID", email.messageId],
    ["Attachments", email.attachments.length ? email.attachments.map((a) => `${a.filename} (${a.contentType})`).join(", ") : "none"],
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={email.subject} back={{ href: `/programmes/${slug}/outbox`, label: "Outbox" }} />
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-slate-700">{k}</dt>
            <dd className="break-all text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="text-part" className="space-y-2">
        <h3 id="text-part" className="font-semibold">
          Plain-text part
        </h3>
        <pre className="max-w-full overflow-x-auto whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-white p-4 text-sm">
          {email.text}
        </pre>
      </section>
      <section aria-labelledby="html-part" className="space-y-2">
        <h3 id="html-part" className="font-semibold">
          HTML part
        </h3>
        {/* sandbox="" : no scripts, no forms, no same-origin access, no navigation of this page. */}
        <iframe
          title="HTML part of the email"
          sandbox=""
          srcDoc={email.html}
          className="h-[28rem] w-full rounded-lg border border-slate-200 bg-white"
        />
      </section>
    </div>
  );
}
