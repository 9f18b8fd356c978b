import { describe, expect, it } from 'vitest';
import { assertSafeUrl, blockedReason, embeddedIPv4, guardedLookup, HostAllowlist, isPublicAddress } from './address-guard.js';
import { UnsafeUrlError } from './errors.js';

const none = new HostAllowlist([]);

describe('blockedReason', () => {
  it.each([
    '127.0.0.1',
    '127.5.5.5',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '100.64.0.1',
    '100.127.255.254',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::1',
    '[::1]',
  ])('refuses %s', (ip) => {
    expect(blockedReason(ip)).not.toBeNull();
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001::200e'])(
    'allows public %s',
    (ip) => {
      expect(blockedReason(ip)).toBeNull();
    },
  );

  it('reads IPv4 inside IPv6', () => {
    expect(embeddedIPv4('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(embeddedIPv4('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(embeddedIPv4('64:ff9b::808:808')).toBe('8.8.8.8');
    expect(embeddedIPv4('2606:4700::1')).toBeNull();
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
    ['http://169.254.169.254/latest/meta-data/', 'private-address'],
    ['http://2130706433/', 'private-address'],
    ['http://0x7f.1/', 'private-address'],
    ['http://localhost:8080/', 'private-address'],
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
      expect((e as Error).message).toMatch(/refused to fetch/);
    }
  });

  it('accepts public URLs and allowlisted private hosts', () => {
    expect(assertSafeUrl('https://www.example.com/a', none).hostname).toBe('www.example.com');
    expect(assertSafeUrl('http://127.0.0.1:3000/a', new HostAllowlist(['127.0.0.1'])).port).toBe('3000');
    expect(assertSafeUrl('http://[::1]:3000/a', new HostAllowlist(['[::1]'])).port).toBe('3000');
  });
});

describe('guardedLookup', () => {
  const lookup = (host: string, allow = none) =>
    new Promise<{ err: Error | null; address: unknown }>((resolve) => {
      guardedLookup(allow)(host, { all: true }, (err, address) => resolve({ err, address }));
    });

  it('refuses a name that resolves to loopback', async () => {
    const { err } = await lookup('localhost');
    expect(err).toBeInstanceOf(UnsafeUrlError);
    expect(err?.message).toMatch(/localhost resolves to .*loopback/);
  });

  it('resolves an allowlisted name', async () => {
    const { err, address } = await lookup('localhost', new HostAllowlist(['localhost']));
    expect(err).toBeNull();
    expect(Array.isArray(address) && address.length > 0).toBe(true);
  });
});
