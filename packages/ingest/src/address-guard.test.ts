import { ConfigError } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import {
  assertSafeUrl,
  blockedReason,
  canonicalHost,
  embeddedIPv4,
  guardedConnector,
  guardedLookup,
  HostAllowlist,
  isPublicAddress,
} from './address-guard.js';
import { UnsafeUrlError } from './errors.js';

const none = new HostAllowlist([]);

/** The two 16-bit words of a dotted IPv4 address, as hex. */
function words(v4: string): [string, string] {
  const [a = 0, b = 0, c = 0, d = 0] = v4.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

/** Teredo address with public server 65.54.227.120 and `client` obfuscated (XOR 0xffff per word). */
function teredo(client: string, server = '65.54.227.120'): string {
  const [s1, s2] = words(server);
  const [c1, c2] = words(client).map((w) => (Number.parseInt(w, 16) ^ 0xffff).toString(16));
  return `2001:0:${s1}:${s2}:8000:63bf:${c1}:${c2}`;
}

/** Every IPv6 spelling that routes to, or stands for, an IPv4 address. */
function encodings(v4: string): [string, string][] {
  const [hi, lo] = words(v4);
  return [
    ['plain', v4],
    ['mapped, dotted', `::ffff:${v4}`],
    ['mapped, hex', `::ffff:${hi}:${lo}`],
    ['mapped, expanded', `0:0:0:0:0:ffff:${hi}:${lo}`],
    ['SIIT', `::ffff:0:${v4}`],
    ['SIIT, hex', `::ffff:0:${hi}:${lo}`],
    ['IPv4-compatible', `::${v4}`],
    ['NAT64 /96', `64:ff9b::${v4}`],
    ['NAT64 /96, hex', `64:ff9b::${hi}:${lo}`],
    ['NAT64 local-use /48', `64:ff9b:1::${hi}:${lo}`],
    ['6to4', `2002:${hi}:${lo}::1`],
    ['Teredo', teredo(v4)],
  ];
}

const PRIVATE_V4 = [
  '127.0.0.1',
  '127.5.5.5',
  '10.1.2.3',
  '192.168.1.1',
  '172.16.0.1',
  '169.254.169.254',
  '0.0.0.0',
  '100.64.0.1',
  '224.0.0.1',
];

const refusedCases: [string, string][] = [
  ...PRIVATE_V4.flatMap((v4) => encodings(v4).map(([form, ip]) => [`${v4} ${form}`, ip] as [string, string])),
  ['broadcast', '255.255.255.255'],
  ['reserved 240/4', '240.0.0.1'],
  ['benchmarking', '198.18.0.1'],
  ['documentation', '192.0.2.1'],
  ['documentation', '198.51.100.1'],
  ['documentation', '203.0.113.1'],
  ['CGNAT top', '100.127.255.254'],
  ['Alibaba metadata', '100.100.100.200'],
  ['ECS metadata', '169.254.170.2'],
  ['private top', '172.31.255.255'],
  ['unspecified v6', '::'],
  ['loopback v6', '::1'],
  ['loopback v6, expanded', '0:0:0:0:0:0:0:1'],
  ['link-local v6', 'fe80::1'],
  ['link-local v6 with zone', 'fe80::1%eth0'],
  ['unique-local', 'fc00::1'],
  ['unique-local fd', 'fd12:3456::1'],
  ['AWS IPv6 metadata', 'fd00:ec2::254'],
  ['multicast v6', 'ff02::1'],
  ['site-local', 'fec0::1'],
  ['discard', '100::1'],
  ['documentation v6', '2001:db8::1'],
  ['benchmarking v6', '2001:2::1'],
  ['segment routing', '5f00::1'],
  ['documentation v6 3fff', '3fff::1'],
  ['outside 2000::/3', '::1:2:3:4'],
  ['Teredo with private server', teredo('8.8.8.8', '10.0.0.1')],
  ['bracketed', '[::1]'],
];

const publicCases: [string, string][] = [
  ['Google DNS', '8.8.8.8'],
  ['Cloudflare', '1.1.1.1'],
  ['just above 172.16/12', '172.32.0.1'],
  ['just above CGNAT', '100.128.0.1'],
  ['mapped public', '::ffff:8.8.8.8'],
  ['mapped public, hex', '::ffff:808:808'],
  ['SIIT public', '::ffff:0:8.8.8.8'],
  ['NAT64 public', '64:ff9b::8.8.8.8'],
  ['6to4 public', '2002:808:808::1'],
  ['Teredo public', teredo('8.8.8.8')],
  ['Cloudflare v6', '2606:4700::1111'],
  ['Cloudflare v6 DNS', '2606:4700:4700::1111'],
  ['Google v6', '2a00:1450:4001::200e'],
];

describe('blockedReason', () => {
  it.each(refusedCases)('refuses %s (%s)', (_what, ip) => {
    expect(blockedReason(ip)).not.toBeNull();
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(publicCases)('allows public %s (%s)', (_what, ip) => {
    expect(blockedReason(ip)).toBeNull();
  });

  it('names the embedded address and why it is refused', () => {
    expect(blockedReason('::ffff:0:0')).toBe('::ffff:0:0 is IPv4-mapped for 0.0.0.0, which is unspecified');
    expect(blockedReason('::ffff:0:127.0.0.1')).toMatch(/SIIT .* for 127\.0\.0\.1, which is loopback/);
    expect(blockedReason('2002:a00:1::1')).toMatch(/6to4 for 10\.0\.0\.1, which is private/);
    expect(blockedReason(teredo('192.168.1.1'))).toMatch(/Teredo client for 192\.168\.1\.1, which is private/);
    expect(blockedReason('64:ff9b::a9fe:a9fe')).toMatch(/NAT64 for 169\.254\.169\.254, which is cloud instance metadata/);
    expect(blockedReason('169.254.169.254')).toMatch(/cloud instance metadata/);
    expect(blockedReason('fd00:ec2::254')).toMatch(/cloud instance metadata \(AWS IPv6\)/);
    expect(blockedReason('100.64.0.1')).toMatch(/carrier-grade NAT/);
    expect(blockedReason('localhost')).toBe('localhost is not an IP address');
  });

  it('reads the IPv4 address inside IPv6', () => {
    expect(embeddedIPv4('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(embeddedIPv4('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(embeddedIPv4('::ffff:0:7f00:1')).toBe('127.0.0.1');
    expect(embeddedIPv4('::7f00:1')).toBe('127.0.0.1');
    expect(embeddedIPv4('64:ff9b::808:808')).toBe('8.8.8.8');
    expect(embeddedIPv4('2002:c0a8:101::1')).toBe('192.168.1.1');
    expect(embeddedIPv4(teredo('127.0.0.1'))).toBe('127.0.0.1');
    expect(embeddedIPv4('2606:4700::1')).toBeNull();
    expect(embeddedIPv4('8.8.8.8')).toBeNull();
  });
});

describe('assertSafeUrl', () => {
  it.each([
    ['file:///etc/passwd', 'bad-scheme'],
    ['ftp://example.com/x', 'bad-scheme'],
    ['gopher://example.com/', 'bad-scheme'],
    ['http://127.0.0.1/', 'private-address'],
    ['http://[::1]/', 'private-address'],
    ['http://[::ffff:127.0.0.1]/', 'private-address'],
    ['http://[::ffff:0.0.0.0]:6379/', 'private-address'],
    ['http://[::ffff:0:0]:6379/', 'private-address'],
    ['http://[::ffff:0:127.0.0.1]:6379/', 'private-address'],
    ['http://[::127.0.0.1]:6379/', 'private-address'],
    ['http://[64:ff9b::127.0.0.1]/', 'private-address'],
    ['http://[64:ff9b:1::7f00:1]/', 'private-address'],
    ['http://[2002:7f00:1::1]/', 'private-address'],
    [`http://[${teredo('127.0.0.1')}]/`, 'private-address'],
    ['http://169.254.169.254/latest/meta-data/', 'private-address'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'private-address'],
    ['http://2130706433/', 'private-address'],
    ['http://0x7f.1/', 'private-address'],
    ['http://0/', 'private-address'],
    ['http://localhost:8080/', 'private-address'],
    ['http://localhost./', 'private-address'],
    ['http://api.localhost/', 'private-address'],
    ['http://user:pw@example.com/', 'bad-url'],
    ['not a url', 'bad-url'],
  ])('refuses %s (%s)', (url, reason) => {
    try {
      assertSafeUrl(url, none);
      expect.unreachable(`${url} was accepted`);
    } catch (e) {
      expect(e).toBeInstanceOf(UnsafeUrlError);
      expect((e as UnsafeUrlError).reason).toBe(reason);
      expect((e as Error).message).toMatch(/^refused to fetch /);
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('accepts public URLs, IPv4 embedded in IPv6 included', () => {
    expect(assertSafeUrl('https://www.example.com/a', none).hostname).toBe('www.example.com');
    expect(assertSafeUrl('http://[::ffff:8.8.8.8]/', none).hostname).toBe('[::ffff:808:808]');
    expect(assertSafeUrl('http://[2002:808:808::1]/', none).hostname).toBe('[2002:808:808::1]');
    expect(assertSafeUrl('https://[2606:4700::1111]/', none).hostname).toBe('[2606:4700::1111]');
  });

  it('says which host:port to add to the allowlist, on one line', () => {
    const message = (url: string, allow = none) => {
      try {
        assertSafeUrl(url, allow);
        return 'accepted';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(message('http://127.0.0.1:6379/')).toMatch(/add "127\.0\.0\.1:6379" to fetch\.allowHosts \(QUOTECHECK_ALLOW_HOSTS\)$/);
    expect(message('http://127.0.0.1/')).toMatch(/add "127\.0\.0\.1:80"/);
    expect(message('https://10.0.0.1/')).toMatch(/add "10\.0\.0\.1:443"/);
    expect(message('http://[::ffff:0.0.0.0]:6379/')).toMatch(
      /^refused to fetch http:\/\/\[::ffff:0:0\]:6379\/: ::ffff:0:0 is IPv4-mapped for 0\.0\.0\.0, which is unspecified\. .*add "\[::ffff:0:0\]:6379"/,
    );
    expect(message('http://127.0.0.1:6379/', new HostAllowlist(['127.0.0.1:8080']))).toMatch(
      /allows it on port 8080 only, not 6379\). .*add "127\.0\.0\.1:6379"/,
    );
  });
});

describe('HostAllowlist ports', () => {
  const allowed = (entries: string[], url: string) => {
    try {
      assertSafeUrl(url, new HostAllowlist(entries));
      return true;
    } catch (e) {
      if (!(e instanceof UnsafeUrlError)) throw e;
      return false;
    }
  };

  it.each([
    // a bare host: 80 and 443 only
    [['127.0.0.1'], 'http://127.0.0.1/', true],
    [['127.0.0.1'], 'https://127.0.0.1/', true],
    [['127.0.0.1'], 'http://127.0.0.1:443/', true],
    [['127.0.0.1'], 'http://127.0.0.1:6379/', false],
    [['127.0.0.1'], 'http://127.0.0.1:8080/', false],
    // host:port: that port only
    [['127.0.0.1:8080'], 'http://127.0.0.1:8080/feed.xml', true],
    [['127.0.0.1:8080'], 'http://127.0.0.1/', false],
    [['127.0.0.1:8080'], 'http://127.0.0.1:6379/', false],
    [['127.0.0.1:8080', '127.0.0.1:9090'], 'http://127.0.0.1:9090/', true],
    [['127.0.0.1:80'], 'http://127.0.0.1/', true],
    [['127.0.0.1:80'], 'https://127.0.0.1/', false],
    // IPv6 literals in brackets; spellings URL normalises alike match
    [['[::1]:8080'], 'http://[::1]:8080/', true],
    [['[::1]:8080'], 'http://[0:0:0:0:0:0:0:1]:8080/', true],
    [['[::1]:8080'], 'http://[::1]:8081/', false],
    [['[::1]:8080'], 'http://[::1]/', false],
    [['[::1]'], 'http://[::1]/', true],
    [['::1'], 'https://[::1]/', true],
    [['[::ffff:0.0.0.0]:8080'], 'http://[::ffff:0:0]:8080/', true],
    // an entry allows that spelling only, not another name of the same address
    [['127.0.0.1:8080'], 'http://[::ffff:127.0.0.1]:8080/', false],
    [['127.0.0.1:8080'], 'http://localhost:8080/', false],
    [['LocalHost:8080'], 'http://localhost:8080/', true],
    [['localhost'], 'http://localhost:6379/', false],
    // public hosts need no entry on any port; an entry never narrows them
    [[], 'http://8.8.8.8:8443/', true],
    [['example.com:8080'], 'https://example.com/', true],
  ] as [string[], string, boolean][])('%j: %s -> %s', (entries, url, ok) => {
    expect(allowed(entries, url)).toBe(ok);
  });

  it('reports the ports an entry opens', () => {
    const allow = new HostAllowlist(['feeds.local', '127.0.0.1:8080', '[::1]:9000', '127.0.0.1:81']);
    expect(allow.portsOf('feeds.local')).toEqual([80, 443]);
    expect(allow.portsOf('127.0.0.1')).toEqual([81, 8080]);
    expect(allow.portsOf('[::1]')).toEqual([9000]);
    expect(allow.portsOf('::1')).toEqual([9000]);
    expect(allow.allows('FEEDS.local', 443)).toBe(true);
    expect(allow.allows('feeds.local', 6379)).toBe(false);
  });

  it.each(['127.0.0.1:0', '127.0.0.1:65536', 'host:99999', '', ':80', 'a:b:c', '[::1', '[::1]:x'])(
    'refuses the malformed entry %j with a ConfigError',
    (entry) => {
      expect(() => new HostAllowlist([entry])).toThrow(ConfigError);
      expect(() => new HostAllowlist([entry])).toThrow(/fetch\.allowHosts entry .* "127\.0\.0\.1:8080"/);
    },
  );

  it('normalises hosts as URL does', () => {
    expect(canonicalHost('[::FFFF:0.0.0.0]')).toBe('::ffff:0:0');
    expect(canonicalHost('Example.COM')).toBe('example.com');
    expect(canonicalHost('::1')).toBe('::1');
  });
});

describe('guardedLookup', () => {
  const lookup = (host: string, port: number, allow = none) =>
    new Promise<{ err: Error | null; address: unknown }>((resolve) => {
      guardedLookup(allow, port)(host, { all: true }, (err, address) => resolve({ err, address }));
    });

  it('refuses a name that resolves to loopback', async () => {
    const { err } = await lookup('localhost', 80);
    expect(err).toBeInstanceOf(UnsafeUrlError);
    expect(err?.message).toMatch(/localhost resolves to .*loopback/);
  });

  it('resolves an allowlisted name on its port only', async () => {
    const allow = new HostAllowlist(['localhost:8080']);
    const ok = await lookup('localhost', 8080, allow);
    expect(ok.err).toBeNull();
    expect(Array.isArray(ok.address) && ok.address.length > 0).toBe(true);
    const other = await lookup('localhost', 6379, allow);
    expect(other.err).toBeInstanceOf(UnsafeUrlError);
    expect(other.err?.message).toMatch(/allows it on port 8080 only, not 6379\). .*add "localhost:6379"/);
  });
});

describe('guardedConnector', () => {
  // refusals happen before any socket exists, so these cases send no packet anywhere
  const connect = (hostname: string, port: string, allow = none) =>
    new Promise<Error | null>((resolve) => {
      guardedConnector(allow)({ hostname, protocol: 'http:', port }, (err, socket) => {
        socket?.destroy();
        resolve(err);
      });
    });

  it.each([
    ['::ffff:0:0', '6379'],
    ['::ffff:7f00:1', '6379'],
    ['::ffff:0:7f00:1', '6379'],
    ['64:ff9b::7f00:1', '6379'],
    ['2002:7f00:1::1', '6379'],
    ['127.0.0.1', ''],
    ['0.0.0.0', '6379'],
  ])('refuses the literal %s port %j before opening a socket', async (host, port) => {
    const err = await connect(host, port);
    expect(err).toBeInstanceOf(UnsafeUrlError);
    expect(err?.message).toMatch(/^refused to fetch \/\/.*: .*add ".*:(6379|80)"/);
  });

  it('refuses an allowlisted literal on another port', async () => {
    const err = await connect('127.0.0.1', '6379', new HostAllowlist(['127.0.0.1:8080']));
    expect(err?.message).toMatch(/port 8080 only, not 6379/);
  });
});
