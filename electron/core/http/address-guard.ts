// Where a redirect may lead: classifies addresses with ipaddr.js and builds undici connectors that check
// the address actually connected to (after DNS, at connect time), so a public status page cannot send the
// engine into a private network, to this computer or to a cloud metadata service by redirecting there.
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { buildConnector } from 'undici';
import { FetchError } from './types';

export type LookupFunction = NonNullable<net.TcpNetConnectOpts['lookup']>;
/** True for an address on the public internet. */
export type AddressPolicy = (address: string) => boolean;

/** ipaddr.js's name of an address's range ("unicast" for a public one), or null for a non-address. */
export function addressRange(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return null;
  // process() turns an IPv4-mapped IPv6 address (::ffff:10.0.0.1) back into the IPv4 one it carries.
  return ipaddr.process(bare).range();
}

/** Public means plain unicast: loopback, private, link-local, unique-local, CGNAT, reserved… are not. */
export const isPublicAddress: AddressPolicy = (address) => addressRange(address) === 'unicast';

/** How a person would call the kind of place an address is in. */
export function describeAddress(address: string): string {
  switch (addressRange(address)) {
    case 'loopback':
      return 'this computer (a loopback address)';
    case 'private':
    case 'uniqueLocal':
    case 'carrierGradeNat':
      return 'a private network address';
    case 'linkLocal':
      return 'a link-local address (where cloud metadata services live)';
    case 'unspecified':
      return 'the unspecified address';
    default:
      return 'an address that is not on the public internet';
  }
}

export function blockedRedirectError(
  fromHost: string,
  toHost: string,
  address: string,
  cause?: unknown,
): FetchError {
  const where = toHost.replace(/^\[|\]$/g, '') === address ? address : `${toHost} (${address})`;
  return new FetchError(
    'blocked',
    `${fromHost} redirected to ${where}, ${describeAddress(address)}; StatusTray does not follow a public ` +
      `page's redirect there. Add that address yourself if you mean to watch it.`,
    { cause },
  );
}

/** The last address each host name was connected to, bounded (oldest forgotten first). */
export class ConnectedAddresses {
  private readonly byHost = new Map<string, string>();
  constructor(private readonly maxEntries = 1000) {}
  set(hostname: string, address: string): void {
    const key = hostname.toLowerCase().replace(/^\[|\]$/g, '');
    this.byHost.delete(key);
    this.byHost.set(key, address);
    if (this.byHost.size > this.maxEntries) this.byHost.delete(this.byHost.keys().next().value!);
  }
  get(hostname: string): string | undefined {
    return this.byHost.get(hostname.toLowerCase().replace(/^\[|\]$/g, ''));
  }
}

/** A request that a guarded connection refused; carries the refused address for the message. */
export class BlockedAddressError extends Error {
  readonly code = 'ERR_STATUSTRAY_BLOCKED_ADDRESS';
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname} resolved to ${address}, ${describeAddress(address)}`);
  }
}

export interface ConnectorOptions {
  /** Connect budget. */
  timeout: number;
  lookup?: LookupFunction;
  /** Every connection's address is written here, so the client knows whether a hop was public. */
  connected: ConnectedAddresses;
  /** When set, a connection to an address this policy calls non-public is refused. */
  refuseUnless?: AddressPolicy;
}

/**
 * An undici connector that records the address each connection went to and, when guarded, refuses a
 * non-public one: an IP literal before connecting, a name's DNS answer before connecting (in the
 * lookup), and the socket's remote address after (whatever resolved it).
 */
export function addressConnector({
  connected,
  refuseUnless,
  lookup,
  timeout,
}: ConnectorOptions): buildConnector.connector {
  const baseLookup: LookupFunction = lookup ?? (dns.lookup as unknown as LookupFunction);
  const guardedLookup: LookupFunction | undefined = refuseUnless
    ? (hostname, options, callback) => {
        baseLookup(hostname, options, (err, address, family) => {
          if (err) return callback(err, address, family);
          const list = Array.isArray(address) ? address : [{ address, family }];
          const bad = list.find((a) => !refuseUnless(a.address));
          if (bad) return callback(new BlockedAddressError(hostname, bad.address), address, family);
          callback(null, address, family);
        });
      }
    : lookup;
  const base = buildConnector({ timeout, ...(guardedLookup ? { lookup: guardedLookup } : {}) });
  return (opts, callback) => {
    if (refuseUnless && net.isIP(opts.hostname.replace(/^\[|\]$/g, '')) && !refuseUnless(opts.hostname)) {
      return callback(new BlockedAddressError(opts.hostname, opts.hostname.replace(/^\[|\]$/g, '')), null);
    }
    base(opts, (err, socket) => {
      if (err || !socket) return callback(err ?? new Error('no socket'), null);
      const address = socket.remoteAddress ?? '';
      connected.set(opts.hostname, address);
      if (refuseUnless && !refuseUnless(address)) {
        socket.destroy();
        return callback(new BlockedAddressError(opts.hostname, address), null);
      }
      callback(null, socket);
    });
  };
}
