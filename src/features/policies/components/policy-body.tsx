/**
 * A policy version's HTML, as rendered by renderPolicyMarkdown (Markdown through a strict sanitizer:
 * no raw HTML, scripts, event handlers or javascript: links survive), styled as a document.
 */
export function PolicyBody({ html, label }: { html: string; label: string }) {
  return (
    <article
      aria-label={label}
      className="max-w-3xl text-sm leading-6 text-slate-800 [&_a]:text-brand-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs [&_h2]:mt-5 [&_h2]:text-lg [&_h2]:font-semibold [&_h2:first-child]:mt-0 [&_h3]:mt-4 [&_h3]:font-semibold [&_h4]:mt-3 [&_h4]:font-medium [&_hr]:my-4 [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-3 [&_table]:my-3 [&_table]:text-left [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-slate-200 [&_th]:bg-slate-50 [&_th]:px-2 [&_th]:py-1 [&_ul]:list-disc [&_ul]:pl-6"
      // Safe: the HTML comes from renderPolicyMarkdown's allowlist sanitizer, never from raw input.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
