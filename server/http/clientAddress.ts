/**
 * Which address a request came from, for the rate limits. Behind a TLS proxy,
 * a load balancer or a hospital NAT the socket address is the proxy's, so
 * every device would share one count (ten wrong invite codes from anyone would
 * lock every join). TRUST_PROXY says which hops may speak for the client in
 * X-Forwarded-For: a number of hops, or a comma list of proxy addresses and
 * CIDR ranges. Unset, no hop is trusted and a forged header changes nothing.
 */
import { BlockList, isIP } from 'node:net';

export type TrustProxy =
  | { readonly kind: 'none' }
  | { readonly kind: 'hops'; readonly hops: number }
  | { readonly kind: 'list'; readonly list: BlockList };

/** The address as written, with an IPv4 address mapped into IPv6 written as IPv4. */
export function plainAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, '$1');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}

function addEntry(list: BlockList, entry: string): void {
  const [address = '', prefix] = entry.split('/');
  const plain = plainAddress(address);
  const family = isIP(plain);
  if (family === 0) throw new Error(`TRUST_PROXY: "${entry}" is not an address or CIDR range`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefix === undefined) {
    list.addAddress(plain, type);
    return;
  }
  const bits = Number(prefix);
  if (!/^\d{1,3}$/.test(prefix) || bits > (family === 4 ? 32 : 128)) {
    throw new Error(`TRUST_PROXY: "${entry}" has a prefix length that does not fit`);
  }
  list.addSubnet(plain, bits, type);
}

/** Reads TRUST_PROXY: unset or empty or "0" trusts none; "2" trusts two hops; "10.0.0.0/8, ::1" a list. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === '0' || text === 'false') return { kind: 'none' };
  if (/^\d{1,2}$/.test(text)) return { kind: 'hops', hops: Number(text) };
  const list = new BlockList();
  for (const entry of text.split(',')) {
    if (entry.trim() !== '') addEntry(list, entry.trim());
  }
  return { kind: 'list', list };
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the socket's, or, for trusted hops, the address the
 * nearest untrusted hop gave in X-Forwarded-For (read from the right, as each
 * proxy appends the address it saw).
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trust: TrustProxy,
): string {
  const socket = plainAddress(socketAddress ?? 'unknown');
  if (trust.kind === 'none' || forwardedFor === undefined) return socket;
  const hops = forwardedFor
    .split(',')
    .map(plainAddress)
    .filter((a) => a !== '')
    .reverse();
  const chain = [socket, ...hops];
  if (trust.kind === 'hops') return chain[Math.min(trust.hops, chain.length - 1)] ?? socket;
  let i = 0;
  while (i < chain.length - 1 && trusted(trust.list, chain[i] ?? '')) i++;
  return chain[i] ?? socket;
}
