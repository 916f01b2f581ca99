import { describe, expect, it } from 'vitest';
import { httpRefusal, upgradeRefusal } from '../../../main/host/browser/connection-check';

const identity = { port: 4321, token: 'secret-token' };
const good = { remoteAddress: '127.0.0.1', host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4321', url: '/api?token=secret-token' };

describe('browser host connection checks', () => {
  it('accepts a loopback upgrade with our Host, Origin and token', () => {
    expect(upgradeRefusal(good, identity)).toBeUndefined();
    expect(upgradeRefusal({ ...good, remoteAddress: '::ffff:127.0.0.1', host: 'localhost:4321', origin: undefined }, identity)).toBeUndefined();
  });

  it.each([
    ['a LAN peer', { remoteAddress: '192.168.1.20' }, 'peer 192.168.1.20 is not loopback'],
    ['an IPv6 peer that is not ::1', { remoteAddress: 'fe80::1' }, 'peer fe80::1 is not loopback'],
    ['a rebound DNS name in Host', { host: 'attacker.example:4321' }, "Host 'attacker.example:4321' is not this host"],
    ['another port in Host', { host: '127.0.0.1:80' }, "Host '127.0.0.1:80' is not this host"],
    ['a foreign Origin', { origin: 'http://attacker.example:4321' }, "Origin 'http://attacker.example:4321' is not this host"],
    ['no token', { url: '/api' }, 'no token'],
    ['a wrong token', { url: '/api?token=secret-tokem' }, 'wrong token'],
    ['a token of another length', { url: '/api?token=s' }, 'wrong token'],
    ['another path', { url: '/other?token=secret-token' }, 'no API at /other'],
  ])('refuses %s', (_name, change, reason) => {
    expect(upgradeRefusal({ ...good, ...change }, identity)).toBe(reason);
  });

  it('serves files only to loopback peers under our Host', () => {
    expect(httpRefusal({ ...good, url: '/' }, identity)).toBeUndefined();
    expect(httpRefusal({ ...good, remoteAddress: '10.0.0.2' }, identity)).toBe('peer 10.0.0.2 is not loopback');
    expect(httpRefusal({ ...good, host: undefined }, identity)).toBe("Host '' is not this host");
  });
});
