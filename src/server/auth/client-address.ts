import { isIP, type BlockList } from "node:net";

import { env } from "../env";
import { DEVICE_COOKIE } from "./device-cookie";
import { parseTrustedProxies } from "./trusted-proxies";

let trusted: { raw: string | undefined; list: BlockList | null } | undefined;

function trustedProxies(): BlockList | null {
  const raw = env().TRUSTED_PROXIES;
  if (!trusted || trusted.raw !== raw) trusted = { raw, list: raw ? parseTrustedProxies(raw) : null };
  return trusted.list;
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
}

const bare = (a: string) => {
  const v = a.trim().replace(/^\[(.*)\](?::\d+)?$/, "$1");
  return v.startsWith("::ffff:") && isIP(v.slice(7)) === 4 ? v.slice(7) : v;
};

const isTrusted = (list: BlockList, a: string) => {
  const family = isIP(a);
  return family !== 0 && list.check(a, family === 4 ? "ipv4" : "ipv6");
};

/**
 * The client's address, only as vouched for by a trusted proxy: with `TRUSTED_PROXIES` set, the
 * right-most `X-Forwarded-For` entry that is not one of those proxies (every entry to its left could
 * have been written by the client). Unset: null — `X-Forwarded-For` is ignored, because Next.js keeps a
 * header the client sent and route handlers cannot see the socket's address.
 */
export function trustedClientAddress(headers: unknown): string | null {
  const list = trustedProxies();
  if (!list) return null;
  const hops = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map(bare)
    .filter((a) => a !== "");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return null;
    if (!isTrusted(list, hop)) return hop;
  }
  return hops[0] ?? null;
}

/** A key for limits counted per address: the trusted address, else one fixed key for every client. */
export function clientAddress(headers: unknown): string {
  return trustedClientAddress(headers) ?? "untrusted";
}

/** The device cookie's value, when it looks like one the proxy set. */
export function deviceId(headers: unknown): string | null {
  const cookie = header(headers, "cookie") ?? "";
  const m = new RegExp(`(?:^|;\\s*)${DEVICE_COOKIE}=([0-9a-f-]{36})(?:;|$)`).exec(cookie);
  return m ? m[1]! : null;
}
