import { headers } from "next/headers";
import Link from "next/link";

import { SignOutButton } from "@/features/auth/components/sign-out-button";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import { unreadNotificationCount } from "@/features/notifications/server/inbox";
import { requirePageUser } from "@/server/auth/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const path = (await headers()).get("x-gatehouse-path") ?? "/programmes";
  const user = await requirePageUser(path);
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
          <nav aria-label="Main" className="flex min-w-0 items-center gap-4 sm:gap-6">
            <Link prefetch={false} href="/programmes" className="text-base font-semibold tracking-tight text-brand-900">
              Gatehouse
            </Link>
            <Link prefetch={false} href="/programmes" className="text-sm text-slate-600 hover:text-slate-900">
              My programmes
            </Link>
            <Link prefetch={false} href="/reviews" className="text-sm text-slate-600 hover:text-slate-900">
              My reviews
            </Link>
          </nav>
          <div className="flex shrink-0 items-center gap-3">
            <NotificationBell unread={await unreadNotificationCount(user)} />
            <span className="hidden text-sm text-slate-600 sm:inline" title={user.email}>
              {user.name}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
