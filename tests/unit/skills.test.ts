import { describe, expect, it } from "vitest";

import { codeFence, SKILL_DESCRIPTION_MAX, skillDescription, skillFrontMatter, skillNameFrom, validateSkillMd } from "@/domain/skills";

const skillMd = (frontMatter: string) => `---\n${frontMatter}\n---\n\n# Body\n`;

describe("the Agent Skills validator", () => {
  it("accepts a valid SKILL.md and names each broken rule", () => {
    expect(validateSkillMd(skillMd('name: renewal-email\ndescription: "Drafts renewal emails."'), "renewal-email")).toEqual([]);
    // Hand-written front matter of the kind the export used to write: each is invalid for the reason given.
    expect(validateSkillMd(skillMd("name: 123\ndescription: x"))).toContain("name must be a YAML string (got 123).");
    expect(validateSkillMd(skillMd("name: yes\ndescription: x"))).toContain("name must be a YAML string (got true).");
    expect(validateSkillMd(skillMd("name: null\ndescription: x"))).toContain("name must be a YAML string (got null).");
    expect(validateSkillMd(skillMd("name: ~\ndescription: x"))).toContain("name must be a YAML string (got null).");
    expect(validateSkillMd(skillMd("name: claude-helper\ndescription: x"))).toEqual(['name may not contain the reserved word "claude".']);
    expect(validateSkillMd(skillMd("name: Big--Name-\ndescription: x"))).toEqual([
      "name may use only lowercase letters, digits and hyphens, without a leading, trailing or double hyphen.",
    ]);
    expect(validateSkillMd(skillMd(`name: ${"a".repeat(65)}\ndescription: x`))).toEqual(["name must be 1–64 characters."]);
    expect(validateSkillMd(skillMd("name: a\ndescription: Use <b>bold</b>"))).toEqual(["description may not contain < or > (XML tags)."]);
    expect(validateSkillMd(skillMd(`name: a\ndescription: "${"x".repeat(1025)}"`))).toEqual([
      "description must be at most 1024 characters.",
    ]);
    expect(validateSkillMd(skillMd('name: a\ndescription: "\\ud83d cut"'))).toEqual(["description contains half of a surrogate pair."]);
    expect(validateSkillMd(skillMd('name: a\ndescription: ""'))).toEqual(["description must not be empty."]);
    expect(validateSkillMd(skillMd("name: a\ndescription: x\nversion: 2"))).toEqual(["Unexpected key in the front matter: version."]);
    expect(validateSkillMd(skillMd("name: a\ndescription: x\nmetadata: { n: 1 }"))).toEqual(["metadata must be a map of strings."]);
    expect(validateSkillMd(skillMd("name: a\ndescription: x"), "b")).toEqual(['name "a" must equal the folder name "b".']);
    expect(validateSkillMd("# No front matter")).toEqual(["SKILL.md must start with YAML front matter between --- lines."]);
  });
});

describe("the Skill export's rules", () => {
  it("quotes names YAML would read as another type, so they stay strings", () => {
    for (const name of ["123", "yes", "no", "on", "null", "true", "0x1f", "1e3"]) {
      const md = `${skillFrontMatter({ name, description: "Does things." })}\n# x\n`;
      expect(md).toContain(`name: "${name}"`);
      expect(validateSkillMd(md, name)).toEqual([]);
    }
  });

  it("derives a valid name without the reserved words, or none when nothing is left", () => {
    expect(skillNameFrom("claude-helper")).toEqual({ name: "helper", changed: true });
    expect(skillNameFrom("my-anthropic-claude-bot")).toEqual({ name: "my-bot", changed: true });
    expect(skillNameFrom("claudeanthropic")).toBeNull();
    expect(skillNameFrom("renewal-email")).toEqual({ name: "renewal-email", changed: false });
    expect(skillNameFrom(`${"abcdefghi-".repeat(8)}x`)!.name).toMatch(/^[a-z0-9-]{1,64}$/);
    expect(skillNameFrom(`${"abcdefghi-".repeat(8)}x`)!.name.endsWith("-")).toBe(false);
  });

  it("keeps descriptions free of angle brackets and cuts them between graphemes, never through an emoji", () => {
    expect(skillDescription("Write <b>bold</b>\n replies")).toBe("Write ‹b›bold‹/b› replies");
    for (const unit of ["👍🏽", "👩🏽‍⚖️", "é", "a"]) {
      const d = skillDescription(`Start ${unit.repeat(1100)}`);
      expect([...d].length).toBeLessThanOrEqual(SKILL_DESCRIPTION_MAX);
      expect(d.endsWith("…")).toBe(true);
      // Whole graphemes only: what precedes the ellipsis is a run of complete units.
      expect(d.slice("Start ".length, -1)).toBe(unit.repeat(d.slice("Start ".length, -1).length / unit.length));
    }
  });

  it("fences a template with more backticks than any run inside it", () => {
    expect(codeFence("plain")).toBe("```");
    expect(codeFence("a ``` b")).toBe("````");
    expect(codeFence("a ``` b ```` c")).toBe("`````");
  });
});
