import { makeMember, makeUser } from "@/demo/factories";
import { createWorkflow } from "@/features/workflows/server/create-workflow";
import { saveTestCase } from "@/features/workflows/server/test-cases";
import type { Actor } from "@/server/auth/actor";

const DOCS =
  "## When to use\nUse it when a new insurance claim arrives and the customer has not yet heard from us.\n\n" +
  "## Inputs\n- claim_ref: the claim's reference as in the claims system\n- customer: the customer's name\n\n" +
  "## How to judge the output\nA good output names the claim and the customer, says what happens next, and promises no outcome.";

/**
 * A workflow ready for the promotion gate but for its evaluation and approval: an owner (a member with
 * the workflow-owner role), documentation, three test cases (one with a rubric criterion), threshold 60%.
 * A reviewer (another workflow owner) can approve it.
 */
export async function makeReadyWorkflow(pm: Actor, programmeSlug: string) {
  const owner = await makeUser({ name: "Olu Owner" });
  const reviewer = await makeUser({ name: "Rae Reviewer" });
  const ownerM = await makeMember(pm, programmeSlug, owner, ["WORKFLOW_OWNER"]);
  await makeMember(pm, programmeSlug, reviewer, ["WORKFLOW_OWNER"]);
  const w = await createWorkflow(owner, {
    programmeSlug,
    name: "Claim acknowledgement",
    task: "Acknowledge a new insurance claim in plain English",
    useCaseId: null,
    ownerId: ownerM.membershipId,
    threshold: 60,
    minutesSavedPerRun: 5,
    contextWho: "Acme Insurance, a mid-size UK insurer.",
    contextVoice: "Warm, plain English.",
    contextStandards: "UK spelling. Never promise an outcome.",
    exampleOutput: "",
    template: "Acknowledge claim {{claim_ref}} for {{customer}}.",
    model: "claude-haiku-4-5",
    maxTokens: 300,
    documentation: DOCS,
  });
  const cases = [
    { name: "Ann", variables: { claim_ref: "C-1", customer: "Ann" }, mustContain: "C-1", rubric: 'Names the customer "Ann"' },
    { name: "Bo", variables: { claim_ref: "C-2", customer: "Bo" }, mustContain: "C-2" },
    { name: "Cy", variables: { claim_ref: "C-3", customer: "Cy" }, mustNotContain: "guarantee" },
  ];
  for (const c of cases) await saveTestCase(owner, { programmeSlug, workflowSlug: w.slug, ...c });
  return { w, owner, reviewer, ref: { programmeSlug, workflowSlug: w.slug, version: 1 } };
}
