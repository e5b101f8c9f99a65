/** Posts JSON to one of the account routes and reads the one error shape every route handler answers with. */
export type PostResult<T> = { ok: true; data: T } | { ok: false; message: string; fields: { path: string; message: string }[] };

export async function postJson<T>(url: string, body: unknown): Promise<PostResult<T>> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = (await res.json().catch(() => null)) as {
      error?: { message?: string; fields?: { path: string; message: string }[] };
    } | null;
    if (res.ok) return { ok: true, data: json as T };
    return {
      ok: false,
      message: json?.error?.message ?? "Something went wrong and nothing was changed. Please try again.",
      fields: json?.error?.fields ?? [],
    };
  } catch {
    return { ok: false, message: "Gatehouse could not be reached. Check your connection and try again.", fields: [] };
  }
}
