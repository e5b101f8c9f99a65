import { canonicalJson, sha256Hex } from "./audit-chain";

/** What a reviewer signs: the gate, its round, and each criterion's status and evidence at that moment. */
export interface GateEvidenceSnapshot {
  gateKey: string;
  round: number;
  criteria: { id: string; title: string; status: string; ownerId: string | null; evidenceUrl: string | null; evidenceNote: string | null; waiverReason: string | null }[];
}

export function gateEvidenceHash(snapshot: GateEvidenceSnapshot): string {
  const criteria = [...snapshot.criteria].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sha256Hex(canonicalJson({ ...snapshot, criteria }));
}
