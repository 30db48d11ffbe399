import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../../shared/domain/log/canonical-json';
import { fold } from '../../../../../shared/domain/events';
import { EVENT_FORMAT_VERSION, type EventBody } from '../../../../../shared/domain/log/signed-event';
import { generateEphemeralIdentity, type DeviceIdentity } from '../../../../../electron/services/identity/keys';
import { eventId, signEvent } from '../../../../../electron/services/identity/events';
import { readFileSync } from 'node:fs';
import { snapshotTree } from '../../../../helpers/tree';
import { carry, laptop, setUpForbund, type Laptop } from '../../../../helpers/federation-fixture';
import { rawPackage, tmp } from '../packages/helpers';

/**
 * Bounds at the import boundary (issue #11, first part), each one an attack
 * reproduced with real signed events and real packages:
 * non-canonical duplicates, a spoofed sender, the 2^53−1 clock, refused and
 * held events from keys nobody accepted, and a flood of them.
 */

type Who = DeviceIdentity & { name: string };

const who = (person: string, name: string): Who => ({ ...generateEphemeralIdentity({ person, deviceName: `${name}s dator` }), name });

interface World {
  director: Laptop;
  forbund: { id: string; name: string };
  directorId: string;
  olle: string;
  lena: string;
  /** The newest event the director's laptop has, for `after`. */
  heads: () => Promise<{ ids: string[]; lamport: number }>;
}

async function world(): Promise<World> {
  const director = await laptop('dir');
  const { olle, lena } = await setUpForbund(director);
  const s = await director['session.get']({});
  const heads = async () => {
    const { events } = await director['log.list']({ afterSeq: 0 });
    const bodies = events.map((e) => ({ id: e.id, body: JSON.parse(e.body) as EventBody }));
    const lamport = Math.max(...bodies.map((b) => b.body.lamport));
    return { ids: bodies.filter((b) => b.body.lamport === lamport).map((b) => b.id), lamport };
  };
  return { director, forbund: { id: s.forbund!.id, name: s.forbund!.name }, directorId: s.device!.personId, olle, lena, heads };
}

/** A body by `w`, with the causal fields filled from `past` (what the signer had seen). */
function body(w: Who, forbund: string, type: string, payload: Record<string, unknown>, past: { ids: string[]; lamport: number }, extra: Partial<EventBody> = {}): EventBody {
  return {
    v: EVENT_FORMAT_VERSION,
    forbund,
    author: w.person,
    key: w.fingerprint,
    lamport: past.lamport + 1,
    at: '2027-03-14T09:00:00.000Z',
    type,
    payload,
    prev: [],
    ...(EVENT_FORMAT_VERSION >= 2 ? { after: past.ids } : {}),
    ...extra,
  } as EventBody;
}

const line = (w: Who, b: EventBody) => signEvent(w, b).text;

/** A signed line whose body is the given text, exactly (for non-canonical bodies). */
function rawLine(w: Who, bodyText: string): string {
  const sig = Buffer.from(w.sign(Buffer.from(bodyText, 'utf8'))).toString('base64');
  return JSON.stringify({ body: bodyText, sig });
}

async function pkg(w: Who, world: World, lines: string[], sender?: { person: string; name: string }): Promise<{ fileName: string; bytes: Uint8Array }> {
  const path = await rawPackage(tmp(), {
    signer: w,
    entries: [{ name: 'events.jsonl', data: Buffer.from(lines.map((l) => `${l}\n`).join('')) }],
    manifest: (m) => {
      m['forbund'] = world.forbund.id;
      m['forbundName'] = world.forbund.name;
      if (sender) m['sender'] = { ...(m['sender'] as object), person: sender.person, name: sender.name };
    },
  });
  return { fileName: 'paket.sbpaket', bytes: readFileSync(path) };
}

const registration = (w: Who, world: World, past: { ids: string[]; lamport: number }) =>
  line(w, body(w, world.forbund.id, 'key.registered', { personId: w.person, fingerprint: w.fingerprint, publicKeyPem: w.publicKeyPem, deviceName: w.deviceName }, past));

const ids = async (l: Laptop) => new Set((await l['log.list']({ afterSeq: 0 })).events.map((e) => e.id));

describe('import bounds', () => {
  let W: World;
  /** Olle's laptop: key registered and accepted by the förbundschef. */
  let olleKnown: Who;
  beforeAll(async () => {
    W = await world();
    olleKnown = who(W.olle, 'Olle Ledamot');
    await carry(await pkg(olleKnown, W, [registration(olleKnown, W, await W.heads())]), W.director);
    await W.director['log.append']({ type: 'key.accepted', payload: { fingerprint: olleKnown.fingerprint }, prev: [] });
  });

  it('refuses an event whose body is not canonical JSON, so one logical event never gets two ids', async () => {
    const olle = who(W.olle, 'Olle Ledamot');
    const past = await W.heads();
    const b = body(olle, W.forbund.id, 'key.registered', { personId: olle.person, fingerprint: olle.fingerprint, publicKeyPem: olle.publicKeyPem, deviceName: olle.deviceName }, past);
    const canonical = canonicalJson(b);
    // The same logical body, pretty-printed: another byte string, another id.
    const pretty = JSON.stringify(JSON.parse(canonical), null, 1);
    expect(eventId(pretty)).not.toBe(eventId(canonical));
    const before = snapshotTree(W.director.dataDir);
    const error = await W.director['packages.preview'](await pkg(olle, W, [rawLine(olle, canonical), rawLine(olle, pretty)])).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/kanonisk/) });
    expect(snapshotTree(W.director.dataDir)).toEqual(before);
  });

  it('refuses a package whose manifest names another sender than the owner of its signing key', async () => {
    // Olle's key is registered and accepted, so his key is known here.
    const olle = olleKnown;
    const later = await W.heads();
    const stance = line(olle, body(olle, W.forbund.id, 'key.registered', { personId: olle.person, fingerprint: olle.fingerprint, publicKeyPem: olle.publicKeyPem, deviceName: 'igen' }, later));
    const spoofed = await pkg(olle, W, [stance], { person: W.directorId, name: 'Dana Direktör' });
    const before = snapshotTree(W.director.dataDir);
    const error = await W.director['packages.preview'](spoofed).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/avsändaren/i) });
    expect(snapshotTree(W.director.dataDir)).toEqual(before);
  });

  it('never stores an outsider’s event with the clock at 2^53−1, and the förbund keeps working', async () => {
    const past = await W.heads();
    // Olle's new laptop: registered, never accepted; its events are held. One names the clock 2^53−1.
    const outsider = who(W.olle, 'Olle Ledamot');
    const reg = registration(outsider, W, past);
    const regId = eventId((JSON.parse(reg) as { body: string }).body);
    const huge = rawLine(outsider, canonicalJson(body(outsider, W.forbund.id, 'person.updated', { id: W.olle, email: 'olle@annan.se' }, { ids: [regId], lamport: Number.MAX_SAFE_INTEGER - 1 })));
    const bytes = await pkg(olleKnown, W, [reg, huge]);
    const preview = await W.director['packages.preview'](bytes).catch((e: unknown) => e);
    if (preview && typeof preview === 'object' && 'previewId' in preview) await W.director['packages.apply']({ previewId: String(preview.previewId) });
    const event = JSON.parse(huge) as { body: string };
    expect(await ids(W.director)).not.toContain(eventId(event.body));
    const appended = await W.director['log.append']({ type: 'organisation.updated', payload: { id: (await firstOrg(W.director)), name: 'Försäkringskassan Väst' }, prev: [] });
    expect(appended.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores no refused or held event from a key nobody accepted, and sends none on', async () => {
    const outsider = who(randomUUID(), 'Utomstående');
    const past = await W.heads();
    const reg = registration(outsider, W, past);
    const regId = eventId((JSON.parse(reg) as { body: string }).body);
    const attempt = line(outsider, body(outsider, W.forbund.id, 'organisation.added', { id: randomUUID(), name: 'Falsk AB', kind: 'municipality' }, { ids: [regId], lamport: past.lamport + 1 }));
    // The outsider's events travel in a package from a known member (as if passed on).
    const { preview, applied } = await carry(await pkg(olleKnown, W, [reg, attempt]), W.director);
    expect(preview.refused.length + preview.held.length).toBeGreaterThan(0);
    expect(applied.newEvents).toBe(0);
    const stored = await ids(W.director);
    expect(stored).not.toContain(regId);
    expect(stored).not.toContain(eventId((JSON.parse(attempt) as { body: string }).body));
  });

  it('caps held events per key with a Swedish refusal, and stores none of them', async () => {
    const lena = who(W.lena, 'Lena Ledamot');
    const past = await W.heads();
    const reg = registration(lena, W, past);
    let prev = { ids: [eventId((JSON.parse(reg) as { body: string }).body)], lamport: past.lamport + 1 };
    const lines = [reg];
    for (let i = 0; i < 1_001; i++) {
      const l = line(lena, body(lena, W.forbund.id, 'person.updated', { id: W.lena, email: `lena${i}@example.se` }, prev));
      lines.push(l);
      prev = { ids: [eventId((JSON.parse(l) as { body: string }).body)], lamport: prev.lamport + 1 };
    }
    const before = snapshotTree(W.director.dataDir);
    const error = await W.director['packages.preview'](await pkg(lena, W, lines)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/väntar|vänta/) });
    expect(snapshotTree(W.director.dataDir)).toEqual(before);
  });

  it('refuses a flood of 200 000 events from an unaccepted key while streaming, storing nothing', { timeout: 120_000 }, async () => {
    const outsider = who(randomUUID(), 'Utomstående');
    const past = await W.heads();
    const reg = registration(outsider, W, past);
    let prev = { ids: [eventId((JSON.parse(reg) as { body: string }).body)], lamport: past.lamport + 1 };
    const lines = [reg];
    for (let i = 0; i < 200_000; i++) {
      const b = body(outsider, W.forbund.id, 'budget.set', { amounts: { '2027': i } }, prev);
      const text = canonicalJson(b);
      lines.push(rawLine(outsider, text));
      prev = { ids: [eventId(text)], lamport: prev.lamport + 1 };
    }
    const before = snapshotTree(W.director.dataDir);
    const bytes = await pkg(outsider, W, lines);
    const error = await W.director['packages.preview'](bytes).catch((e: unknown) => e);
    // Refused while streaming: the message names an event number far below the flood's size.
    expect(error).toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/nr \d{1,4}\b/) });
    expect(snapshotTree(W.director.dataDir)).toEqual(before);
  });
});

async function firstOrg(l: Laptop): Promise<string> {
  const { events } = await l['log.list']({ afterSeq: 0 });
  const org = events.map((e) => JSON.parse(e.body) as EventBody).find((b) => b.type === 'organisation.added');
  return String(org!.payload['id']);
}

describe('the backdated director, with real packages', () => {
  it('refuses a replaced förbundschef’s backdated appointment made from before her replacement', async () => {
    const W = await world();
    // A second förbundschef (Stina, on her own laptop), appointed and her key accepted.
    const stinaId = randomUUID();
    await W.director['log.append']({ type: 'person.added', payload: { id: stinaId, name: 'Stina Chef', email: 'stina@example.se', staffRole: 'director', assignments: [] }, prev: [] });
    const stina = who(stinaId, 'Stina Chef');
    await carry(await pkg(stina, W, [registration(stina, W, await W.heads())]), W.director);
    await W.director['log.append']({ type: 'key.accepted', payload: { fingerprint: stina.fingerprint }, prev: [] });
    const forkPoint = await W.heads();
    // The board replaces Stina: the förbundschef ends her role (after other work, so the replacement sorts after Stina's fork).
    await W.director['log.append']({ type: 'federation.updated', payload: { name: 'Samordningsförbundet Östra Skaraborg 2027' }, prev: [] });
    const { events } = await W.director['log.list']({ afterSeq: 0 });
    const stinaHeads = events.filter((e) => (JSON.parse(e.body) as EventBody).payload['id'] === stinaId).map((e) => e.id);
    await W.director['log.append']({ type: 'person.updated', payload: { id: stinaId, staffRole: null }, prev: stinaHeads });
    // Stina, from before her replacement: a new "förbundschef" Xena.
    const xenaId = randomUUID();
    const appoint = line(stina, body(stina, W.forbund.id, 'person.added', { id: xenaId, name: 'Xena Utsedd', email: 'xena@example.se', staffRole: 'director', assignments: [] }, forkPoint));
    const { preview } = await carry(await pkg(stina, W, [appoint]), W.director);
    expect(preview.refused.map((r) => r.reason).join(' ')).toMatch(/roll som förbundschef hade upphört/);
    const state = fold((await W.director['log.list']({ afterSeq: 0 })).events.map((e) => ({ id: e.id, body: JSON.parse(e.body) as EventBody, line: { body: e.body, sig: e.sig } })), { genesisId: (await W.director['session.get']({})).forbund!.genesisId });
    expect(state.persons[xenaId]).toBeUndefined();
  });
});
