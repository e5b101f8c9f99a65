import { canonicalJson, sha256Hex } from "./audit-chain";

/** What a reviewer signs: the gate, its round, and each criterion's status and evidence at that moment. */
export interface GateEvidenceSnapshot {
  gateKey: string;
  round: number;
  criteria: {
    id: string;
    title: string;
    status: string;
    ownerId: string | null;
    evidenceUrl: string | null;
    evidenceNote: string | null;
    waiverReason: string | null;
  }[];
}

/** The snapshot in its canonical order (criteria by id), as hashed and as stored with a signature. */
export function canonicalSnapshot(snapshot: GateEvidenceSnapshot): GateEvidenceSnapshot {
  return { ...snapshot, criteria: [...snapshot.criteria].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}

/** SHA-256 of the canonical JSON of the snapshot: anyone can recompute it from a gate record. */
export function gateEvidenceHash(snapshot: GateEvidenceSnapshot): string {
  return sha256Hex(canonicalJson(canonicalSnapshot(snapshot)));
}
