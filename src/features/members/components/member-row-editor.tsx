"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ReviewFunction, Role } from "@/domain/enums";

import { removeMemberAction, updateMemberAction } from "../actions";
import { updateMemberSchema } from "../schemas";
import { RoleFields } from "./role-fields";

export function MemberRowEditor({
  programmeSlug,
  member,
  isSelf,
}: {
  programmeSlug: string;
  member: { id: string; name: string; roles: Role[]; functions: ReviewFunction[] };
  isSelf: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const defaults = { programmeSlug, membershipId: member.id, roles: member.roles, functions: member.functions };
  const { form, action, handleSubmitWithAction } = useHookFormAction(updateMemberAction, zodResolver(updateMemberSchema), {
    formProps: { defaultValues: defaults },
    actionProps: { onSuccess: () => setEditing(false) },
  });
  const remove = useAction(removeMemberAction);

  if (!editing && !confirming) {
    return (
      <div className="flex gap-2">
        <Button
          variant="secondary"
          onClick={() => {
            form.reset(defaults);
            setEditing(true);
          }}
          aria-label={`Change roles of ${member.name}`}
        >
          Change roles
        </Button>
        <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Remove ${member.name}`}>
          Remove
        </Button>
      </div>
    );
  }
  if (confirming) {
    return (
      <div
        role="alertdialog"
        aria-label={`Remove ${member.name}?`}
        className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm"
      >
        <p>
          Remove <strong>{member.name}</strong>
          {isSelf ? " (you)" : ""} from this programme? They lose access at once.
        </p>
        <FormError message={remove.result.serverError} />
        <div className="flex gap-2">
          <Button
            variant="danger"
            pending={remove.isPending}
            onClick={() => remove.execute({ programmeSlug, membershipId: member.id })}
            autoFocus
          >
            Remove member
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
    );
  }
  return (
    <form
      method="post"
      onSubmit={handleSubmitWithAction}
      noValidate
      className="w-full space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      aria-label={`Roles of ${member.name}`}
    >
      <FormError message={action.result.serverError} />
      <RoleFields form={form as never} idPrefix={`m-${member.id}`} />
      <div className="flex gap-2">
        <Button type="submit" pending={action.isPending}>
          Save roles
        </Button>
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            action.reset();
            setEditing(false);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
