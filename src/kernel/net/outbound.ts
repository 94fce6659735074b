import { promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';

// The one guard for every connection Knutepunkt opens on someone's behalf (webhooks today; mail
// servers and other integrations next): a configured URL must not reach the server itself, the
// cloud's metadata service or the internal network unless the operator allowed it. The address is
// resolved once, every resolved address is checked, and the connection goes to the checked address
// (a pinned `lookup`), so a DNS answer that changes between check and connect cannot get through.

/** What kind of address a target is; everything but `public` is refused unless allowed. */
export type AddressClass =
  'public' | 'loopback' | 'private' | 'link-local' | 'unique-local' | 'shared' | 'multicast' | 'unspecified' | 'documentation' | 'reserved';

/** Never reachable, allow-list or not: «0.0.0.0» means this host, multicast is nobody's receiver. */
const neverAllowed: ReadonlySet<AddressClass> = new Set(['unspecified', 'multicast']);

interface Network {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}

/** Internal networks and host names the operator allows (OUTBOUND_ALLOWED_HOSTS); public addresses need no entry. */
export interface OutboundPolicy {
  allowedNetworks: readonly Network[];
  /** Lower-case host names; `*.example.no` allows every name under example.no. */
  allowedHosts: readonly string[];
}

/** No internal address allowed. */
export const strictOutboundPolicy: OutboundPolicy = { allowedNetworks: [], allowedHosts: [] };

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (the system resolver by default). */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

const systemLookup: HostLookup = async (hostname) => {
  const answers = await dns.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

// --- Addresses -----------------------------------------------------------------------------------

function parseIPv4(text: string): bigint | null {
  if (isIP(text) !== 4) return null;
  return text.split('.').reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function parseIPv6(text: string): bigint | null {
  const bare = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(bare) !== 6) return null;
  let groups = bare;
  // A dotted IPv4 tail (::ffff:127.0.0.1) is two 16-bit groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(groups);
  if (dotted) {
    const v4 = parseIPv4(dotted[1]!)!;
    groups = `${groups.slice(0, -dotted[1]!.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = groups.includes('::') ? groups.split('::') : [groups, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const parts = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return parts.reduce((value, part) => (value << 16n) | BigInt(parseInt(part, 16)), 0n);
}

const v4 = (text: string, prefix: number): Network => ({ family: 4, base: parseIPv4(text)!, prefix });
const v6 = (text: string, prefix: number): Network => ({ family: 6, base: parseIPv6(text)!, prefix });

function contains(network: Network, family: 4 | 6, value: bigint): boolean {
  if (network.family !== family) return false;
  const bits = BigInt(family === 4 ? 32 : 128);
  const shift = bits - BigInt(network.prefix);
  return value >> shift === network.base >> shift;
}

// IANA's special-purpose registries (RFC 6890 and successors), most specific first.
const ipv4Ranges: [Network, AddressClass][] = [
  [v4('0.0.0.0', 8), 'unspecified'],
  [v4('10.0.0.0', 8), 'private'],
  [v4('100.64.0.0', 10), 'shared'],
  [v4('127.0.0.0', 8), 'loopback'],
  [v4('169.254.0.0', 16), 'link-local'],
  [v4('172.16.0.0', 12), 'private'],
  [v4('192.0.0.0', 24), 'reserved'],
  [v4('192.0.2.0', 24), 'documentation'],
  [v4('192.88.99.0', 24), 'reserved'],
  [v4('192.168.0.0', 16), 'private'],
  [v4('198.18.0.0', 15), 'reserved'],
  [v4('198.51.100.0', 24), 'documentation'],
  [v4('203.0.113.0', 24), 'documentation'],
  [v4('224.0.0.0', 4), 'multicast'],
  [v4('240.0.0.0', 4), 'reserved'],
];

const ipv6Ranges: [Network, AddressClass][] = [
  [v6('::', 128), 'unspecified'],
  [v6('::1', 128), 'loopback'],
  [v6('::', 96), 'reserved'], // IPv4-compatible, deprecated
  [v6('64:ff9b:1::', 48), 'private'], // local-use NAT64
  [v6('100::', 64), 'reserved'], // discard-only
  [v6('2001:db8::', 32), 'documentation'],
  [v6('2001::', 23), 'reserved'], // IETF protocol assignments, Teredo
  [v6('3fff::', 20), 'documentation'],
  [v6('fc00::', 7), 'unique-local'],
  [v6('fe80::', 10), 'link-local'],
  [v6('fec0::', 10), 'private'], // site-local, deprecated
  [v6('ff00::', 8), 'multicast'],
];

/** The IPv4 address an IPv6 address stands for (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16). */
function embeddedIPv4(value: bigint): bigint | null {
  if (contains(v6('::ffff:0:0', 96), 6, value) || contains(v6('64:ff9b::', 96), 6, value)) return value & 0xffffffffn;
  if (contains(v6('2002::', 16), 6, value)) return (value >> 80n) & 0xffffffffn;
  return null;
}

function classifyIPv4(value: bigint): AddressClass {
  return ipv4Ranges.find(([network]) => contains(network, 4, value))?.[1] ?? 'public';
}

/** The class of an IP address (IPv4, IPv6 with or without brackets); null when it is not one. */
export function classifyAddress(address: string): AddressClass | null {
  const ipv4 = parseIPv4(address);
  if (ipv4 !== null) return classifyIPv4(ipv4);
  const ipv6 = parseIPv6(address);
  if (ipv6 === null) return null;
  const embedded = embeddedIPv4(ipv6);
  if (embedded !== null) return classifyIPv4(embedded);
  const special = ipv6Ranges.find(([network]) => contains(network, 6, ipv6))?.[1];
  if (special) return special;
  // Only 2000::/3 is global unicast; the rest is not handed out.
  return contains(v6('2000::', 3), 6, ipv6) ? 'public' : 'reserved';
}

// --- The allow-list ------------------------------------------------------------------------------

const hostNamePattern = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Reads an allow-list: comma- or space-separated CIDRs (10.20.0.0/16, fd00::/8), single addresses
 * and host names (hooks.intern.kommune.no, *.intern.kommune.no). One problem line per bad entry.
 */
export function parseOutboundAllowList(raw: string | undefined, variable: string): { policy: OutboundPolicy; problems: string[] } {
  const problems: string[] = [];
  const allowedNetworks: Network[] = [];
  const allowedHosts: string[] = [];
  for (const entry of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    const [addressPart, prefixPart, extra] = entry.split('/');
    const ipv4 = parseIPv4(addressPart!);
    const ipv6 = ipv4 === null ? parseIPv6(addressPart!) : null;
    if (ipv4 !== null || ipv6 !== null) {
      const family = ipv4 !== null ? 4 : 6;
      const bits = family === 4 ? 32 : 128;
      const prefix = prefixPart === undefined ? bits : Number(prefixPart);
      if (extra !== undefined || !/^\d+$/.test(prefixPart ?? String(bits)) || prefix > bits) {
        problems.push(`${variable}: "${entry}" has a bad prefix length; expected 0–${bits}, for example 10.20.0.0/16.`);
      } else if (prefix < 8) {
        problems.push(`${variable}: "${entry}" would allow most of the internet; list only the networks of your own receivers.`);
      } else allowedNetworks.push({ family, base: (ipv4 ?? ipv6)!, prefix });
      continue;
    }
    const host = entry.toLowerCase().replace(/\.$/, '');
    if (prefixPart === undefined && hostNamePattern.test(host)) allowedHosts.push(host);
    else
      problems.push(
        `${variable}: "${entry}" is not a network (10.20.0.0/16), an address (10.20.30.40) or a host name (hooks.intern.kommune.no).`,
      );
  }
  return { policy: { allowedNetworks, allowedHosts }, problems };
}

function hostAllowed(policy: OutboundPolicy, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return policy.allowedHosts.some((allowed) => (allowed.startsWith('*.') ? host.endsWith(allowed.slice(1)) : host === allowed));
}

function addressAllowed(policy: OutboundPolicy, address: string): boolean {
  const ipv4 = parseIPv4(address);
  const ipv6 = ipv4 === null ? parseIPv6(address) : null;
  const embedded = ipv6 === null ? null : embeddedIPv4(ipv6);
  return policy.allowedNetworks.some(
    (network) =>
      (ipv4 !== null && contains(network, 4, ipv4)) ||
      (ipv6 !== null && contains(network, 6, ipv6)) ||
      (embedded !== null && contains(network, 4, embedded)),
  );
}

// --- Checking a target ---------------------------------------------------------------------------

/** A target the guard refused: an internal address, or a name that did not resolve. */
export class OutboundRefusedError extends Error {
  constructor(
    readonly reason: 'internal' | 'unresolved',
    readonly host: string,
    readonly address: string | null,
    readonly addressClass: AddressClass | null,
  ) {
    super(
      reason === 'internal'
        ? `refused: ${host}${address && address !== host ? ` (${address})` : ''} is a ${addressClass} address, not allowed by OUTBOUND_ALLOWED_HOSTS`
        : `refused: ${host} could not be resolved`,
    );
    this.name = 'OutboundRefusedError';
  }
}

/** The URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

function checkAddress(policy: OutboundPolicy, host: string, address: string, hostIsAllowed: boolean): void {
  const addressClass = classifyAddress(address) ?? 'reserved';
  if (addressClass === 'public') return;
  if (!neverAllowed.has(addressClass) && (hostIsAllowed || addressAllowed(policy, address))) return;
  throw new OutboundRefusedError('internal', host, address, addressClass);
}

/**
 * The address to connect to for a URL: the literal address, or the host name resolved once with
 * every answer checked. Throws OutboundRefusedError for an internal or unresolvable target.
 */
export async function resolveOutboundTarget(url: URL, policy: OutboundPolicy, lookup: HostLookup = systemLookup): Promise<ResolvedAddress> {
  const host = hostOf(url);
  const allowedByName = hostAllowed(policy, host);
  const family = isIP(host);
  if (family !== 0) {
    checkAddress(policy, host, host, false);
    return { address: host, family: family === 6 ? 6 : 4 };
  }
  let answers: ResolvedAddress[];
  try {
    answers = await lookup(host);
  } catch {
    answers = [];
  }
  if (answers.length === 0) throw new OutboundRefusedError('unresolved', host, null, null);
  for (const answer of answers) checkAddress(policy, host, answer.address, allowedByName);
  return answers[0]!;
}

/**
 * The check a form runs when a URL is saved: refuses a literal internal address or a name that
 * resolves to one. A name that does not resolve (yet) passes: delivery checks again.
 */
export async function checkOutboundUrl(url: URL, policy: OutboundPolicy, lookup: HostLookup = systemLookup): Promise<void> {
  try {
    await resolveOutboundTarget(url, policy, lookup);
  } catch (error) {
    if (error instanceof OutboundRefusedError && error.reason === 'unresolved') return;
    throw error;
  }
}

// --- Sending -------------------------------------------------------------------------------------

export interface OutboundRequest {
  url: URL;
  /** The checked address the connection must go to. */
  address: ResolvedAddress;
  method: 'POST' | 'PUT' | 'GET';
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

/** Sends one request and gives the answer's status (the body is not read). Redirects are never followed. */
export type OutboundTransport = (request: OutboundRequest) => Promise<{ status: number }>;

/** HTTP(S) to the pinned address; the URL's host name still goes in the Host header and TLS's SNI and certificate check. */
export const pinnedHttpTransport: OutboundTransport = (request) =>
  new Promise((resolve, reject) => {
    const { address, family } = request.address;
    const transport = request.url.protocol === 'https:' ? https : http;
    const outgoing = transport.request(
      request.url,
      {
        method: request.method,
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        // Node asks with `all: true` when it may try several families; either way, the checked address only.
        lookup: ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
          if (options.all) callback(null, [{ address, family }]);
          else callback(null, address, family);
        }) as never,
        agent: false,
        signal: request.signal,
      },
      (response) => {
        response.destroy();
        resolve({ status: response.statusCode ?? 0 });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });

/** Where outgoing requests may go and how they are made (tests give their own lookup and transport). */
export interface OutboundOptions {
  policy: OutboundPolicy;
  lookup?: HostLookup;
  transport?: OutboundTransport;
}

/**
 * Checks the target and sends, all within `timeoutMs` (resolving included). Throws
 * OutboundRefusedError before any connection is made when the target is not allowed.
 */
export async function sendOutbound(
  request: { url: string; method: OutboundRequest['method']; headers: Record<string, string>; body: string; timeoutMs: number },
  options: OutboundOptions,
): Promise<{ status: number }> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  const url = new URL(request.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`refused: ${url.protocol} is not http or https`);
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(signal.reason instanceof Error ? signal.reason : new DOMException('timed out', 'TimeoutError'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => {});
  const address = await Promise.race([resolveOutboundTarget(url, options.policy, options.lookup), aborted]);
  const send = options.transport ?? pinnedHttpTransport;
  return Promise.race([send({ url, address, method: request.method, headers: request.headers, body: request.body, signal }), aborted]);
}
