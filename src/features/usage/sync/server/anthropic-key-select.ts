import { SYNC_KEY_LABELS, type SyncKeyKind } from "@/domain/sync";

/** What leaves the server about a stored key: never its ciphertext, only the hint and who added it when. */
export const anthropicKeySelect = { id: true, kind: true, hint: true, addedBy: true, addedAt: true } as const;

export interface AnthropicKeyView {
  id: string;
  kind: SyncKeyKind;
  hint: string;
  addedBy: string;
  addedAt: Date;
}

/** The additional authenticated data a key's ciphertext is bound to: its programme and kind. */
export const keyContext = (programmeId: string, kind: SyncKeyKind) => `anthropic-key:${programmeId}:${kind}`;

export const keyLabel = (kind: SyncKeyKind) => SYNC_KEY_LABELS[kind].toLowerCase();
