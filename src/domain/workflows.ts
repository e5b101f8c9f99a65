/**
 * The workflow library's rules, free of I/O: template variables, expectations on an output, the five
 * maturity properties (the seed's specific, configured, documented, owned — plus tested) and the
 * promotion gate. The server enforces them; pages show the same answers.
 */

/** `{{ name }}` placeholders: letters, digits and underscores, starting with a letter or underscore. */
const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The template's variable names, each once, in order of first use. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(VARIABLE)].map((m) => m[1]!))];
}

/** Braces that look like a placeholder but are not one (e.g. `{{client name}}`), to point out to the author. */
export function malformedPlaceholders(template: string): string[] {
  const all = [...template.matchAll(/\{\{([^{}]*)\}\}/g)].map((m) => m[0]);
  return all.filter((p) => !new RegExp(`^${VARIABLE.source}$`).test(p));
}

export interface VariableProblem {
  name: string;
  reason: string;
}

/** Checks values against a version's variables: each declared one present and non-blank, no unknown ones, text only. */
export function variableProblems(declared: readonly string[], values: Record<string, unknown>): VariableProblem[] {
  const problems: VariableProblem[] = [];
  for (const name of declared) {
    const v = values[name];
    if (v === undefined || v === null) problems.push({ name, reason: "is required" });
    else if (typeof v !== "string") problems.push({ name, reason: "must be text" });
    else if (v.trim() === "") problems.push({ name, reason: "must not be blank" });
  }
  for (const name of Object.keys(values))
    if (!declared.includes(name)) problems.push({ name, reason: "is not a variable of this workflow" });
  return problems;
}

export const describeVariableProblems = (problems: readonly VariableProblem[]) => problems.map((p) => `${p.name} ${p.reason}`).join("; ");

/** The prompt with every placeholder replaced by its value. Callers check `variableProblems` first. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(VARIABLE, (_, name: string) => values[name] ?? "");
}

export interface BusinessContext {
  contextWho: string;
  contextVoice: string;
  contextStandards: string;
  exampleOutput: string;
}

/** The system prompt: the business context a person would give a new colleague, in labelled sections. */
export function systemPrompt(c: BusinessContext): string {
  const parts = [
    ["Who we are", c.contextWho],
    ["Voice", c.contextVoice],
    ["Standards", c.contextStandards],
    ["A good example output", c.exampleOutput],
  ].filter(([, text]) => text!.trim() !== "");
  return parts.map(([title, text]) => `## ${title}\n${text!.trim()}`).join("\n\n");
}

// ---------------------------------------------------------------------------------------------
// Expectations

export interface Expectations {
  mustContain: readonly string[];
  mustNotContain: readonly string[];
  pattern: string | null;
  minLength: number | null;
  maxLength: number | null;
  rubric: readonly string[];
}

export type CheckKind = "contains" | "not_contains" | "pattern" | "length" | "rubric";

export interface CheckResult {
  kind: CheckKind;
  expectation: string;
  passed: boolean;
  detail: string;
}

/** A pattern is written as a JavaScript regular expression without slashes; null when it does not compile. */
export function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return null;
  }
}

/** Problems with a test case's expectations, by field, before it is saved. */
export function expectationProblems(e: Expectations): { field: keyof Expectations; message: string }[] {
  const problems: { field: keyof Expectations; message: string }[] = [];
  if (e.pattern && !compilePattern(e.pattern)) problems.push({ field: "pattern", message: "This is not a valid regular expression." });
  if (e.minLength !== null && e.maxLength !== null && e.minLength > e.maxLength)
    problems.push({ field: "maxLength", message: "The maximum length must be at least the minimum." });
  const total =
    e.mustContain.length +
    e.mustNotContain.length +
    e.rubric.length +
    (e.pattern ? 1 : 0) +
    (e.minLength !== null || e.maxLength !== null ? 1 : 0);
  if (total === 0)
    problems.push({
      field: "mustContain",
      message: "Give at least one expectation: text it must or must not contain, a pattern, a length range or a rubric criterion.",
    });
  return problems;
}

/** The checks that need no model: containment (case-insensitive), pattern and length in characters. */
export function deterministicChecks(output: string, e: Expectations): CheckResult[] {
  const lower = output.toLowerCase();
  const checks: CheckResult[] = [];
  for (const s of e.mustContain) {
    const passed = lower.includes(s.toLowerCase());
    checks.push({ kind: "contains", expectation: `contains "${s}"`, passed, detail: passed ? "Found." : "Not found in the output." });
  }
  for (const s of e.mustNotContain) {
    const passed = !lower.includes(s.toLowerCase());
    checks.push({
      kind: "not_contains",
      expectation: `does not contain "${s}"`,
      passed,
      detail: passed ? "Absent." : "Found in the output.",
    });
  }
  if (e.pattern) {
    const re = compilePattern(e.pattern);
    const passed = re !== null && re.test(output);
    checks.push({
      kind: "pattern",
      expectation: `matches /${e.pattern}/`,
      passed,
      detail: re === null ? "The pattern is not a valid regular expression." : passed ? "Matches." : "Does not match.",
    });
  }
  if (e.minLength !== null || e.maxLength !== null) {
    const n = [...output].length;
    const passed = (e.minLength === null || n >= e.minLength) && (e.maxLength === null || n <= e.maxLength);
    const range =
      e.minLength !== null && e.maxLength !== null
        ? `${e.minLength}–${e.maxLength}`
        : e.minLength !== null
          ? `at least ${e.minLength}`
          : `at most ${e.maxLength}`;
    checks.push({ kind: "length", expectation: `length ${range} characters`, passed, detail: `${n} characters.` });
  }
  return checks;
}

/** The grader's instructions; the marker at its start is how the project's fake server recognises a grading call. */
export const JUDGE_SYSTEM_PROMPT =
  "You are grading the output of a prompt workflow against criteria a person wrote. Judge each criterion on its own, strictly, from the output alone. " +
  'Answer with JSON only, no prose: {"criteria":[{"criterion":"<the criterion, verbatim>","pass":true|false,"reason":"<one sentence>"}]} in the order given.';

export function judgePrompt(output: string, rubric: readonly string[]): string {
  return `<output>\n${output}\n</output>\n\n<criteria>\n${rubric.map((c) => `<criterion>${c}</criterion>`).join("\n")}\n</criteria>`;
}

/**
 * Reads the grader's answer into one check per criterion. An answer that is not the JSON asked for, or
 * leaves a criterion out, fails that criterion with the reason — never a silent pass.
 */
export function rubricChecks(rubric: readonly string[], answer: string): CheckResult[] {
  let verdicts: { criterion?: unknown; pass?: unknown; reason?: unknown }[] = [];
  try {
    const json = answer.slice(answer.indexOf("{"), answer.lastIndexOf("}") + 1);
    const parsed = JSON.parse(json) as { criteria?: unknown };
    if (Array.isArray(parsed.criteria)) verdicts = parsed.criteria as typeof verdicts;
  } catch {
    verdicts = [];
  }
  return rubric.map((criterion, i) => {
    const v = verdicts.find((x) => x.criterion === criterion) ?? verdicts[i];
    if (!v || typeof v.pass !== "boolean")
      return {
        kind: "rubric" as const,
        expectation: criterion,
        passed: false,
        detail: "The grader gave no clear verdict on this criterion.",
      };
    return {
      kind: "rubric" as const,
      expectation: criterion,
      passed: v.pass,
      detail: typeof v.reason === "string" && v.reason ? v.reason : v.pass ? "Met." : "Not met.",
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Maturity and promotion

export const DEFAULT_THRESHOLD = 90;
export const MIN_TEST_CASES = 3;
/** Documentation shorter than this cannot explain when to use a workflow, its inputs and how to judge it. */
export const MIN_DOCUMENTATION_CHARS = 200;

export interface MaturityInput {
  task: string;
  useCaseLinked: boolean;
  ownerName: string | null;
  version: (BusinessContext & { template: string; variables: readonly string[]; model: string; documentation: string }) | null;
  testCases: number;
  threshold: number;
  /** The pass rate (percent) of the version's latest finished evaluation, or null when it has none. */
  latestPassRate: number | null;
}

/** An evaluation run's state (the same values as Prisma's EvaluationStatus: src/server/db/enum-parity.ts). */
export type EvaluationStatus = "RUNNING" | "COMPLETED" | "COMPLETED_WITH_ERRORS" | "FAILED";
/** How an evaluation was made (Prisma's EvaluationMode): Claude through the API, or outputs pasted from a Claude app and graded by a person. */
export type EvaluationMode = "API" | "MANUAL";

export type MaturityKey = "specific" | "configured" | "documented" | "owned" | "tested";

export interface MaturityProperty {
  key: MaturityKey;
  label: string;
  met: boolean;
  /** What is missing, in words a workflow owner can act on; empty when met. */
  missing: string[];
}

const DOC_SECTIONS: { label: string; test: RegExp }[] = [
  { label: "when to use it", test: /when to use|use it when|use this when/i },
  { label: "its inputs", test: /\binputs?\b/i },
  { label: "how to judge the output", test: /judg|review the output|check the output|good output|quality/i },
];

export function documentationGaps(documentation: string): string[] {
  const gaps: string[] = [];
  if (documentation.trim().length < MIN_DOCUMENTATION_CHARS) gaps.push(`documentation of at least ${MIN_DOCUMENTATION_CHARS} characters`);
  for (const s of DOC_SECTIONS) if (!s.test.test(documentation)) gaps.push(`documentation of ${s.label}`);
  return gaps;
}

/** The five properties, each with what is missing. */
export function maturity(w: MaturityInput): MaturityProperty[] {
  const v = w.version;
  const specific: string[] = [];
  if (w.task.trim().split(/\s+/).filter(Boolean).length < 5) specific.push("a task described in a sentence (the specific job it does)");
  if (!w.useCaseLinked) specific.push("a linked use case");
  const configured: string[] = [];
  if (!v) configured.push("a saved version");
  else {
    if (!v.contextWho.trim()) configured.push("who we are");
    if (!v.contextVoice.trim()) configured.push("the voice");
    if (!v.contextStandards.trim()) configured.push("the standards");
    if (!v.exampleOutput.trim()) configured.push("a good example output");
    if (v.variables.length === 0) configured.push("a template with at least one {{variable}}");
  }
  const documented = v ? documentationGaps(v.documentation) : ["documentation"];
  const owned = w.ownerName ? [] : ["an owner"];
  const tested: string[] = [];
  if (w.testCases < MIN_TEST_CASES)
    tested.push(
      `${MIN_TEST_CASES - w.testCases} more test case${MIN_TEST_CASES - w.testCases === 1 ? "" : "s"} (at least ${MIN_TEST_CASES})`,
    );
  if (w.latestPassRate === null) tested.push("an evaluation of this version");
  else if (w.latestPassRate < w.threshold)
    tested.push(`an evaluation passing at ${w.threshold}% or more (latest: ${formatRate(w.latestPassRate)})`);
  return [
    { key: "specific", label: "Specific", met: specific.length === 0, missing: specific },
    { key: "configured", label: "Configured", met: configured.length === 0, missing: configured },
    { key: "documented", label: "Documented", met: documented.length === 0, missing: documented },
    { key: "owned", label: "Owned", met: owned.length === 0, missing: owned },
    { key: "tested", label: "Tested", met: tested.length === 0, missing: tested },
  ];
}

export const maturityScore = (props: readonly MaturityProperty[]) => props.filter((p) => p.met).length;

export const formatRate = (rate: number) => `${Math.round(rate * 10) / 10}%`;

/** Pass rate in percent: passed cases over all cases (a case that errored did not pass). */
export const passRate = (passed: number, total: number) => (total === 0 ? 0 : (passed / total) * 100);

export interface PromotionInput {
  ownerName: string | null;
  documentation: string;
  testCases: number;
  threshold: number;
  versionNumber: number;
  /** The version's latest evaluation: null when none, or its status and pass rate. */
  latestEvaluation: { status: EvaluationStatus; passRate: number } | null;
  authorId: string;
  /** Who approved this version (user ids). */
  approverIds: readonly string[];
  isProduction: boolean;
}

/** Everything that stops a version going to production, each named; empty when it may be promoted. */
export function promotionProblems(p: PromotionInput): string[] {
  const problems: string[] = [];
  if (p.isProduction) return [`Version ${p.versionNumber} is already in production.`];
  if (!p.ownerName) problems.push("The workflow has no owner.");
  const gaps = documentationGaps(p.documentation);
  if (gaps.length > 0) problems.push(`Version ${p.versionNumber} lacks ${gaps.join(", ")}.`);
  if (p.testCases < MIN_TEST_CASES)
    problems.push(`The workflow has ${p.testCases} test case${p.testCases === 1 ? "" : "s"}; at least ${MIN_TEST_CASES} are needed.`);
  const ev = p.latestEvaluation;
  if (!ev) problems.push(`Version ${p.versionNumber} has not been evaluated.`);
  else if (ev.status === "RUNNING") problems.push(`Version ${p.versionNumber}'s evaluation is still running.`);
  else if (ev.status === "FAILED") problems.push(`Version ${p.versionNumber}'s latest evaluation failed to run.`);
  else if (ev.passRate < p.threshold)
    problems.push(
      `Version ${p.versionNumber}'s latest evaluation passed ${formatRate(ev.passRate)} of cases; the threshold is ${p.threshold}%.`,
    );
  if (!p.approverIds.some((id) => id !== p.authorId))
    problems.push(`Version ${p.versionNumber} needs approval by someone other than its author.`);
  return problems;
}

/** URL-safe identifier from a name: "Renewal email drafts" → "renewal-email-drafts". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

// ---------------------------------------------------------------------------------------------
// Manual evaluations and Claude apps

/** A person's grade of one rubric criterion: pass or fail, with a note saying why. */
export interface HumanGrade {
  pass: boolean;
  note: string;
}

/** Rubric checks from a person's grades (one per criterion, in order), each saying who graded it. */
export function humanRubricChecks(rubric: readonly string[], grades: readonly HumanGrade[], graderName: string): CheckResult[] {
  return rubric.map((criterion, i) => {
    const g = grades[i];
    const by = `Graded by hand by ${graderName}`;
    return {
      kind: "rubric" as const,
      expectation: criterion,
      passed: g?.pass === true,
      detail: g ? (g.note.trim() ? `${by}: ${g.note.trim()}` : `${by}.`) : "Not graded.",
    };
  });
}

/**
 * The production version as instructions for a Claude Project (Claude's apps, no API key): the business
 * context, then the template with its variables, so a member pastes it once into the Project's
 * instructions and then gives only the variables in each chat.
 */
export function claudeProjectInstructions(
  v: BusinessContext & { template: string; variables: readonly string[] },
  workflowName: string,
): string {
  const context = systemPrompt(v);
  const inputs = v.variables.length
    ? `Each time, I will give you:\n${v.variables.map((n) => `- ${n}`).join("\n")}\nIf one is missing, ask me for it before you answer.`
    : "I will ask you to run it; it needs no inputs.";
  return [
    `# ${workflowName}`,
    context,
    `## The task\n${inputs}\nThen do this, with {{name}} replaced by the value I gave:\n\n${v.template.trim()}`,
  ]
    .filter((s) => s.trim() !== "")
    .join("\n\n");
}

/** What to paste into a Claude chat to run one test case by hand: the business context, then the filled-in template. */
export function manualCasePrompt(v: BusinessContext & { template: string }, values: Record<string, string>): string {
  const context = systemPrompt(v);
  const task = renderTemplate(v.template, values).trim();
  return context ? `${context}\n\n## The task\n${task}` : task;
}
