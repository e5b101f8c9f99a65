import { marked } from "marked";
import { describe, expect, it } from "vitest";

import { validateSkillMd } from "@/domain/skills";
import { skillFiles } from "@/features/workflows/server/skill-export";
import { RuleError } from "@/server/errors";

type Version = Parameters<typeof skillFiles>[1];

const version = (template: string): Version => ({
  id: "v1",
  number: 3,
  note: "Tighter tone",
  authorId: "u1",
  authorName: "Owner",
  contextWho: "We sell renewals.",
  contextVoice: "Plain.",
  contextStandards: "Never promise a price.",
  exampleOutput: "Dear customer…",
  template,
  variables: ["customer"],
  model: "claude-sonnet-5-5",
  maxTokens: 800,
  documentation: "## When to use\nWhen a customer's renewal is due <soon> 🎉.",
  createdAt: new Date("2026-03-01T00:00:00Z"),
});

const TRICKY: { slug: string; name: string; task: string; template: string }[] = [
  { slug: "123", name: "123", task: "Number the items.", template: "Number {{customer}}" },
  { slug: "yes", name: "yes", task: "Say yes.", template: "Yes {{customer}}" },
  { slug: "null", name: "null", task: "Nothing.", template: "Null {{customer}}" },
  { slug: "true", name: "true", task: "True.", template: "True {{customer}}" },
  { slug: "claude-helper", name: "Claude helper", task: "Help with <b>bold</b> 👩🏽‍⚖️ emoji.", template: "Help {{customer}}" },
  {
    slug: "fenced",
    name: "Fenced",
    task: "Show code.",
    template: 'Reply with:\n```json\n{"a": 1}\n```\nand ````md\nx\n```` then {{customer}}',
  },
  { slug: "long", name: "Long", task: `${"Describe the renewal 👍🏽 ".repeat(60)}`, template: "{{customer}}" },
];

/** The code blocks a Markdown file holds, as a Markdown parser reads them. */
const codeBlocks = (md: string) => marked.lexer(md).flatMap((t) => (t.type === "code" ? [t.text as string] : []));

describe("the Claude Skill export", () => {
  it.each(TRICKY)(
    "exports $slug as a skill that satisfies every Agent Skills rule, its template intact",
    ({ slug, name, task, template }) => {
      const { name: skillName, files } = skillFiles({ name, slug, task, useCase: null }, version(template), [
        { name: "A case", variables: { customer: "Łódź" } },
      ]);
      expect(validateSkillMd(files["SKILL.md"]!, skillName)).toEqual([]);
      expect(codeBlocks(files["templates/prompt.md"]!)).toEqual([template]);
      if (skillName !== slug)
        expect(files["SKILL.md"]).toContain(`The skill is named \`${skillName}\` rather than the workflow's \`${slug}\``);
    },
  );

  it("renames claude-helper to helper and says so; refuses a name that is nothing but reserved words", () => {
    expect(skillFiles({ name: "Claude helper", slug: "claude-helper", task: "Help.", useCase: null }, version("x"), []).name).toBe(
      "helper",
    );
    expect(() => skillFiles({ name: "Claude", slug: "claude", task: "Help.", useCase: null }, version("x"), [])).toThrow(RuleError);
  });
});
