export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-2 py-10 text-sm text-slate-600">
      <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-slate-400 border-r-transparent" />
      Loading…
    </div>
  );
}
