// A public status page may not redirect the engine into a private network: the client checks the address
// it actually connects to. Only loopback is reachable here, so one loopback address plays "the public
// internet" through an injected address policy, and made-up names resolve through an injected lookup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../electron/core/http/client';
import { isPublicAddress, type LookupFunction } from '../../../electron/core/http/address-guard';
import { FetchError, type HttpClient } from '../../../electron/core/http/types';
import { startServer, type FakeServer } from '../../fakes/server';
import { respond } from '../../fakes/hostile';

let publicServer: FakeServer; // "status.vendor.test": a public page
let otherPublic: FakeServer; // "cdn.vendor.test": another public host
let intranet: FakeServer; // "intranet.test": a private one, loopback really
let client: HttpClient;
/** What each made-up name resolves to right now (changed by the rebinding test). */
const names = new Map<string, string>();

/** Answers for "rebound.test", asked anew on each lookup. */
let rebinding: () => string = () => '';

const lookup: LookupFunction = (hostname, options, callback) => {
  const address = hostname === 'rebound.test' ? rebinding() : names.get(hostname);
  if (!address) {
    const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return options.all ? callback(err, []) : callback(err, '', 4);
  }
  if (options.all) return callback(null, [{ address, family: 4 }]);
  callback(null, address, 4);
};

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    return err as FetchError;
  }
  throw new Error('expected the request to fail');
}

const page = JSON.stringify({ page: { name: 'Intranet status' } });

beforeAll(async () => {
  [publicServer, otherPublic, intranet] = await Promise.all([startServer(), startServer(), startServer()]);
  names.set('status.vendor.test', publicServer.host);
  names.set('cdn.vendor.test', otherPublic.host);
  names.set('intranet.test', intranet.host);
  const publicHosts = new Set([publicServer.host, otherPublic.host]);
  client = createHttpClient({
    proxy: 'none',
    cache: false,
    lookup,
    // Everything else keeps the real classification: the intranet server is loopback, and so not public.
    isPublicAddress: (address) => publicHosts.has(address) || isPublicAddress(address),
  });
  intranet.route('/status.json', respond(200, page, { 'content-type': 'application/json' }));
  intranet.route('/hop', (_req, res) => {
    res.writeHead(302, { location: '/status.json' });
    res.end();
  });
  otherPublic.route('/status.json', respond(200, page, { 'content-type': 'application/json' }));
  const redirect = (location: string) => respond(302, '', { location });
  publicServer.route('/to-intranet-name', redirect(`http://intranet.test:${intranet.port}/status.json`));
  publicServer.route('/to-intranet-ip', redirect(`${intranet.url('/status.json')}`));
  publicServer.route('/to-cdn', redirect(`http://cdn.vendor.test:${otherPublic.port}/status.json`));
  publicServer.route('/via-cdn', redirect(`http://cdn.vendor.test:${otherPublic.port}/bounce`));
  otherPublic.route('/bounce', redirect(`http://intranet.test:${intranet.port}/status.json`));
  publicServer.route('/to-rebound', redirect(`http://rebound.test:${otherPublic.port}/status.json`));
});

afterAll(async () => {
  await client.close();
  await Promise.all([publicServer.close(), otherPublic.close(), intranet.close()]);
});

describe('redirects from a public page', () => {
  it('refuses one to a private name, without sending it any request', async () => {
    const before = intranet.count('/status.json');
    const err = await failure(client.get(`http://status.vendor.test:${publicServer.port}/to-intranet-name`));
    expect(err).toBeInstanceOf(FetchError);
    expect(err.kind).toBe('blocked');
    expect(err.message).toContain('status.vendor.test');
    expect(err.message).toContain('intranet.test');
    expect(err.message).toMatch(/loopback/);
    expect(intranet.count('/status.json')).toBe(before);
  });

  it('refuses one to a private address literal', async () => {
    const before = intranet.count('/status.json');
    const err = await failure(client.get(`http://status.vendor.test:${publicServer.port}/to-intranet-ip`));
    expect(err.kind).toBe('blocked');
    expect(err.message).toContain(intranet.host);
    expect(intranet.count('/status.json')).toBe(before);
  });

  it('refuses a private hop later in the chain, after another public one', async () => {
    const err = await failure(client.get(`http://status.vendor.test:${publicServer.port}/via-cdn`));
    expect(err.kind).toBe('blocked');
    expect(otherPublic.count('/bounce')).toBe(1);
  });

  it('checks the address it connects to, so a name that turns private after a check never gets a request', async () => {
    // DNS rebinding: the name answers public once, private every time after. A check that resolved
    // the name first and then let the connection resolve it again would end up in the intranet.
    let asked = 0;
    rebinding = () => (asked++ === 0 ? otherPublic.host : intranet.host);
    const before = intranet.count('/status.json');
    const res = await client.get(`http://status.vendor.test:${publicServer.port}/to-rebound`);
    expect(res.status).toBe(200);
    expect(intranet.count('/status.json')).toBe(before);
    expect(otherPublic.count('/status.json')).toBeGreaterThan(0);
    expect(asked).toBe(1);
  });

  it('follows one to another public host', async () => {
    const res = await client.get(`http://status.vendor.test:${publicServer.port}/to-cdn`);
    expect(res.status).toBe(200);
    expect(res.finalUrl).toBe(`http://cdn.vendor.test:${otherPublic.port}/status.json`);
  });
});

describe('a private page the user chose', () => {
  it('is read, by name and by address', async () => {
    const byName = await client.get(`http://intranet.test:${intranet.port}/status.json`);
    expect(JSON.parse(byName.body.toString())).toEqual({ page: { name: 'Intranet status' } });
    const byAddress = await client.get(intranet.url('/status.json'));
    expect(byAddress.status).toBe(200);
  });

  it('may redirect within the private network', async () => {
    const res = await client.get(`http://intranet.test:${intranet.port}/hop`);
    expect(res.status).toBe(200);
    expect(res.finalUrl).toBe(`http://intranet.test:${intranet.port}/status.json`);
  });
});

describe('address classification (ipaddr.js)', () => {
  it.each([
    ['10.0.0.1', false],
    ['172.16.5.4', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['127.0.0.1', false],
    ['::1', false],
    ['fd12:3456::1', false],
    ['fe80::1', false],
    ['::ffff:10.0.0.1', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['93.184.216.34', true],
    ['2606:4700::6810:84e5', true],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
