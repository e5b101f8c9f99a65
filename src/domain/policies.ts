import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

import type { PolicyVersionStatus } from "./enums";

/**
 * The acceptable use policy: versions written in Markdown, each a draft, then published, then retired
 * when a later version is published. Only a draft's text changes; a programme has at most one draft
 * and at most one published version of a policy at a time.
 */

export function isPolicyVersionEditable(status: PolicyVersionStatus): boolean {
  return status === "DRAFT";
}

export interface PolicyVersionRef {
  version: number;
  status: PolicyVersionStatus;
  body: string;
}

/** Why `v` may not be published: empty when it may. */
export function publishProblems(v: PolicyVersionRef): string[] {
  if (v.status === "PUBLISHED") return [`Version ${v.version} is already published.`];
  if (v.status === "RETIRED") return [`Version ${v.version} is retired; start a new draft from it instead.`];
  if (v.body.trim().length === 0) return [`Version ${v.version} is empty; write the policy before publishing it.`];
  return [];
}

/** Why a new draft may not start: a programme keeps one draft at a time. */
export function newDraftProblems(versions: readonly PolicyVersionRef[]): string[] {
  const draft = versions.find((v) => v.status === "DRAFT");
  return draft ? [`Version ${draft.version} is already a draft: edit it, or publish it first.`] : [];
}

/** What a new draft starts from: the latest version's text, or the outline the playbook asks for. */
export function nextDraftBody(versions: readonly PolicyVersionRef[], organisation: string): string {
  const latest = [...versions].sort((a, b) => b.version - a.version)[0];
  return latest ? latest.body : starterPolicy(organisation);
}

export function nextVersionNumber(versions: readonly { version: number }[]): number {
  return versions.reduce((n, v) => Math.max(n, v.version), 0) + 1;
}

/** The outline of a first draft, from the playbook: what users can and cannot do, before they start. */
export function starterPolicy(organisation: string): string {
  return [
    `# Acceptable use of Claude at ${organisation}`,
    "",
    "Read this before you use Claude. It says what you can and cannot do with it.",
    "",
    "## What Claude is for",
    "- …",
    "",
    "## What you must not do",
    "- Paste data classified Restricted, or customer or employee identifiers, into Claude.",
    "- Use Claude's output as the only basis for a decision about a person.",
    "",
    "## Data retention and monitoring",
    "- …",
    "",
    "## Getting help",
    "- Who to contact if something goes wrong: …",
    "",
  ].join("\n");
}

// --- Rendering -------------------------------------------------------------------------------

const markdown = new Marked({ gfm: true, breaks: false, async: false });

/**
 * A strict allowlist: text structure, emphasis, lists, quotes, code, tables and links (http, https,
 * mailto). No raw HTML survives — no script, style, iframe, image, form, event handler or style
 * attribute — and every link gets rel="noopener noreferrer". Headings move down one level, so a
 * policy's "# Title" sits under the page's own heading.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], ol: ["start"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    h1: "h2",
    h2: "h3",
    h3: "h4",
    h4: "h5",
    h5: "h6",
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer" } }),
  },
};

/** Markdown to HTML that is safe to put on a page as it is. */
export function renderPolicyMarkdown(source: string): string {
  const html = markdown.parse(source, { async: false });
  return sanitizeHtml(html, SANITIZE);
}
