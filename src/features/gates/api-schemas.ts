import { z } from "zod";

import { GATE_KEYS, GATE_STATUSES, PHASE_KEYS, REVIEW_FUNCTIONS, SIGN_OFF_DECISIONS } from "@/domain/enums";

/**
 * What `GET /api/v1/programmes/{slug}/gates` answers. listGatesForApi returns this schema's output type,
 * and the OpenAPI document is generated from it, so the two cannot drift.
 */
export const gateListResponseSchema = z.object({
  programme: z.object({ slug: z.string(), name: z.string(), currentPhase: z.enum(PHASE_KEYS) }),
  gates: z.array(
    z.object({
      key: z.enum(GATE_KEYS),
      name: z.string(),
      status: z.enum(GATE_STATUSES),
      round: z.number().int().min(1).describe("The review round: a rejected gate is reopened in a new round."),
      plannedDate: z.iso.date(),
      decidedAt: z.iso.datetime().nullable(),
      evidenceHash: z.string().describe("SHA-256 of the gate's evidence as it stands: a sign-off records the hash it saw."),
      readiness: z.object({
        summary: z.string(),
        criteriaMet: z.number().int().min(0),
        criteriaTotal: z.number().int().min(0),
        signOffsDone: z.number().int().min(0),
        signOffsRequired: z.number().int().min(0),
        missingSignOffs: z.array(z.enum(REVIEW_FUNCTIONS)),
        unmetCriteria: z.array(z.string()),
        resignRequired: z.array(z.enum(REVIEW_FUNCTIONS)),
        complete: z.boolean(),
      }),
      signOffs: z.array(
        z.object({
          function: z.enum(REVIEW_FUNCTIONS),
          decision: z.enum(SIGN_OFF_DECISIONS),
          meaning: z.string(),
          reason: z.string().nullable(),
          printedName: z.string(),
          signedAt: z.iso.datetime(),
          evidenceHash: z.string(),
          void: z.boolean().describe("Voided: the evidence changed after signing, so the function must sign again."),
          voidedAt: z.iso.datetime().nullable(),
        }),
      ),
    }),
  ),
});
export type GateListResponse = z.output<typeof gateListResponseSchema>;
