import { GATE_KEYS, type GateKey } from "@/domain/enums";

/** Gates in URLs: ARCHITECTURE_REVIEW ↔ architecture-review. */
export const gateSlug = (key: GateKey) => key.toLowerCase().replace(/_/g, "-");

export function gateKeyFromSlug(slug: string): GateKey | null {
  const key = slug.toUpperCase().replace(/-/g, "_");
  return (GATE_KEYS as readonly string[]).includes(key) ? (key as GateKey) : null;
}
