import { Document, parse, Scalar } from "yaml";

/*
 * The Agent Skills format's rules (the specification's reference validator and Anthropic's quick_validate.py;
 * summarised in the workplace's reference/agent-skills.md): what the Skill export writes and what its tests check.
 */

const SKILL_NAME_MAX = 64;
export const SKILL_DESCRIPTION_MAX = 1024;
const SKILL_NAME_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Anthropic reserves these words: a skill's name may not contain them. */
const SKILL_RESERVED_WORDS = ["anthropic", "claude"] as const;
const ALLOWED_KEYS = new Set(["name", "description", "license", "allowed-tools", "metadata", "compatibility"]);
/** YAML 1.1, as PyYAML (which the reference validators use) reads it: there `yes`, `no`, `on` and `off` are booleans. */
const YAML_11 = { version: "1.1" } as const;

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/**
 * A valid skill name from a workflow's slug: lowercase letters, digits and single hyphens, at most 64
 * characters, without the reserved words (removed wherever they appear: "claude-helper" → "helper").
 * `changed` says whether the name differs from the slug, so the export can say so; `null` when nothing is left.
 */
export function skillNameFrom(slug: string): { name: string; changed: boolean } | null {
  let name = slug
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-");
  for (let before = ""; before !== name;) {
    before = name;
    for (const word of SKILL_RESERVED_WORDS) name = name.split(word).join("-");
  }
  name = name.replace(/-+/g, "-").replace(/^-|-$/g, "").slice(0, SKILL_NAME_MAX).replace(/-+$/, "");
  if (!name) return null;
  return { name, changed: name !== slug };
}

/**
 * A description the format accepts: one line, no angle brackets (read as XML tags; shown as ‹ ›), at most
 * 1,024 characters (code points, as Python counts them), cut between graphemes with "…", never inside an emoji.
 */
export function skillDescription(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim().replace(/</g, "‹").replace(/>/g, "›");
  if ([...clean].length <= SKILL_DESCRIPTION_MAX) return clean;
  let out = "";
  let length = 0;
  for (const { segment } of graphemes.segment(clean)) {
    const n = [...segment].length;
    if (length + n > SKILL_DESCRIPTION_MAX - 1) break;
    out += segment;
    length += n;
  }
  return `${out.trimEnd()}…`;
}

/** A Markdown code fence for content: longer than any run of backticks inside it, and at least three. */
export function codeFence(content: string): string {
  const longest = Math.max(0, ...Array.from(content.matchAll(/`+/g), (m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

/**
 * SKILL.md's front matter, serialised by the YAML library (YAML 1.1 rules) so that a name like `123`, `yes` or
 * `null` is quoted and stays a string; the description is always double-quoted, on one line.
 */
export function skillFrontMatter(fields: { name: string; description: string }): string {
  const doc = new Document(fields, YAML_11);
  const description = doc.get("description", true);
  if (description instanceof Scalar) description.type = Scalar.QUOTE_DOUBLE;
  return `---\n${doc.toString({ lineWidth: 0 })}---\n`;
}

/**
 * Every rule a SKILL.md breaks, as messages (empty when it is valid): front matter between `---` lines that
 * parses as a YAML map; only the allowed keys; `name` a string of 1–64 lowercase letters, digits and single
 * hyphens, without reserved words, equal to the folder name; `description` a non-empty string of at most
 * 1,024 characters without `<` or `>`; `metadata` a map of strings.
 */
export function validateSkillMd(skillMd: string, folderName?: string): string[] {
  const errors: string[] = [];
  const m = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(skillMd);
  if (!m) return ["SKILL.md must start with YAML front matter between --- lines."];
  let data: unknown;
  let data12: unknown;
  try {
    data = parse(m[1]!, YAML_11);
    data12 = parse(m[1]!);
  } catch (e) {
    return [`The front matter is not valid YAML: ${(e as Error).message}`];
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return ["The front matter must be a YAML map."];
  const fm = data as Record<string, unknown>;
  const fm12 = data12 as Record<string, unknown>;
  for (const key of Object.keys(fm)) if (!ALLOWED_KEYS.has(key)) errors.push(`Unexpected key in the front matter: ${key}.`);

  const name = fm.name;
  if (typeof name !== "string" || typeof fm12.name !== "string") errors.push(`name must be a YAML string (got ${JSON.stringify(name)}).`);
  else {
    if (name.length < 1 || name.length > SKILL_NAME_MAX) errors.push(`name must be 1–${SKILL_NAME_MAX} characters.`);
    if (!SKILL_NAME_PATTERN.test(name))
      errors.push("name may use only lowercase letters, digits and hyphens, without a leading, trailing or double hyphen.");
    for (const word of SKILL_RESERVED_WORDS) if (name.includes(word)) errors.push(`name may not contain the reserved word "${word}".`);
    if (folderName !== undefined && name !== folderName) errors.push(`name "${name}" must equal the folder name "${folderName}".`);
  }

  const description = fm.description;
  if (typeof description !== "string" || typeof fm12.description !== "string") errors.push("description must be a YAML string.");
  else {
    if (!description.trim()) errors.push("description must not be empty.");
    if ([...description].length > SKILL_DESCRIPTION_MAX) errors.push(`description must be at most ${SKILL_DESCRIPTION_MAX} characters.`);
    if (/[<>]/.test(description)) errors.push("description may not contain < or > (XML tags).");
    if (/[\uD800-\uDFFF]/.test(description.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")))
      errors.push("description contains half of a surrogate pair.");
  }
  if (fm.metadata !== undefined) {
    const md = fm.metadata;
    if (!md || typeof md !== "object" || Array.isArray(md) || Object.values(md).some((v) => typeof v !== "string"))
      errors.push("metadata must be a map of strings.");
  }
  return errors;
}
