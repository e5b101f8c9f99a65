import "server-only";

import { toJsonSnapshot } from "@/domain/audit-chain";
import { canonicalSnapshot } from "@/domain/gate-evidence";
import { pilotDaysRun, settleGate, signatureMeaning, signOffProblems, SSO_SIGN_MAX_AGE_MS } from "@/domain/gates";
import { utcDateOf } from "@/domain/template";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { verifyPassword } from "@/server/auth/password";
import { assertReauthenticationAllowed, recordReauthenticationFailure } from "@/server/auth/rate-limit";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, isUniqueViolation, RuleError, UnauthenticatedError } from "@/server/errors";

import { signGateSchema, type SignGateInput } from "../schemas";
import { notifyGateDecided } from "./gate-notifications";
import { activeFunctionKey, activeReviewerKey, loadGate, lockGate } from "./gate-state";

export interface SigningContext {
  /** The client's address as vouched for by a trusted proxy (`trustedClientAddress`), else null. */
  ipAddress: string | null;
  userAgent: string | null;
  /** How and when the current session signed in (from the session; checked for single sign-on users). */
  authMethod: string | null;
  authAt: number | null;
  now?: Date;
}

export class ReauthenticationRequired extends UnauthenticatedError {
  constructor(
    message: string,
    readonly method: "password" | "sso",
  ) {
    super(message);
  }
}

/** Re-authentication to sign: the password for a local account; a sign-on younger than 5 minutes otherwise. */
async function reauthenticate(actor: Actor, password: string | undefined, ctx: SigningContext) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (user.passwordHash) {
    if (!password) throw new ReauthenticationRequired("Enter your password to sign.", "password");
    // Counted per signed-in user (decision record 019): strangers' failed sign-ins never block a sign-off.
    await assertReauthenticationAllowed(actor.id);
    if (!(await verifyPassword(password, user.passwordHash))) {
      await recordReauthenticationFailure(actor.id);
      throw new ReauthenticationRequired("That password is not right. Nothing was signed.", "password");
    }
    return;
  }
  const now = (ctx.now ?? new Date()).getTime();
  if (ctx.authMethod !== "oidc" || !ctx.authAt || now - ctx.authAt > SSO_SIGN_MAX_AGE_MS)
    throw new ReauthenticationRequired("Sign in again with single sign-on to sign (your sign-in must be less than 5 minutes old).", "sso");
}

/**
 * A reviewer signs a gate for one function they hold. The signature records who, as what, what it
 * means, when (UTC), from where, and the SHA-256 of the evidence at that moment. All rules are checked
 * inside the transaction, on the locked gate; the unique keys on valid signatures are the backstop.
 */
export async function signGate(actor: Actor, raw: SignGateInput, ctx: SigningContext) {
  const input = signGateSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "gates.sign");
  const programmeId = access.programme.id;
  const fn = input.function;
  await reauthenticate(actor, input.password, ctx);
  try {
    return await db.$transaction(async (tx) => {
      // Membership re-read under the transaction: a role removed a moment ago counts.
      const reviewer = await tx.membership.findUniqueOrThrow({
        where: { id: access.membership.id },
        select: { id: true, roles: true, functions: true },
      });
      const { gate, state, evidenceHash, snapshot } = await lockGate(tx, programmeId, input.gateKey);
      const pilotPhase = await tx.phase.findFirst({ where: { programmeId, key: "PILOT" }, select: { actualStart: true } });
      const programme = await tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { pilotMinDays: true } });
      const problems = signOffProblems({
        gate: state,
        reviewer: { membershipId: reviewer.id, roles: reviewer.roles, functions: reviewer.functions },
        fn,
        decision: input.decision,
        reason: input.reason,
        pilot: {
          daysRun: pilotDaysRun(pilotPhase?.actualStart ?? null, utcDateOf(ctx.now ?? new Date())),
          minDays: programme.pilotMinDays,
        },
      });
      if (problems.length > 0) throw new RuleError(problems.join(" "));
      const signOff = await tx.signOff.create({
        data: {
          programmeId,
          gateId: gate.id,
          round: gate.round,
          reviewerId: reviewer.id,
          function: fn,
          decision: input.decision,
          meaning: signatureMeaning(fn, input.decision),
          reason: input.reason,
          printedName: actor.name,
          signedAt: ctx.now ?? new Date(),
          ipAddress: ctx.ipAddress,
          userAgent: ctx.userAgent?.slice(0, 500) ?? null,
          evidenceHash,
          evidenceSnapshot: toJsonSnapshot(canonicalSnapshot(snapshot)) as object,
          activeFunctionKey: activeFunctionKey(gate.id, gate.round, fn),
          activeReviewerKey: activeReviewerKey(gate.id, gate.round, reviewer.id),
        },
        select: {
          id: true,
          function: true,
          decision: true,
          meaning: true,
          reason: true,
          printedName: true,
          signedAt: true,
          ipAddress: true,
          userAgent: true,
          evidenceHash: true,
          round: true,
        },
      });
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "gate.sign",
        entityType: "SignOff",
        entityId: signOff.id,
        after: { gate: gate.key, ...signOff },
      });

      const { state: after } = await loadGate(tx, gate.id);
      const status = settleGate(after);
      if (status !== gate.status) {
        await tx.gate.update({ where: { id: gate.id }, data: { status, decidedAt: ctx.now ?? new Date() } });
        await appendAudit(tx, {
          programmeId,
          actor: auditActor(actor),
          action: status === "APPROVED" ? "gate.approve" : "gate.reject",
          entityType: "Gate",
          entityId: gate.id,
          before: { status: gate.status, round: gate.round },
          after: { status, round: gate.round, evidenceHash },
        });
        if (status === "APPROVED" || status === "REJECTED") await notifyGateDecided(tx, programmeId, gate, { status }, actor.id);
      }
      return { signOff, gateStatus: status };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("This signature was already given (another request got there first).");
    throw e;
  }
}
