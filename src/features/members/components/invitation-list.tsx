"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { FormError } from "@/components/ui/field";
import { REVIEW_FUNCTION_LABELS, ROLE_LABELS, type ReviewFunction, type Role } from "@/domain/enums";
import { formatDateTime } from "@/lib/format";

import { resendInvitationAction, revokeInvitationAction } from "../actions";

export interface InvitationView {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  functions: ReviewFunction[];
  sentAt: Date;
  expiresAt: Date;
  expired: boolean;
  invitedBy: string | null;
}

/** Open invitations, each with Resend (a new link, shown once) and Revoke. */
export function InvitationList({ programmeSlug, invitations }: { programmeSlug: string; invitations: InvitationView[] }) {
  if (invitations.length === 0) return <p className="text-sm text-slate-600">No open invitations.</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="Invitations">
      {invitations.map((i) => (
        <InvitationRow key={i.id} programmeSlug={programmeSlug} invitation={i} />
      ))}
    </ul>
  );
}

function InvitationRow({ programmeSlug, invitation: i }: { programmeSlug: string; invitation: InvitationView }) {
  const [link, setLink] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const resend = useAction(resendInvitationAction, { onSuccess: ({ data }) => setLink(data?.link ?? null) });
  const revoke = useAction(revokeInvitationAction);
  return (
    <li className="space-y-3 py-3 first:pt-0 last:pb-0">
      <div className="flex flex-col gap-3 md:flex-row md:items-start md:justify-between">
        <div className="min-w-0">
          <p className="font-medium">{i.name}</p>
          <p className="truncate text-sm text-slate-600">{i.email}</p>
          <div className="mt-1.5 flex flex-wrap gap-1.5">
            {i.roles.map((r) => (
              <Badge key={r}>{ROLE_LABELS[r]}</Badge>
            ))}
            {i.functions.map((f) => (
              <Badge key={f} tone="success">
                {REVIEW_FUNCTION_LABELS[f]}
              </Badge>
            ))}
            {i.expired ? <Badge tone="warning">Expired</Badge> : <Badge tone="info">Invited</Badge>}
          </div>
          <p className="mt-1 text-xs text-slate-600">
            Sent {formatDateTime(i.sentAt)}
            {i.invitedBy ? ` by ${i.invitedBy}` : ""} · {i.expired ? "expired" : "expires"} {formatDateTime(i.expiresAt)}
          </p>
        </div>
        {!confirming ? (
          <div className="flex gap-2">
            <Button
              variant="secondary"
              pending={resend.isPending}
              onClick={() => resend.execute({ programmeSlug, invitationId: i.id })}
              aria-label={`Resend the invitation to ${i.email}`}
            >
              Resend
            </Button>
            <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Revoke the invitation to ${i.email}`}>
              Revoke
            </Button>
          </div>
        ) : (
          <div
            role="alertdialog"
            aria-label={`Revoke the invitation to ${i.email}?`}
            className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm"
          >
            <p>Revoke this invitation? Its link stops working at once.</p>
            <FormError message={revoke.result.serverError} />
            <div className="flex gap-2">
              <Button
                variant="danger"
                pending={revoke.isPending}
                onClick={() => revoke.execute({ programmeSlug, invitationId: i.id })}
                autoFocus
              >
                Revoke invitation
              </Button>
              <Button
                variant="ghost"
                onClick={() => {
                  revoke.reset();
                  setConfirming(false);
                }}
              >
                Cancel
              </Button>
            </div>
          </div>
        )}
      </div>
      <FormError message={resend.result.serverError} />
      {link && (
        <div className="rounded-md bg-emerald-50 px-3 py-3">
          <p role="status" className="mb-2 text-sm text-emerald-800">
            Sent again to {i.email} with a new link; the old link no longer works.
          </p>
          <CopyField label={`New invitation link for ${i.email}`} value={link} note="Shown only now." />
        </div>
      )}
    </li>
  );
}
