import { describe, expect, it } from "vitest";

import {
  isPolicyVersionEditable,
  newDraftProblems,
  nextDraftBody,
  nextVersionNumber,
  publishProblems,
  renderPolicyMarkdown,
} from "@/domain/policies";

describe("rendering a policy's Markdown", () => {
  it("renders headings (one level down), lists, emphasis, tables and links", () => {
    const html = renderPolicyMarkdown(
      "# Acceptable use\n\n## You may\n- **Draft** _emails_\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee [the guide](https://intranet.example.com/claude).",
    );
    expect(html).toContain("<h2>Acceptable use</h2>");
    expect(html).toContain("<h3>You may</h3>");
    expect(html).toContain("<li><strong>Draft</strong> <em>emails</em></li>");
    expect(html).toContain("<td>1</td>");
    expect(html).toContain('<a href="https://intranet.example.com/claude" rel="noopener noreferrer">the guide</a>');
  });

  it("drops <script> elements and their content", () => {
    const html = renderPolicyMarkdown("Before\n\n<script>alert('x')</script>\n\nafter <script src=https://evil.test/x.js></script>");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("alert");
    expect(html).toContain("Before");
    expect(html).toContain("after");
  });

  it("drops event handlers and the elements that carry them", () => {
    const html = renderPolicyMarkdown(
      '<img src=x onerror="alert(1)"> <b onmouseover="alert(2)">bold</b> <a href="https://ok.test" onclick="alert(3)">ok</a>\n\n![pic](https://evil.test/p.png)',
    );
    expect(html).not.toMatch(/onerror|onmouseover|onclick|<img|alert/i);
    expect(html).toContain("bold");
    expect(html).toContain('<a href="https://ok.test" rel="noopener noreferrer">ok</a>');
  });

  it("drops javascript:, data: and protocol-relative link targets, keeping the link text", () => {
    const html = renderPolicyMarkdown(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) <a href="  javascript:alert(1)">d</a> [e](//evil.test/x)',
    );
    expect(html).not.toMatch(/javascript:|data:|href="\/\//i);
    for (const text of [">a<", ">b<", ">c<", ">d<", ">e<"]) expect(html).toContain(text);
    // Every link, with or without a target, gets rel="noopener noreferrer".
    expect(html.match(/<a /g)?.length).toBe(html.match(/rel="noopener noreferrer"/g)?.length);
  });

  it("drops raw HTML structure, styles, iframes and forms", () => {
    const html = renderPolicyMarkdown(
      '<div style="position:fixed" class="x">text</div>\n\n<iframe src="https://evil.test"></iframe><style>body{display:none}</style><form action="https://evil.test"><input name=p></form>',
    );
    expect(html).not.toMatch(/<div|style|<iframe|<form|<input|class=/i);
    expect(html).toContain("text");
  });

  it("keeps mailto links", () => {
    expect(renderPolicyMarkdown("[help](mailto:claude-help@example.com)")).toContain('href="mailto:claude-help@example.com"');
  });
});

describe("policy version rules", () => {
  const v = (version: number, status: "DRAFT" | "PUBLISHED" | "RETIRED", body = `v${version}`) => ({ version, status, body });

  it("only a draft is editable", () => {
    expect(isPolicyVersionEditable("DRAFT")).toBe(true);
    expect(isPolicyVersionEditable("PUBLISHED")).toBe(false);
    expect(isPolicyVersionEditable("RETIRED")).toBe(false);
  });

  it("only a draft with text can be published", () => {
    expect(publishProblems(v(2, "DRAFT"))).toEqual([]);
    expect(publishProblems(v(2, "DRAFT", "  \n"))).toEqual(["Version 2 is empty; write the policy before publishing it."]);
    expect(publishProblems(v(1, "PUBLISHED"))).toEqual(["Version 1 is already published."]);
    expect(publishProblems(v(1, "RETIRED"))).toEqual(["Version 1 is retired; start a new draft from it instead."]);
  });

  it("a new draft starts from the latest version's text, numbered next; one draft at a time", () => {
    const versions = [v(1, "RETIRED"), v(3, "PUBLISHED"), v(2, "RETIRED")];
    expect(nextDraftBody(versions, "Acme")).toBe("v3");
    expect(nextVersionNumber(versions)).toBe(4);
    expect(newDraftProblems(versions)).toEqual([]);
    expect(newDraftProblems([...versions, v(4, "DRAFT")])).toEqual(["Version 4 is already a draft: edit it, or publish it first."]);
  });

  it("the first draft starts from the playbook's outline", () => {
    expect(nextVersionNumber([])).toBe(1);
    const body = nextDraftBody([], "Acme Financial");
    expect(body).toMatch(/^# Acceptable use of Claude at Acme Financial/);
    expect(body).toContain("## What you must not do");
  });
});
