"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="max-w-md text-sm text-slate-600">The error has been logged. Nothing you were doing was half-saved: try again.</p>
      <button onClick={reset} className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white">
        Try again
      </button>
    </main>
  );
}
