"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError, inputClass } from "@/components/ui/field";
import { SYNC_KEY_LABELS, type SyncKeyKind } from "@/domain/sync";

import { removeAnthropicKeyAction } from "../actions";
import { SYNC_ENDPOINTS } from "../endpoints";

export interface KeySummary {
  kind: SyncKeyKind;
  hint: string;
  addedBy: string;
  addedAt: string; // formatted on the server
}

const KINDS: SyncKeyKind[] = ["ADMIN", "ANALYTICS"];

const WHERE_FROM: Record<SyncKeyKind, string> = {
  ADMIN: "An Admin API key (sk-ant-admin…) from the Claude Console, made by an organisation admin.",
  ANALYTICS:
    "A Claude Enterprise analytics key with the read:analytics scope, made by the Primary Owner (claude.ai → Analytics → API keys).",
};

/** The programme's admin and analytics keys: add, replace, remove. Once saved, only "…abcd" is ever shown. */
export function AnthropicKeysPanel({
  programmeSlug,
  keys,
  encryptionConfigured,
}: {
  programmeSlug: string;
  keys: KeySummary[];
  encryptionConfigured: boolean;
}) {
  return (
    <div className="space-y-4">
      {!encryptionConfigured && (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Keys cannot be saved yet: the server has no <code>GATEHOUSE_ENCRYPTION_KEY</code> to encrypt them with. An operator sets it to 32
          random bytes (<code>openssl rand -hex 32</code>) and restarts Gatehouse (<code>npm start</code> makes one by itself). Everything
          else works without it.
        </p>
      )}
      <ul className="divide-y divide-slate-100">
        {KINDS.map((kind) => (
          <KeyRow
            key={kind}
            programmeSlug={programmeSlug}
            kind={kind}
            current={keys.find((k) => k.kind === kind) ?? null}
            canSave={encryptionConfigured}
          />
        ))}
      </ul>
    </div>
  );
}

function KeyRow({
  programmeSlug,
  kind,
  current,
  canSave,
}: {
  programmeSlug: string;
  kind: SyncKeyKind;
  current: KeySummary | null;
  canSave: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [value, setValue] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const remove = useAction(removeAnthropicKeyAction, { onSuccess: () => setConfirming(false) });
  const label = SYNC_KEY_LABELS[kind];
  const id = `key-${kind.toLowerCase()}`;
  const endpoints = SYNC_ENDPOINTS.filter((e) => e.kind === kind).map((e) => e.label);

  // Not a server action: `next dev` logs action arguments, and the key must never be logged.
  async function save() {
    setSaving(true);
    setError(null);
    try {
      const res = await fetch(`/programmes/${encodeURIComponent(programmeSlug)}/dashboard/sync/keys`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind, key: value }),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
      if (!res.ok) return setError(body.error?.message ?? "The key could not be saved.");
      setValue("");
      setEditing(false);
      router.refresh();
    } catch {
      setError("The key could not be saved: the server did not answer.");
    } finally {
      setSaving(false);
    }
  }

  return (
    <li className="space-y-2 py-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{label}</h3>
          <p className="text-xs text-slate-500">Pulls: {endpoints.join("; ")}.</p>
        </div>
        {current ? (
          <p className="text-sm text-slate-700">
            <Badge tone="success">Saved</Badge> <span className="font-mono">…{current.hint}</span>
            <span className="text-slate-500">
              , added by {current.addedBy} on {current.addedAt}
            </span>
          </p>
        ) : (
          <Badge>Not set</Badge>
        )}
      </div>

      {confirming && current ? (
        <div
          role="alertdialog"
          aria-label={`Remove the ${label.toLowerCase()}?`}
          className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm"
        >
          <p>
            Remove the {label.toLowerCase()} …{current.hint}? Its endpoints are no longer synced; usage already pulled stays.
          </p>
          <FormError message={remove.result.serverError} />
          <div className="flex gap-2">
            <Button variant="danger" autoFocus pending={remove.isPending} onClick={() => remove.execute({ programmeSlug, kind })}>
              Remove key
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                remove.reset();
                setConfirming(false);
              }}
            >
              Cancel
            </Button>
          </div>
        </div>
      ) : editing || !current ? (
        <form
          noValidate
          aria-label={`${current ? "Replace" : "Add"} the ${label.toLowerCase()}`}
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor={id} className="block text-xs text-slate-600">
            {WHERE_FROM[kind]}
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id={id}
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder={`Paste the ${label.toLowerCase()}`}
              className={inputClass(Boolean(error)) + " max-w-md font-mono"}
              value={value}
              disabled={!canSave}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => {
                setValue(e.target.value);
                setError(null);
              }}
            />
            <Button type="submit" pending={saving} disabled={!canSave || value.trim() === ""}>
              {current ? "Replace key" : "Save key"}
            </Button>
            {current && (
              <Button
                type="button"
                variant="ghost"
                onClick={() => {
                  setValue("");
                  setError(null);
                  setEditing(false);
                }}
              >
                Cancel
              </Button>
            )}
          </div>
          {error && (
            <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-700">
              {error}
            </p>
          )}
          <p className="text-xs text-slate-500">Stored encrypted; it is never shown again, only its last four characters.</p>
        </form>
      ) : (
        <div className="flex gap-2">
          <Button
            variant="secondary"
            onClick={() => setEditing(true)}
            disabled={!canSave}
            aria-label={`Replace the ${label.toLowerCase()}`}
          >
            Replace
          </Button>
          <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Remove the ${label.toLowerCase()}`}>
            Remove
          </Button>
        </div>
      )}
    </li>
  );
}
