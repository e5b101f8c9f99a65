"use server";

import { programmeAction } from "@/server/action-client";

import { addMemberSchema, invitationActionSchema, removeMemberSchema, updateMemberSchema } from "./schemas";
import { addMember } from "./server/add-member";
import { removeMember } from "./server/remove-member";
import { resendInvitation } from "./server/resend-invitation";
import { revokeInvitation } from "./server/revoke-invitation";
import { updateMember } from "./server/update-member";

// Each operation authorizes the signed-in user for the programme (members.manage) against the database.
// An invitation's link is in the result once, for the programme manager to copy.
export const addMemberAction = programmeAction(addMemberSchema, addMember);
export const updateMemberAction = programmeAction(updateMemberSchema, updateMember, { result: (r) => ({ membershipId: r.id }) });
export const removeMemberAction = programmeAction(removeMemberSchema, removeMember);
export const resendInvitationAction = programmeAction(invitationActionSchema, resendInvitation);
export const revokeInvitationAction = programmeAction(invitationActionSchema, revokeInvitation);
