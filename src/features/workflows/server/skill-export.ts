import "server-only";

import { strToU8, zipSync } from "fflate";

import { codeFence, skillDescription, skillFrontMatter, skillNameFrom } from "@/domain/skills";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { findVersion } from "./workflow-state";

type Version = Awaited<ReturnType<typeof findVersion>>;

/** The files of a Claude Skill folder for one version: SKILL.md with front matter, the context, the template and examples. */
export function skillFiles(
  workflow: { name: string; slug: string; task: string; useCase: string | null },
  version: Version,
  examples: { name: string; variables: Record<string, unknown> }[],
) {
  // The Agent Skills rules (src/domain/skills.ts): a valid name derived from the slug, said so when it differs.
  const derived = skillNameFrom(workflow.slug);
  if (!derived)
    throw new RuleError(
      `This workflow cannot be exported as a Claude Skill under its name "${workflow.slug}": a skill name needs lowercase letters or digits besides the reserved words "claude" and "anthropic". Rename the workflow.`,
    );
  const { name } = derived;
  const renamed = derived.changed
    ? `\nThe skill is named \`${name}\` rather than the workflow's \`${workflow.slug}\`: skill names use lowercase letters, digits and hyphens, at most 64 characters, and may not contain "claude" or "anthropic".\n`
    : "";
  const whenToUse = /when to use[^\n]*\n+([^\n#][^\n]*)/i.exec(version.documentation)?.[1]?.trim();
  const description = skillDescription(
    `${workflow.task.replace(/\.$/, "").trim() || `The ${workflow.name} workflow`}.${whenToUse ? ` ${whenToUse}` : ""}`,
  );
  const variables = version.variables.map((v) => `- \`${v}\``).join("\n");
  const fence = codeFence(version.template);
  const skill = `${skillFrontMatter({ name, description })}
# ${workflow.name}

${workflow.task}
${workflow.useCase ? `\nUse case: ${workflow.useCase}.\n` : ""}
Exported from Gatehouse: version ${version.number} (${version.note}), model ${version.model}, at most ${version.maxTokens} output tokens.
${renamed}
## How to use this skill

1. Read [the business context](reference/business-context.md) and follow it: who we are, our voice and our standards.
2. Ask for, or find, these inputs:
${variables}
3. Follow [the prompt](templates/prompt.md) with the inputs filled in.
4. Compare your output with [the example](examples/example-output.md) before handing it over.

## Documentation

${version.documentation.trim() || "_No documentation was written for this version._"}
`;
  const context = `# Business context

## Who we are
${version.contextWho.trim() || "_Not given._"}

## Voice
${version.contextVoice.trim() || "_Not given._"}

## Standards
${version.contextStandards.trim() || "_Not given._"}
`;
  const example = `# A good example output

${version.exampleOutput.trim() || "_Not given._"}
`;
  const inputs = examples.length
    ? `# Example inputs (from the workflow's test cases)\n\n${examples
        .map(
          (e) =>
            `## ${e.name}\n\n${Object.entries(e.variables)
              .map(([k, v]) => `- **${k}**: ${String(v)}`)
              .join("\n")}`,
        )
        .join("\n\n")}\n`
    : null;
  const files: Record<string, string> = {
    "SKILL.md": skill,
    "reference/business-context.md": context,
    "templates/prompt.md": `# Prompt\n\nReplace each {{variable}} with its input.\n\n${fence}\n${version.template}\n${fence}\n`,
    "examples/example-output.md": example,
  };
  if (inputs) files["examples/inputs.md"] = inputs;
  return { name, files };
}

/** A zip of the skill folder (`<name>/SKILL.md`, …) for a version that is, or was, in production. */
export async function exportSkill(actor: Actor, programmeSlug: string, workflowSlug: string, versionNumber: number) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const w = await db.workflow.findUnique({
    where: { programmeId_slug: { programmeId: access.programme.id, slug: workflowSlug } },
    select: {
      id: true,
      name: true,
      slug: true,
      task: true,
      useCase: { select: { title: true } },
      testCases: { select: { name: true, variables: true }, orderBy: { createdAt: "asc" }, take: 5 },
    },
  });
  if (!w) throw new NotFoundError("Workflow not found.");
  const version = await findVersion(db, w.id, versionNumber);
  const promoted = await db.workflowPromotion.count({ where: { versionId: version.id } });
  if (promoted === 0)
    throw new RuleError(`Version ${version.number} has not been in production; only production versions are exported as skills.`);
  const { name, files } = skillFiles(
    { name: w.name, slug: w.slug, task: w.task, useCase: w.useCase?.title ?? null },
    version,
    w.testCases.map((t) => ({ name: t.name, variables: t.variables as Record<string, unknown> })),
  );
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [`${name}/${path}`, strToU8(text)])), { level: 6 });
  return { filename: `${name}-v${version.number}.zip`, zip };
}
