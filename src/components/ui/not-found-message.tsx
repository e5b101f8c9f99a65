import Link from "next/link";

/**
 * The "not found" answer. A page outside the signed-in shell gives it its own `<main>`; inside the shell
 * (whose layout already has the one `<main>`) it is a plain block, so a page never has two main landmarks.
 */
export function NotFoundMessage({ as: Tag = "div" }: { as?: "main" | "div" }) {
  return (
    <Tag className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="max-w-md text-sm text-slate-600">This page does not exist, or you are not a member of the programme it belongs to.</p>
      <Link href="/programmes" className="text-sm font-medium text-brand-700 hover:underline">
        Back to my programmes
      </Link>
    </Tag>
  );
}
