import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { ConfigError } from '@quotecheck/shared';
import ipaddr from 'ipaddr.js';
import { buildConnector } from 'undici';
import { UnsafeUrlError } from './errors.js';

/**
 * Readable names of ipaddr.js's special ranges (its `SpecialRanges` tables are the source of
 * truth for which addresses are not public; this map only words the refusal).
 */
const RANGE_WORDS: Record<string, string> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT (100.64.0.0/10)',
  private: 'private (RFC 1918)',
  reserved: 'reserved (documentation, benchmarking, 6to4 relay or future use)',
  as112: 'AS112 DNS sink',
  amt: 'AMT multicast relay',
  uniqueLocal: 'unique-local (fc00::/7)',
  deprecatedSiteLocal: 'site-local (fec0::/10)',
  discard: 'discard-only (100::/64)',
  benchmarking: 'benchmarking',
  as112v6: 'AS112 DNS sink',
  deprecatedOrchid: 'ORCHID',
  orchid2: 'ORCHIDv2',
  droneRemoteIdProtocolEntityTags: 'drone remote ID tags',
  segmentRouting: 'segment routing (5f00::/16)',
  rfc6052: 'NAT64',
};

/**
 * Cloud instance-metadata endpoints. Every one already lies in a refused range (link-local,
 * CGNAT, reserved, unique-local); this list only names them in the refusal, since "metadata"
 * tells an operator far more than "link-local".
 */
const METADATA: Record<string, string> = {
  '169.254.169.254': 'cloud instance metadata (AWS, GCP, Azure, OCI, DigitalOcean)',
  '169.254.170.2': 'cloud container metadata (AWS ECS)',
  '169.254.169.253': 'cloud DNS resolver (AWS)',
  '169.254.169.123': 'cloud time service (AWS)',
  '100.100.100.200': 'cloud instance metadata (Alibaba)',
  '192.0.0.192': 'cloud instance metadata (Oracle)',
  'fd00:ec2::254': 'cloud instance metadata (AWS IPv6)',
  'fd00:ec2::253': 'cloud DNS resolver (AWS IPv6)',
  'fd00:ec2::123': 'cloud time service (AWS IPv6)',
};

/** IANA's IPv6 global unicast space: every public IPv6 allocation lies in it. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
/** RFC 8215 local-use NAT64 prefix: its translations are chosen by the local network. */
const NAT64_LOCAL = ipaddr.parseCIDR('64:ff9b:1::/48');

function v4FromWords(hi: number, lo: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

function parseIp(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  // only the canonical forms that URL and DNS produce; `127.1` or `0x7f.1` never reach here
  // (WHATWG URL rewrites them to dotted quads) and are not read as addresses
  if (!isIP(bare.split('%')[0] ?? '')) return null;
  try {
    return ipaddr.parse(bare);
  } catch {
    return null;
  }
}

/** An IPv4 address an IPv6 address routes to, with the name of the embedding. */
interface Embedded {
  form: string;
  v4: ipaddr.IPv4;
}

/**
 * The IPv4 addresses an IPv6 address carries, for every form that routes to them: IPv4-mapped
 * `::ffff:a.b.c.d` (Linux connects it to the IPv4 host: `::ffff:0.0.0.0` reaches 127.0.0.1),
 * SIIT `::ffff:0:a.b.c.d` (RFC 6145), IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`
 * (RFC 6052), 6to4 `2002::/16` (bits 16-47) and Teredo `2001::/32` (server in bits 32-63,
 * client in the last 32 bits XOR 0xffffffff). Empty for every other address.
 */
function embeddings(ip: ipaddr.IPv6): Embedded[] {
  const p = ip.parts as number[];
  const [p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0] = p;
  const range = ip.range();
  switch (range) {
    case 'ipv4Mapped':
      return [{ form: 'IPv4-mapped', v4: v4FromWords(p6, p7) }];
    case 'rfc6145':
      return [{ form: 'SIIT (RFC 6145)', v4: v4FromWords(p6, p7) }];
    case 'rfc6052':
      return p2 === 0 ? [{ form: 'NAT64', v4: v4FromWords(p6, p7) }] : [];
    case '6to4':
      return [{ form: '6to4', v4: v4FromWords(p1, p2) }];
    case 'teredo':
      return [
        { form: 'Teredo client', v4: v4FromWords(p6 ^ 0xffff, p7 ^ 0xffff) },
        { form: 'Teredo server', v4: v4FromWords(p2, p3) },
      ];
    default:
      // ::a.b.c.d (deprecated IPv4-compatible); :: and ::1 have ranges of their own
      if (range === 'unicast' && p0 === 0 && p1 === 0 && p2 === 0 && p3 === 0 && p4 === 0 && p5 === 0) {
        return [{ form: 'IPv4-compatible', v4: v4FromWords(p6, p7) }];
      }
      return [];
  }
}

function v4Reason(v4: ipaddr.IPv4): string | null {
  const text = v4.toString();
  const range = v4.range();
  if (range === 'unicast') return null;
  const words = RANGE_WORDS[range] ?? range;
  const meta = METADATA[text];
  return meta ? `${meta}, ${words}` : words;
}

/**
 * Why an IP address must not be fetched, or null when it is a public unicast address.
 * IPv6 addresses that embed IPv4 (see {@link embeddedIPv4}) are judged by the IPv4 address
 * they route to; every other address passes only when ipaddr.js classifies it `unicast` (and,
 * for IPv6, it lies in the global unicast space 2000::/3). Non-IP strings are refused too
 * (the caller resolves names first). Brackets and a zone index are accepted.
 */
export function blockedReason(address: string): string | null {
  const ip = parseIp(address);
  if (!ip) return `${address} is not an IP address`;
  if (ip.kind() === 'ipv4') {
    const why = v4Reason(ip as ipaddr.IPv4);
    return why ? `${address} is ${why}` : null;
  }
  const v6 = ip as ipaddr.IPv6;
  if (v6.match(NAT64_LOCAL)) return `${address} is in the local-use NAT64 prefix 64:ff9b:1::/48`;
  const inner = embeddings(v6);
  for (const { form, v4 } of inner) {
    const why = v4Reason(v4);
    if (why) return `${address} is ${form} for ${v4.toString()}, which is ${why}`;
  }
  if (inner.length > 0) return null;
  const range = v6.range();
  const meta = METADATA[v6.toString()];
  if (range !== 'unicast') return `${address} is ${meta ? `${meta}, ` : ''}${RANGE_WORDS[range] ?? range}`;
  if (!v6.match(GLOBAL_UNICAST_V6)) return `${address} is outside the global unicast space 2000::/3`;
  return null;
}

/**
 * The IPv4 address an IPv6 address routes to (mapped, SIIT, IPv4-compatible, NAT64 /96, 6to4,
 * Teredo client), or null when it embeds none.
 */
export function embeddedIPv4(address: string): string | null {
  const ip = parseIp(address);
  if (ip?.kind() !== 'ipv6') return null;
  return embeddings(ip as ipaddr.IPv6)[0]?.v4.toString() ?? null;
}

/** True for a public unicast address. */
export function isPublicAddress(address: string): boolean {
  return blockedReason(address) === null;
}

/**
 * A host as WHATWG URL writes it, without IPv6 brackets: lower case, IPv6 compressed
 * (`::ffff:0.0.0.0` becomes `::ffff:0:0`), so an allowlist entry and a URL compare equal.
 */
export function canonicalHost(host: string): string {
  const h = host.trim().toLowerCase();
  const bare = h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
  try {
    const parsed = new URL(`http://${isIP(bare) === 6 ? `[${bare}]` : bare}/`).hostname;
    return parsed.startsWith('[') ? parsed.slice(1, -1) : parsed;
  } catch {
    return bare;
  }
}

/** The port a URL connects to: its explicit port, else 443 for https and 80 for http. */
export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Ports a bare allowlist entry opens: plain HTTP and HTTPS only. */
const DEFAULT_PORTS = [80, 443] as const;

/**
 * `fetch.allowHosts`: hosts that may resolve to loopback/private addresses, each on given ports.
 * An entry is `host` (ports 80 and 443 only), `host:port` (that port only) or `[v6]:port`;
 * a bare unbracketed IPv6 literal is read as a host. Host names and IP literals match only as
 * written (after URL normalisation): allowing `127.0.0.1:8080` does not allow `localhost:8080`
 * or `[::ffff:127.0.0.1]:8080`.
 */
export class HostAllowlist {
  private readonly ports = new Map<string, Set<number>>();

  /** @throws {ConfigError} for an entry that is not `host`, `host:port` or `[v6]:port`. */
  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const { host, port } = parseEntry(raw);
      const set = this.ports.get(host) ?? new Set<number>();
      for (const p of port === null ? DEFAULT_PORTS : [port]) set.add(p);
      this.ports.set(host, set);
    }
  }

  /** True when `host` (any spelling URL normalises alike) is allowed on `port`. */
  allows(host: string, port: number): boolean {
    return this.ports.get(canonicalHost(host))?.has(port) ?? false;
  }

  /** The ports `host` is allowed on, ascending (empty when it is not listed). */
  portsOf(host: string): number[] {
    return [...(this.ports.get(canonicalHost(host)) ?? [])].sort((a, b) => a - b);
  }
}

function parseEntry(raw: string): { host: string; port: number | null } {
  const e = raw.trim().toLowerCase();
  let host = e;
  let port: string | null = null;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(e);
  if (v6) {
    host = v6[1] ?? '';
    port = v6[2] ?? null;
  } else if (isIP(e) !== 6) {
    const m = /^([^:]+)(?::(\d+))?$/.exec(e);
    host = m?.[1] ?? '';
    port = m?.[2] ?? null;
    if (!m) host = '';
  }
  const n = port === null ? null : Number(port);
  if (!host || (n !== null && !(Number.isInteger(n) && n >= 1 && n <= 65_535))) {
    throw new ConfigError(
      `fetch.allowHosts entry ${JSON.stringify(raw)} is not host or host:port (port 1-65535): write e.g. "127.0.0.1:8080" or "[::1]:8080"`,
    );
  }
  return { host: canonicalHost(host), port: n };
}

/** The allowlist's word on a host listed for other ports, appended to a refusal. */
function portNote(allow: HostAllowlist, host: string, port: number): string {
  const ports = allow.portsOf(host);
  return ports.length ? ` (fetch.allowHosts allows it on port ${ports.join(', ')} only, not ${port})` : '';
}

/**
 * Checks what can be checked without DNS: scheme http/https, no credentials, and an IP-literal
 * host must be public unless allowlisted with this URL's port. Throws {@link UnsafeUrlError};
 * returns the parsed URL. Host names are checked after resolution by {@link guardedLookup}.
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
  const host = canonicalHost(url.hostname);
  const port = portOf(url);
  if (allow.allows(host, port)) return url;
  if (isIP(host)) {
    const why = blockedReason(host);
    if (why) throw new UnsafeUrlError(url.href, 'private-address', why + portNote(allow, host, port));
  } else {
    const name = host.replace(/\.$/, '');
    if (name === 'localhost' || name.endsWith('.localhost')) {
      throw new UnsafeUrlError(url.href, 'private-address', `${host} is loopback${portNote(allow, host, port)}`);
    }
  }
  return url;
}

/**
 * A `lookup` for `net.connect` to `port` that resolves a name, refuses it when ANY of its
 * addresses is not public (a name that mixes public and private answers is a rebinding
 * attempt) unless the name is allowlisted on that port, and hands the socket exactly the
 * addresses it checked, so a second resolution cannot swap them.
 */
export function guardedLookup(allow: HostAllowlist, port: number): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (addresses.length === 0) {
        const e = Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
        return callback(e, '', 0);
      }
      if (!allow.allows(hostname, port)) {
        for (const a of addresses) {
          const why = blockedReason(a.address);
          if (why) {
            const detail = `${hostname} resolves to ${why}${portNote(allow, hostname, port)}`;
            // `//host:port/`: the client names the URL it was fetching in its place
            return callback(new UnsafeUrlError(`//${hostname}:${port}/`, 'private-address', detail), '', 0);
          }
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

/** Socket options of {@link guardedConnector}, as undici's `buildConnector` takes them (no `lookup`). */
export type GuardedConnectorOptions = Omit<buildConnector.BuildOptions, 'lookup'>;

/**
 * An undici `connect` function that is the last gate before a socket opens: an IP-literal
 * host is classified here (net.connect skips `lookup` for literals), a name goes through
 * {@link guardedLookup} bound to the connection's port, and the socket connects to the very
 * addresses that were checked. {@link assertSafeUrl} runs first on every URL and redirect;
 * this gate holds even for a request that skipped it.
 */
export function guardedConnector(allow: HostAllowlist, options: GuardedConnectorOptions = {}): buildConnector.connector {
  // one connector per port because net.connect gives `lookup` the host only; ports are few
  const byPort = new Map<number, buildConnector.connector>();
  return (opts, callback) => {
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    const host = opts.hostname;
    if (isIP(host) && !allow.allows(host, port)) {
      const why = blockedReason(host);
      if (why) {
        const shown = isIP(host) === 6 ? `[${host}]` : host;
        const err = new UnsafeUrlError(`//${shown}:${port}/`, 'private-address', why + portNote(allow, host, port));
        process.nextTick(() => callback(err, null));
        return;
      }
    }
    let connect = byPort.get(port);
    if (!connect) {
      connect = buildConnector({ ...options, lookup: guardedLookup(allow, port) } as buildConnector.BuildOptions);
      byPort.set(port, connect);
    }
    connect(opts, callback);
  };
}
