// Which Host and Origin values the dashboard answers to, and the page policy it sends.
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  headerPolicy,
  isAllowedHost,
  isLoopbackHost,
  parseHostHeader,
  policyFromIndexHtml,
} from '../../electron/web/security';

describe('host checks', () => {
  it('knows loopback addresses and names', () => {
    for (const host of ['127.0.0.1', '127.12.3.4', '::1', '[::1]', 'localhost', 'LOCALHOST']) {
      expect(isLoopbackHost(host)).toBe(true);
    }
    for (const host of ['0.0.0.0', '192.168.1.10', '::', 'localhost.attacker.example', '127.0.0.1.nip.io']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });

  it('parses Host headers with ports and IPv6 brackets', () => {
    expect(parseHostHeader('127.0.0.1:4780')).toEqual({ name: '127.0.0.1', port: 4780 });
    expect(parseHostHeader('[::1]:4780')).toEqual({ name: '::1', port: 4780 });
    expect(parseHostHeader('localhost')).toEqual({ name: 'localhost', port: 80 });
    expect(parseHostHeader('a b')).toBeNull();
  });

  it('on loopback, answers only to loopback names on its own port (a rebinding domain is refused)', () => {
    const policy = { boundHost: '127.0.0.1', port: 4780 };
    expect(isAllowedHost('127.0.0.1:4780', policy)).toBe(true);
    expect(isAllowedHost('localhost:4780', policy)).toBe(true);
    expect(isAllowedHost('[::1]:4780', policy)).toBe(true);
    expect(isAllowedHost('rebind.attacker.example:4780', policy)).toBe(false);
    expect(isAllowedHost('127.0.0.1:4781', policy)).toBe(false);
    expect(isAllowedHost(undefined, policy)).toBe(false);
  });

  it('bound to every interface (explicit opt-in), still answers to addresses only, never to other names', () => {
    const policy = { boundHost: '0.0.0.0', port: 4780 };
    expect(isAllowedHost('192.168.1.20:4780', policy)).toBe(true);
    expect(isAllowedHost('localhost:4780', policy)).toBe(true);
    expect(isAllowedHost('dashboard.attacker.example:4780', policy)).toBe(false);
  });
});

describe('page policy', () => {
  it("takes the renderer's own CSP from index.html and forbids framing", () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'" />`;
    expect(policyFromIndexHtml(html)).toBe("default-src 'self'; script-src 'self'");
    expect(headerPolicy(policyFromIndexHtml(html))).toBe(
      "default-src 'self'; script-src 'self'; frame-ancestors 'none'",
    );
  });

  it('falls back to a strict policy when the page declares none', () => {
    expect(policyFromIndexHtml('<title>x</title>')).toBeNull();
    const policy = headerPolicy(null);
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
  });
});
