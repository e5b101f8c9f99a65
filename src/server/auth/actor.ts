/** Who is acting: the signed-in user, as loaded from the database. Free of Next imports (CLI, seed, tests). */
export const actorSelect = { id: true, email: true, name: true } as const;
export type Actor = { id: string; email: string; name: string };

export const auditActor = (a: Actor) => ({ id: a.id, label: `${a.name} <${a.email}>` });
