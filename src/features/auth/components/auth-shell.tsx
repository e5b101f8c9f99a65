import type { ReactNode } from "react";

/** The frame of the pages a visitor sees before signing in: sign-in, forgot password, reset, invitation. */
export function AuthShell({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-brand-900">Gatehouse</p>
          <h1 className="mt-2 text-sm text-slate-600">{heading}</h1>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
