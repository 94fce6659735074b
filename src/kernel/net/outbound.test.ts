import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkOutboundUrl,
  classifyAddress,
  OutboundRefusedError,
  parseOutboundAllowList,
  resolveOutboundTarget,
  sendOutbound,
  strictOutboundPolicy,
  type HostLookup,
} from './outbound.js';

const lookupOf =
  (...addresses: string[]): HostLookup =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const allow = (raw: string) => {
  const { policy, problems } = parseOutboundAllowList(raw, 'OUTBOUND_ALLOWED_HOSTS');
  expect(problems).toEqual([]);
  return policy;
};

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fd00:ec2::254', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.254', 'shared'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['::127.0.0.1', 'reserved'],
    ['2001:db8::1', 'documentation'],
    ['192.0.2.10', 'documentation'],
    ['8.8.8.8', 'public'],
    ['100.128.0.1', 'public'],
    ['172.32.0.1', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['2a01:4f8::1', 'public'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('is null for what is not an address', () => {
    expect(classifyAddress('localhost')).toBeNull();
    expect(classifyAddress('256.0.0.1')).toBeNull();
  });
});

describe('parseOutboundAllowList', () => {
  it('reads networks, addresses and host names, and explains each bad entry in one line', () => {
    const { policy, problems } = parseOutboundAllowList(
      '10.20.0.0/16, fd00::/8 127.0.0.1 hooks.intern.kommune.no,*.sak.kommune.no 10.0.0.0/33 0.0.0.0/0 not_a_host 1.2.3.4/8/9',
      'OUTBOUND_ALLOWED_HOSTS',
    );
    expect(policy.allowedNetworks).toHaveLength(3);
    expect(policy.allowedHosts).toEqual(['hooks.intern.kommune.no', '*.sak.kommune.no']);
    expect(problems).toHaveLength(4);
    for (const problem of problems) {
      expect(problem).toMatch(/^OUTBOUND_ALLOWED_HOSTS: "/);
      expect(problem).not.toContain('\n');
    }
  });
});

describe('resolveOutboundTarget', () => {
  it.each([
    'http://127.0.0.1/',
    'http://[::1]/',
    'http://10.0.0.5/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0:3000/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://100.64.1.1/',
    'http://[fd12::1]/',
  ])('refuses the literal %s', async (url) => {
    await expect(resolveOutboundTarget(new URL(url), strictOutboundPolicy, lookupOf('8.8.8.8'))).rejects.toBeInstanceOf(
      OutboundRefusedError,
    );
  });

  it('refuses a name when any of its addresses is internal, and accepts a public one', async () => {
    await expect(
      resolveOutboundTarget(new URL('https://hooks.example.no/'), strictOutboundPolicy, lookupOf('8.8.8.8', '10.0.0.1')),
    ).rejects.toThrow(/hooks\.example\.no \(10\.0\.0\.1\) is a private address/);
    expect(await resolveOutboundTarget(new URL('https://hooks.example.no/'), strictOutboundPolicy, lookupOf('8.8.8.8'))).toEqual({
      address: '8.8.8.8',
      family: 4,
    });
  });

  it('refuses localhost through the system resolver', async () => {
    await expect(resolveOutboundTarget(new URL('http://localhost:8080/'), strictOutboundPolicy)).rejects.toMatchObject({
      reason: 'internal',
      addressClass: 'loopback',
    });
  });

  it('lets the allow-list open internal networks and host names, never 0.0.0.0 or multicast', async () => {
    const policy = allow('10.20.0.0/16 127.0.0.1 hooks.intern.kommune.no *.sak.kommune.no 0.0.0.0/8 224.0.0.0/8');
    await expect(resolveOutboundTarget(new URL('http://10.20.3.4/'), policy)).resolves.toEqual({ address: '10.20.3.4', family: 4 });
    await expect(resolveOutboundTarget(new URL('http://[::ffff:10.20.3.4]/'), policy)).resolves.toMatchObject({ family: 6 });
    await expect(resolveOutboundTarget(new URL('http://10.21.0.1/'), policy)).rejects.toBeInstanceOf(OutboundRefusedError);
    await expect(resolveOutboundTarget(new URL('http://hooks.intern.kommune.no/'), policy, lookupOf('10.99.0.1'))).resolves.toBeTruthy();
    await expect(resolveOutboundTarget(new URL('http://a.b.sak.kommune.no/'), policy, lookupOf('10.99.0.1'))).resolves.toBeTruthy();
    await expect(resolveOutboundTarget(new URL('http://sak.kommune.no.evil.no/'), policy, lookupOf('10.99.0.1'))).rejects.toThrow();
    await expect(resolveOutboundTarget(new URL('http://0.0.0.0/'), policy)).rejects.toMatchObject({ addressClass: 'unspecified' });
    await expect(resolveOutboundTarget(new URL('http://224.0.0.9/'), policy)).rejects.toMatchObject({ addressClass: 'multicast' });
  });

  it('lets a form save a name that does not resolve yet (delivery checks again)', async () => {
    const nowhere: HostLookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expect(checkOutboundUrl(new URL('https://not-yet.example.no/'), strictOutboundPolicy, nowhere)).resolves.toBeUndefined();
    await expect(resolveOutboundTarget(new URL('https://not-yet.example.no/'), strictOutboundPolicy, nowhere)).rejects.toMatchObject({
      reason: 'unresolved',
    });
    await expect(checkOutboundUrl(new URL('https://x.example.no/'), strictOutboundPolicy, lookupOf('127.0.0.1'))).rejects.toMatchObject({
      reason: 'internal',
    });
  });
});

describe('sendOutbound', () => {
  const received: string[] = [];
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      received.push(`${request.method} ${request.headers.host} ${request.url}`);
      if (request.url === '/redirect') response.writeHead(302, { location: `http://127.0.0.1:${port}/target` }).end();
      else response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const post = (url: string, options: Parameters<typeof sendOutbound>[1]) =>
    sendOutbound({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', timeoutMs: 5_000 }, options);

  it('never connects to a refused target', async () => {
    received.length = 0;
    await expect(post(`http://127.0.0.1:${port}/`, { policy: strictOutboundPolicy })).rejects.toBeInstanceOf(OutboundRefusedError);
    await expect(post(`http://localhost:${port}/`, { policy: strictOutboundPolicy })).rejects.toBeInstanceOf(OutboundRefusedError);
    expect(received).toEqual([]);
  });

  it('connects to the address it checked, resolving once (a changed DNS answer cannot get through)', async () => {
    received.length = 0;
    const answers = ['127.0.0.1', '10.0.0.1'];
    let asked = 0;
    const rebinding: HostLookup = async () => [{ address: answers[asked++] ?? '10.0.0.1', family: 4 }];
    const result = await post(`http://rebind.test:${port}/hook`, { policy: allow('127.0.0.1'), lookup: rebinding });
    expect(result.status).toBe(204);
    expect(asked).toBe(1);
    expect(received).toEqual([`POST rebind.test:${port} /hook`]);
  });

  it('does not follow a redirect', async () => {
    received.length = 0;
    expect((await post(`http://127.0.0.1:${port}/redirect`, { policy: allow('127.0.0.1') })).status).toBe(302);
    expect(received).toEqual([`POST 127.0.0.1:${port} /redirect`]);
  });
});
