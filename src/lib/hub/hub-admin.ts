// Managing the hub's per-device users through CouchDB's own HTTP API (no server logic of ours): the
// requests are built by pure functions (tested), then sent. Adding a device makes a `_users` document and
// names it in the database's `_security` members; removing it deletes that user, so the hub refuses it.
import * as v from 'valibot';
import { fail, ok, type Result } from '../result';
import { newHubPassword, type Random } from './hub-pairing';
import { DEVICE_USER_PREFIX } from './hub-row';

export interface Credentials {
  user: string;
  password: string;
}

/** One HTTP request to the hub, as data. */
export interface HubRequest {
  url: string;
  method: 'GET' | 'PUT' | 'DELETE';
  headers: Record<string, string>;
  body?: string;
}

/** `https://host/hub/clinic` → `https://host/hub/` (where `_users` lives) and `clinic`. */
export function splitDbUrl(dbUrl: string): { root: string; db: string } {
  const clean = dbUrl.trim().replace(/\/+$/, '');
  const cut = clean.lastIndexOf('/');
  return { root: clean.slice(0, cut + 1), db: clean.slice(cut + 1) };
}

/** HTTP Basic, the password as UTF-8 (CouchDB reads it so). */
export function basicAuth({ user, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

const headers = (who: Credentials) => ({
  accept: 'application/json',
  'content-type': 'application/json',
  authorization: basicAuth(who)
});
const userUrl = (dbUrl: string, name: string) =>
  `${splitDbUrl(dbUrl).root}_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
const securityUrl = (dbUrl: string) => {
  const { root, db } = splitDbUrl(dbUrl);
  return `${root}${encodeURIComponent(db)}/_security`;
};

const Names = v.optional(
  v.object({ names: v.optional(v.array(v.string()), []), roles: v.optional(v.array(v.string()), []) }),
  { names: [], roles: [] }
);
const Security = v.looseObject({ admins: Names, members: Names });
export type Security = v.InferOutput<typeof Security>;
const UserDoc = v.looseObject({
  _id: v.string(),
  _rev: v.string(),
  name: v.string(),
  deviceLabel: v.optional(v.string())
});
export type UserDoc = v.InferOutput<typeof UserDoc>;

export const requests = {
  createUser: (dbUrl: string, admin: Credentials, device: Credentials): HubRequest => ({
    url: userUrl(dbUrl, device.user),
    method: 'PUT',
    headers: headers(admin),
    body: JSON.stringify({ name: device.user, password: device.password, roles: [], type: 'user' })
  }),
  readUser: (dbUrl: string, who: Credentials, name: string): HubRequest => ({
    url: userUrl(dbUrl, name),
    method: 'GET',
    headers: headers(who)
  }),
  deleteUser: (dbUrl: string, admin: Credentials, doc: UserDoc): HubRequest => ({
    url: `${userUrl(dbUrl, doc.name)}?rev=${encodeURIComponent(doc._rev)}`,
    method: 'DELETE',
    headers: headers(admin)
  }),
  /** A user may rewrite its own `_users` document (not its roles): a new password, and the device's label. */
  changeOwnPassword: (
    dbUrl: string,
    own: Credentials,
    doc: UserDoc,
    password: string,
    deviceLabel: string
  ): HubRequest => ({
    url: userUrl(dbUrl, own.user),
    method: 'PUT',
    headers: headers(own),
    body: JSON.stringify({
      _id: doc._id,
      _rev: doc._rev,
      name: own.user,
      roles: [],
      type: 'user',
      password,
      deviceLabel
    })
  }),
  readSecurity: (dbUrl: string, admin: Credentials): HubRequest => ({
    url: securityUrl(dbUrl),
    method: 'GET',
    headers: headers(admin)
  }),
  writeSecurity: (dbUrl: string, admin: Credentials, security: Security): HubRequest => ({
    url: securityUrl(dbUrl),
    method: 'PUT',
    headers: headers(admin),
    body: JSON.stringify(security)
  })
};

/** `_security` with a member added or taken out; everything else as it was. */
export function withMember(security: Security, name: string, present: boolean): Security {
  const others = security.members.names.filter((n) => n !== name);
  return { ...security, members: { ...security.members, names: present ? [...others, name] : others } };
}

type Send = (request: HubRequest) => Promise<Response>;
const defaultSend: Send = (r) =>
  fetch(r.url, {
    method: r.method,
    headers: r.headers,
    body: r.body,
    credentials: 'omit',
    cache: 'no-store'
  });

/** A request's answer as JSON, or the problem to show: refused (401/403), missing (404), or the hub out of reach. */
async function call(send: Send, request: HubRequest): Promise<Result<unknown, HubTrouble>> {
  let answer: Response;
  try {
    answer = await send(request);
  } catch {
    return fail('unreachable');
  }
  if (answer.status === 401 || answer.status === 403) return fail('refused');
  if (answer.status === 404) return fail('missing');
  if (!answer.ok) return fail('unreachable');
  try {
    return ok(await answer.json());
  } catch {
    return fail('unreachable');
  }
}

export type HubTrouble = 'refused' | 'missing' | 'unreachable';

async function readSecurity(send: Send, dbUrl: string, admin: Credentials) {
  const read = await call(send, requests.readSecurity(dbUrl, admin));
  if (!read.ok) return read;
  const parsed = v.safeParse(Security, read.value ?? {});
  return parsed.success ? ok(parsed.output) : fail<HubTrouble>('unreachable');
}

async function readUser(send: Send, dbUrl: string, who: Credentials, name: string) {
  const read = await call(send, requests.readUser(dbUrl, who, name));
  if (!read.ok) return read;
  const parsed = v.safeParse(UserDoc, read.value);
  return parsed.success ? ok(parsed.output) : fail<HubTrouble>('unreachable');
}

export interface PairedDevice {
  user: string;
  /** The label the device gave itself when it joined (A, B, C…); empty until it joins. */
  label: string;
}

export function hubAdmin(dbUrl: string, admin: Credentials, send: Send = defaultSend) {
  return {
    /** A new hub user for one device, made a member of the clinic's database. */
    async addDevice(device: Credentials): Promise<Result<void, HubTrouble>> {
      const made = await call(send, requests.createUser(dbUrl, admin, device));
      if (!made.ok) return made;
      const security = await readSecurity(send, dbUrl, admin);
      if (!security.ok) return security;
      const saved = await call(
        send,
        requests.writeSecurity(dbUrl, admin, withMember(security.value, device.user, true))
      );
      return saved.ok ? ok(undefined) : saved;
    },

    /** The per-device users the database admits, with the label each gave itself (none yet: not joined). */
    async devices(): Promise<Result<PairedDevice[], HubTrouble>> {
      const security = await readSecurity(send, dbUrl, admin);
      if (!security.ok) return security;
      const out: PairedDevice[] = [];
      for (const name of security.value.members.names.filter((n) => n.startsWith(DEVICE_USER_PREFIX))) {
        const doc = await readUser(send, dbUrl, admin, name);
        if (!doc.ok && doc.error === 'missing') continue;
        if (!doc.ok) return doc;
        out.push({ user: name, label: doc.value.deviceLabel ?? '' });
      }
      return ok(out);
    },

    /** Revoke a device at the hub: its user is deleted (every request of it is refused) and it leaves the members. */
    async removeDevice(name: string): Promise<Result<void, HubTrouble>> {
      const doc = await readUser(send, dbUrl, admin, name);
      if (doc.ok) {
        const gone = await call(send, requests.deleteUser(dbUrl, admin, doc.value));
        if (!gone.ok && gone.error !== 'missing') return gone;
      } else if (doc.error !== 'missing') return doc;
      const security = await readSecurity(send, dbUrl, admin);
      if (!security.ok) return security;
      const saved = await call(
        send,
        requests.writeSecurity(dbUrl, admin, withMember(security.value, name, false))
      );
      return saved.ok ? ok(undefined) : saved;
    }
  };
}

/**
 * A joining device's first words to the hub: it replaces the password the code carried with one only it
 * knows, so the code (shown on a screen, perhaps photographed) opens nothing afterwards.
 */
export async function claimDeviceUser(
  dbUrl: string,
  fromCode: Credentials,
  deviceLabel: string,
  random: Random,
  send: Send = defaultSend
): Promise<Result<Credentials, HubTrouble>> {
  const doc = await readUser(send, dbUrl, fromCode, fromCode.user);
  if (!doc.ok) return doc;
  const password = newHubPassword(random);
  const saved = await call(
    send,
    requests.changeOwnPassword(dbUrl, fromCode, doc.value, password, deviceLabel)
  );
  return saved.ok ? ok({ user: fromCode.user, password }) : saved;
}
