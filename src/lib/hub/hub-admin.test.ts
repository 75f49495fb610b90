import { describe, expect, it } from 'vitest';
import {
  basicAuth,
  claimDeviceUser,
  hubAdmin,
  requests,
  splitDbUrl,
  withMember,
  type HubRequest
} from './hub-admin';
import type { Random } from './hub-pairing';

const db = 'https://hub.example.jp/hub/clinic';
const admin = { user: 'admin', password: 'パスワード-1' };
const device = { user: 'tebikae-dev-0a1b2c3d4e5f', password: 'first' };

describe('hub admin requests', () => {
  it('find _users beside the database, and authenticate with Basic over UTF-8', () => {
    expect(splitDbUrl(db + '/')).toEqual({ root: 'https://hub.example.jp/hub/', db: 'clinic' });
    expect(basicAuth({ user: 'a', password: 'b' })).toBe('Basic ' + btoa('a:b'));
    const utf8 = atob(basicAuth(admin).slice(6));
    expect(new TextDecoder().decode(Uint8Array.from(utf8, (c) => c.charCodeAt(0)))).toBe(
      'admin:パスワード-1'
    );
  });

  it('create a device user in _users as a plain user (no roles), as the admin', () => {
    const r = requests.createUser(db, admin, device);
    expect(r.method).toBe('PUT');
    expect(r.url).toBe('https://hub.example.jp/hub/_users/org.couchdb.user%3Atebikae-dev-0a1b2c3d4e5f');
    expect(r.headers.authorization).toBe(basicAuth(admin));
    expect(JSON.parse(r.body!)).toEqual({ name: device.user, password: 'first', roles: [], type: 'user' });
  });

  it('delete a user at its revision, and let a user rewrite only its own password and label', () => {
    const doc = { _id: 'org.couchdb.user:' + device.user, _rev: '2-abc', name: device.user };
    expect(requests.deleteUser(db, admin, doc)).toMatchObject({
      method: 'DELETE',
      url: expect.stringMatching(/_users\/org\.couchdb\.user%3Atebikae-dev-0a1b2c3d4e5f\?rev=2-abc$/)
    });
    const change = requests.changeOwnPassword(db, device, doc, 'second', 'B');
    expect(change.headers.authorization).toBe(basicAuth(device));
    expect(JSON.parse(change.body!)).toEqual({
      _id: doc._id,
      _rev: '2-abc',
      name: device.user,
      roles: [],
      type: 'user',
      password: 'second',
      deviceLabel: 'B'
    });
  });

  it('add and take out a member of _security, keeping the other names and the admins', () => {
    const security = {
      admins: { names: ['boss'], roles: [] },
      members: { names: ['tebikae-clinic'], roles: ['staff'] }
    };
    const added = withMember(security, device.user, true);
    expect(added.members).toEqual({ names: ['tebikae-clinic', device.user], roles: ['staff'] });
    expect(withMember(added, device.user, true).members.names).toHaveLength(2);
    expect(withMember(added, device.user, false)).toEqual(security);
    expect(requests.writeSecurity(db, admin, added)).toMatchObject({
      method: 'PUT',
      url: 'https://hub.example.jp/hub/clinic/_security'
    });
  });
});

/** A hub as a list of answers, recording what was asked. */
function fakeHub(answers: [number, unknown][]) {
  const asked: HubRequest[] = [];
  const send = (r: HubRequest) => {
    asked.push(r);
    const [status, body] = answers.shift() ?? [500, {}];
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
  return { asked, send };
}

describe('hub admin operations', () => {
  it('add a device: the user, then the members with it', async () => {
    const hub = fakeHub([
      [201, { ok: true }],
      [200, {}],
      [200, { ok: true }]
    ]);
    expect(await hubAdmin(db, admin, hub.send).addDevice(device)).toEqual({ ok: true, value: undefined });
    expect(hub.asked.map((r) => r.method)).toEqual(['PUT', 'GET', 'PUT']);
    expect(JSON.parse(hub.asked[2]!.body!).members.names).toEqual([device.user]);
  });

  it('say refused when the admin credentials are wrong, unreachable when the hub is down', async () => {
    expect(await hubAdmin(db, admin, fakeHub([[401, {}]]).send).addDevice(device)).toEqual({
      ok: false,
      error: 'refused'
    });
    const down = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await hubAdmin(db, admin, down).devices()).toEqual({ ok: false, error: 'unreachable' });
  });

  it('list only per-device members that still have a user, with their labels', async () => {
    const hub = fakeHub([
      [200, { members: { names: ['tebikae-clinic', 'tebikae-dev-1', 'tebikae-dev-2'] } }],
      [200, { _id: 'org.couchdb.user:tebikae-dev-1', _rev: '1-a', name: 'tebikae-dev-1', deviceLabel: 'B' }],
      [404, { error: 'not_found' }]
    ]);
    expect(await hubAdmin(db, admin, hub.send).devices()).toEqual({
      ok: true,
      value: [{ user: 'tebikae-dev-1', label: 'B' }]
    });
  });

  it('remove a device: its user deleted at its revision, then out of the members', async () => {
    const hub = fakeHub([
      [200, { _id: 'org.couchdb.user:tebikae-dev-1', _rev: '3-c', name: 'tebikae-dev-1' }],
      [200, { ok: true }],
      [200, { members: { names: ['tebikae-dev-1', 'tebikae-dev-2'] } }],
      [200, { ok: true }]
    ]);
    expect((await hubAdmin(db, admin, hub.send).removeDevice('tebikae-dev-1')).ok).toBe(true);
    expect(hub.asked.map((r) => r.method)).toEqual(['GET', 'DELETE', 'GET', 'PUT']);
    expect(hub.asked[1]!.url).toMatch(/\?rev=3-c$/);
    expect(JSON.parse(hub.asked[3]!.body!).members.names).toEqual(['tebikae-dev-2']);
  });

  it('a joining device replaces the code’s password with its own; a used code is refused', async () => {
    const hub = fakeHub([
      [200, { _id: 'org.couchdb.user:' + device.user, _rev: '1-a', name: device.user }],
      [201, { ok: true }]
    ]);
    const random: Random = (bytes) => bytes.fill(7);
    const claimed = await claimDeviceUser(db, device, 'B', random, hub.send);
    expect(claimed.ok && claimed.value.user).toBe(device.user);
    expect(claimed.ok && claimed.value.password).not.toBe(device.password);
    expect(JSON.parse(hub.asked[1]!.body!)).toMatchObject({ password: claimed.ok && claimed.value.password });
    expect(await claimDeviceUser(db, device, 'B', random, fakeHub([[401, {}]]).send)).toEqual({
      ok: false,
      error: 'refused'
    });
  });
});
