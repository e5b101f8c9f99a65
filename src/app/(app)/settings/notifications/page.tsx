import type { Metadata } from "next";

import { PageHeader } from "@/components/ui/page-header";
import { PreferencesForm } from "@/features/notifications/components/preferences-form";
import { getNotificationPreferences } from "@/features/notifications/server/preferences";
import { NOTIFICATION_KINDS } from "@/notifications";
import { requirePageUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Email settings" };

export default async function NotificationSettingsPage() {
  const user = await requirePageUser("/settings/notifications");
  const rows = await getNotificationPreferences(user, NOTIFICATION_KINDS);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        level={1}
        title="Email settings"
        description={`Everything also appears in your inbox. Choose, for each kind, whether you get an email at once, one daily digest per programme, or no email. Emails go to ${user.email}.`}
        back={{ href: "/inbox", label: "Inbox" }}
      />
      <PreferencesForm rows={rows.map(({ kind, label, description, delivery }) => ({ kind, label, description, delivery }))} />
    </div>
  );
}
