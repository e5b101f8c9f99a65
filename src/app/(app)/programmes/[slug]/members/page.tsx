import type { Metadata } from "next";

import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { REVIEW_FUNCTION_LABELS, ROLE_LABELS } from "@/domain/enums";
import { AddMemberForm } from "@/features/members/components/add-member-form";
import { InvitationList } from "@/features/members/components/invitation-list";
import { MemberRowEditor } from "@/features/members/components/member-row-editor";
import { listInvitations } from "@/features/members/server/list-invitations";
import { listMembers } from "@/features/members/server/list-members";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Members" };

const SIGN_IN_LABEL = { sso: "Single sign-on", password: "Password", none: "No sign-in yet" } as const;

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/members`);
  const { access, members } = await loadOr404(() => listMembers(user, slug));
  const canManage = access.can("members.manage");
  const invitations = canManage ? await listInvitations(user, slug) : [];
  return (
    <div className="space-y-6">
      <Card
        title={`Members (${members.length})`}
        action={
          access.can("tokens.manage") ? (
            <ButtonLink variant="secondary" href={`/programmes/${slug}/tokens`}>
              API tokens
            </ButtonLink>
          ) : undefined
        }
      >
        <ul className="divide-y divide-slate-100" aria-label="Members">
          {members.map((m) => (
            <li key={m.id} className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 md:flex-row md:items-start md:justify-between">
              <div className="min-w-0">
                <p className="font-medium">
                  {m.displayName} {m.user.id === user.id && <span className="text-xs font-normal text-slate-500">(you)</span>}
                </p>
                {m.displayName !== m.user.email && <p className="truncate text-sm text-slate-600">{m.user.email}</p>}
                <div className="mt-1.5 flex flex-wrap gap-1.5">
                  {m.roles.map((r) => (
                    <Badge key={r} tone={r === "PROGRAMME_MANAGER" ? "info" : "neutral"}>
                      {ROLE_LABELS[r]}
                    </Badge>
                  ))}
                  {m.functions.map((f) => (
                    <Badge key={f} tone="success">
                      {REVIEW_FUNCTION_LABELS[f]}
                    </Badge>
                  ))}
                  {m.signIn === "none" && <Badge tone="warning">{SIGN_IN_LABEL.none}</Badge>}
                </div>
              </div>
              {canManage && (
                <div className="md:max-w-md">
                  <MemberRowEditor
                    programmeSlug={slug}
                    member={{ id: m.id, name: m.displayName, roles: m.roles, functions: m.functions }}
                    isSelf={m.user.id === user.id}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      </Card>
      {canManage ? (
        <>
          <Card title={`Invitations (${invitations.length})`}>
            <InvitationList
              programmeSlug={slug}
              invitations={invitations.map((i) => ({
                id: i.id,
                email: i.email,
                name: i.name,
                roles: i.roles,
                functions: i.functions,
                sentAt: i.sentAt,
                expiresAt: i.expiresAt,
                expired: i.expired,
                invitedBy: i.invitedBy?.name ?? null,
              }))}
            />
          </Card>
          <Card title="Add a member">
            <AddMemberForm programmeSlug={slug} />
          </Card>
        </>
      ) : (
        <p className="text-sm text-slate-600">Only a programme manager can add or remove members and change roles.</p>
      )}
    </div>
  );
}
