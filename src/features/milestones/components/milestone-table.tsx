"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError, inputClass } from "@/components/ui/field";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { MILESTONE_STATUS_LABELS, MILESTONE_STATUSES, PHASE_LABELS, type MilestoneStatus, type PhaseKey } from "@/domain/enums";
import { formatDate } from "@/lib/format";

import { deleteMilestoneAction, updateMilestoneAction } from "../actions";

export interface MilestoneRow {
  id: string;
  week: number;
  phase: PhaseKey;
  title: string;
  deliverable: string;
  dueDate: Date;
  status: MilestoneStatus;
  completedAt: Date | null;
  ownerId: string | null;
  ownerName: string | null;
  custom: boolean;
  slipped: boolean;
  daysLate: number;
}

const statusTone = (s: MilestoneStatus) =>
  s === "DONE" ? "success" : s === "BLOCKED" ? "danger" : s === "IN_PROGRESS" ? "info" : "neutral";
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** One milestone's edit row: status, owner and due date in one form; the programme's own milestones can be deleted. */
function EditRow({
  programmeSlug,
  m,
  members,
  onDone,
}: {
  programmeSlug: string;
  m: MilestoneRow;
  members: { id: string; name: string }[];
  onDone: () => void;
}) {
  const save = useAction(updateMilestoneAction, { onSuccess: onDone });
  const remove = useAction(deleteMilestoneAction, { onSuccess: onDone });
  const [status, setStatus] = useState<MilestoneStatus>(m.status);
  const [ownerId, setOwnerId] = useState(m.ownerId ?? "");
  const [dueDate, setDueDate] = useState(isoDay(m.dueDate));
  const dueError = save.result.validationErrors?.dueDate?._errors?.[0];
  const id = (f: string) => `ms-${m.id}-${f}`;
  return (
    <Tr>
      <Td colSpan={6} className="bg-slate-50">
        <form
          aria-label={`Edit ${m.title}`}
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            save.execute({ programmeSlug, milestoneId: m.id, status, ownerId: ownerId || null, dueDate });
          }}
        >
          <div className="space-y-1">
            <label htmlFor={id("status")} className="block text-xs font-medium text-slate-700">
              Status
            </label>
            <select
              id={id("status")}
              className={inputClass()}
              value={status}
              onChange={(e) => setStatus(e.target.value as MilestoneStatus)}
            >
              {MILESTONE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {MILESTONE_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor={id("owner")} className="block text-xs font-medium text-slate-700">
              Owner
            </label>
            <select id={id("owner")} className={inputClass()} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
              <option value="">No owner</option>
              {members.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor={id("due")} className="block text-xs font-medium text-slate-700">
              Due date
            </label>
            <input
              id={id("due")}
              type="date"
              required
              className={inputClass(!!dueError)}
              value={dueDate}
              aria-invalid={!!dueError}
              aria-describedby={dueError ? id("due-error") : undefined}
              onChange={(e) => setDueDate(e.target.value)}
            />
            {dueError && (
              <p id={id("due-error")} role="alert" className="text-xs font-medium text-red-700">
                {dueError}
              </p>
            )}
          </div>
          <div className="flex gap-2">
            <Button type="submit" pending={save.isPending}>
              Save
            </Button>
            <Button type="button" variant="secondary" onClick={onDone}>
              Cancel
            </Button>
            {m.custom && (
              <Button
                type="button"
                variant="danger"
                pending={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Delete "${m.title}"? It is recorded in the audit trail.`))
                    remove.execute({ programmeSlug, milestoneId: m.id });
                }}
              >
                Delete
              </Button>
            )}
          </div>
          <div className="basis-full">
            <FormError
              message={save.result.serverError ?? save.result.validationErrors?.ownerId?._errors?.[0] ?? remove.result.serverError}
            />
          </div>
        </form>
      </Td>
    </Tr>
  );
}

/** The plan as one compact table: a row per milestone, one edit row open at a time. */
export function MilestoneTable({
  programmeSlug,
  rows,
  members,
  canEdit,
}: {
  programmeSlug: string;
  rows: MilestoneRow[];
  members: { id: string; name: string }[];
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Table label="Milestones">
      <TableHead>
        <Tr>
          <Th>Week</Th>
          <Th>Milestone</Th>
          <Th>Owner</Th>
          <Th>Due</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Edit</span>
          </Th>
        </Tr>
      </TableHead>
      <TableBody>
        {rows.map((m) => (
          <MilestoneRowView
            key={m.id}
            m={m}
            canEdit={canEdit}
            editing={editing === m.id}
            onEdit={() => setEditing(editing === m.id ? null : m.id)}
          >
            {editing === m.id && <EditRow programmeSlug={programmeSlug} m={m} members={members} onDone={() => setEditing(null)} />}
          </MilestoneRowView>
        ))}
      </TableBody>
    </Table>
  );
}

function MilestoneRowView({
  m,
  canEdit,
  editing,
  onEdit,
  children,
}: {
  m: MilestoneRow;
  canEdit: boolean;
  editing: boolean;
  onEdit: () => void;
  children: React.ReactNode;
}) {
  return (
    <>
      <Tr>
        <Td className="text-xs text-slate-600" nowrap>
          {m.week}
        </Td>
        <Td>
          <p className="text-sm font-medium">
            {m.title} {m.custom && <Badge>Programme&apos;s own</Badge>}
          </p>
          <p className="text-xs text-slate-600">
            {PHASE_LABELS[m.phase]} · {m.deliverable}
          </p>
        </Td>
        <Td className="text-sm">{m.ownerName ?? <span className="font-medium text-amber-800">No owner</span>}</Td>
        <Td nowrap className="text-sm">
          {formatDate(m.dueDate)}
        </Td>
        <Td>
          <div className="flex flex-col items-start gap-1">
            <Badge tone={statusTone(m.status)}>{MILESTONE_STATUS_LABELS[m.status]}</Badge>
            {m.slipped && <Badge tone="warning">{m.daysLate} days late</Badge>}
            {!m.slipped && m.daysLate > 0 && <span className="text-xs text-slate-600">Done {m.daysLate} days late</span>}
          </div>
        </Td>
        <Td>
          {canEdit && (
            <Button type="button" variant="ghost" aria-expanded={editing} onClick={onEdit} aria-label={`Edit ${m.title}`}>
              Edit
            </Button>
          )}
        </Td>
      </Tr>
      {children}
    </>
  );
}
