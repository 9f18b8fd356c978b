import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { UnsafeUrlError } from './errors.js';

/** IPv4 ranges that are not the public internet (IANA special-purpose registry). */
const V4_BLOCKED: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified/"this network"'],
  ['10.0.0.0', 8, 'private (RFC 1918)'],
  ['100.64.0.0', 10, 'carrier-grade NAT (RFC 6598)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata lives here)'],
  ['172.16.0.0', 12, 'private (RFC 1918)'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private (RFC 1918)'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved/broadcast'],
];

/** IPv6 ranges that are not the public internet; ranges that embed IPv4 are handled separately. */
const V6_BLOCKED: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'discard-only'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

const rangeLists: { list: BlockList; why: string; family: 'ipv4' | 'ipv6' }[] = [];
for (const [net, prefix, why] of V4_BLOCKED) {
  const l = new BlockList();
  l.addSubnet(net, prefix, 'ipv4');
  rangeLists.push({ list: l, why, family: 'ipv4' });
}
for (const [net, prefix, why] of V6_BLOCKED) {
  const l = new BlockList();
  l.addSubnet(net, prefix, 'ipv6');
  rangeLists.push({ list: l, why, family: 'ipv6' });
}

/** Expands an IPv6 literal (no brackets, optional dotted IPv4 tail, optional zone) to 8 groups. */
function ipv6Groups(address: string): number[] | null {
  let a = address.toLowerCase();
  const zone = a.indexOf('%');
  if (zone >= 0) a = a.slice(0, zone);
  const lastColon = a.lastIndexOf(':');
  const tail = a.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (isIP(tail) !== 4) return null;
    const [o0 = 0, o1 = 0, o2 = 0, o3 = 0] = tail.split('.').map(Number);
    a = `${a.slice(0, lastColon + 1)}${((o0 << 8) | o1).toString(16)}:${((o2 << 8) | o3).toString(16)}`;
  }
  const parts = a.split('::');
  if (parts.length > 2) return null;
  const parse = (s: string) =>
    s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? Number.parseInt(g, 16) : Number.NaN));
  const head = parse(parts[0] ?? '');
  const rest = parts.length === 2 ? parse(parts[1] ?? '') : null;
  const fixed = head.length + (rest?.length ?? 0);
  if (rest === null ? fixed !== 8 : fixed > 7) return null;
  const groups = rest === null ? head : [...head, ...new Array<number>(8 - fixed).fill(0), ...rest];
  return groups.every((g) => Number.isInteger(g)) ? groups : null;
}

function v4FromGroups(hi: number, lo: number): string {
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

/**
 * The IPv4 address an IPv6 address carries, for the forms that route to it: IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
 */
export function embeddedIPv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (!g) return null;
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = g;
  const zeros5 = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeros5 && (g5 === 0xffff || g5 === 0) && (g6 !== 0 || g7 > 1)) return v4FromGroups(g6, g7);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return v4FromGroups(g6, g7);
  if (g0 === 0x2002) return v4FromGroups(g1 ?? 0, g2 ?? 0);
  return null;
}

/**
 * Why an IP address must not be fetched, or null when it is a public unicast address.
 * Non-IP strings are refused too (the caller resolves names first).
 */
export function blockedReason(address: string): string | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare.split('%')[0] ?? '');
  if (family === 4) {
    for (const r of rangeLists) if (r.family === 'ipv4' && r.list.check(bare, 'ipv4')) return `${bare} is ${r.why}`;
    return null;
  }
  if (family === 6) {
    const plain = bare.split('%')[0] ?? bare;
    const v4 = embeddedIPv4(plain);
    if (v4) {
      const inner = blockedReason(v4);
      return inner ? `${bare} embeds ${v4}, which ${inner.slice(v4.length + 1)}` : null;
    }
    for (const r of rangeLists) if (r.family === 'ipv6' && r.list.check(plain, 'ipv6')) return `${bare} is ${r.why}`;
    return null;
  }
  return `${address} is not an IP address`;
}

/** True for a public unicast address. */
export function isPublicAddress(address: string): boolean {
  return blockedReason(address) === null;
}

/** Normalised host allowlist: lower-case, brackets stripped. */
export class HostAllowlist {
  private readonly hosts: Set<string>;
  constructor(hosts: readonly string[]) {
    this.hosts = new Set(hosts.map(normaliseHost));
  }
  has(host: string): boolean {
    return this.hosts.has(normaliseHost(host));
  }
}

function normaliseHost(host: string): string {
  const h = host.trim().toLowerCase();
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

/**
 * Checks what can be checked without DNS: scheme http/https, and an IP-literal host must be
 * public (or allowlisted). Throws {@link UnsafeUrlError}; returns the parsed URL.
 */
export function assertSafeUrl(raw: string | URL, allow: HostAllowlist): URL {
  let url: URL;
  try {
    url = raw instanceof URL ? raw : new URL(raw);
  } catch {
    throw new UnsafeUrlError(String(raw), 'bad-url', 'it is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UnsafeUrlError(url.href, 'bad-scheme', `the scheme ${url.protocol} is not http or https`);
  }
  if (url.username || url.password) {
    throw new UnsafeUrlError(url.href, 'bad-url', 'it carries credentials');
  }
  const host = normaliseHost(url.hostname);
  if (allow.has(host)) return url;
  if (isIP(host)) {
    const why = blockedReason(host);
    if (why) throw new UnsafeUrlError(url.href, 'private-address', why);
  } else if (host === 'localhost' || host.endsWith('.localhost')) {
    throw new UnsafeUrlError(url.href, 'private-address', `${host} is loopback`);
  }
  return url;
}

/**
 * A `lookup` for `net.connect` that resolves a name, refuses it when ANY of its addresses is
 * not public (a name that mixes public and private answers is a rebinding attempt), and hands
 * the socket exactly the addresses it checked, so a second resolution cannot swap them.
 */
export function guardedLookup(allow: HostAllowlist): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (addresses.length === 0) {
        const e = Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
        return callback(e, '', 0);
      }
      if (!allow.has(hostname)) {
        for (const a of addresses) {
          const why = blockedReason(a.address);
          if (why)
            return callback(new UnsafeUrlError(`//${hostname}`, 'private-address', `${hostname} resolves to ${why}`), '', 0);
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}
