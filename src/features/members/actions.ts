"use server";

import { programmeAction } from "@/server/action-client";

import { addMemberSchema, removeMemberSchema, updateMemberSchema } from "./schemas";
import { addMember } from "./server/add-member";
import { removeMember } from "./server/remove-member";
import { updateMember } from "./server/update-member";

// Each operation authorizes the signed-in user for the programme (members.manage) against the database.
export const addMemberAction = programmeAction(addMemberSchema, addMember);
export const updateMemberAction = programmeAction(updateMemberSchema, updateMember, { result: (r) => ({ membershipId: r.id }) });
export const removeMemberAction = programmeAction(removeMemberSchema, removeMember);
