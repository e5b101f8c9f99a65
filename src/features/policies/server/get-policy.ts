import "server-only";

import { renderPolicyMarkdown } from "@/domain/policies";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { ACCEPTABLE_USE } from "./policy-state";

const versionSelect = { id: true, version: true, status: true, body: true, publishedAt: true, createdAt: true } as const;

/**
 * The acceptable use policy: the published version rendered (safely), the draft with its text and a
 * rendered preview, and the version history, newest first.
 */
export async function getAcceptableUsePolicy(actor: Actor, programmeSlug: string) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const policy = await db.policy.findUnique({
    where: { programmeId_kind: { programmeId: access.programme.id, kind: ACCEPTABLE_USE } },
    select: { id: true, title: true, versions: { orderBy: { version: "desc" }, select: versionSelect } },
  });
  const versions = policy?.versions ?? [];
  const published = versions.find((v) => v.status === "PUBLISHED") ?? null;
  const draft = versions.find((v) => v.status === "DRAFT") ?? null;
  return {
    access,
    title: policy?.title ?? "Acceptable use policy",
    published: published && { ...published, html: renderPolicyMarkdown(published.body) },
    draft: draft && { ...draft, html: renderPolicyMarkdown(draft.body) },
    history: versions.map(({ body: _body, ...v }) => v),
    canManage: access.can("policies.manage"),
  };
}

/** One version of the policy, rendered: its page is a stable address for the gate evidence. */
export async function getAcceptableUsePolicyVersion(actor: Actor, programmeSlug: string, version: number) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  if (!Number.isInteger(version) || version < 1) throw new NotFoundError("Policy version not found.");
  const row = await db.policyVersion.findFirst({
    where: { programmeId: access.programme.id, version, policy: { kind: ACCEPTABLE_USE } },
    select: { ...versionSelect, policy: { select: { title: true } } },
  });
  if (!row) throw new NotFoundError("Policy version not found.");
  const { policy, ...v } = row;
  return { access, title: policy.title, version: { ...v, html: renderPolicyMarkdown(v.body) } };
}
