import { BlockList, isIP } from "node:net";

/** Parses `TRUSTED_PROXIES` ("10.0.0.1, 10.1.0.0/16, ::1"): null when an entry is not an address or CIDR. */
export function parseTrustedProxies(raw: string): BlockList | null {
  const list = new BlockList();
  for (const entry of raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [addr, prefix, extra] = entry.split("/");
    const family = isIP(addr ?? "");
    if (family === 0 || extra !== undefined) return null;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(addr!, type);
      continue;
    }
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128)) return null;
    list.addSubnet(addr!, Number(prefix), type);
  }
  return list;
}
