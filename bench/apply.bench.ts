import { randomUUID } from 'node:crypto';
import { parseEventLine, signEvent, verifyEventLine } from '../electron/services/identity/events';
import { generateEphemeralIdentity, verify } from '../electron/services/identity/keys';
import { fold } from '../shared/domain/events';
import { EVENT_FORMAT_VERSION, type EventBody, type VerifiedEvent } from '../shared/domain/log/signed-event';
import { measure, report } from './harness';

const EVENTS = 10_000;

/**
 * Checking signatures and applying 10 000 events (parse incl. the canonical
 * check, verify, fold with the causal checks and authority), against a bare
 * Ed25519 verify loop over the same signatures. Format-2 events: each names
 * the one before it in `after`, with its clock derived from it.
 */
export async function applyBench(): Promise<void> {
  const director = generateEphemeralIdentity({ person: randomUUID(), deviceName: 'bench' });
  const forbund = randomUUID();
  let last: string | null = null;
  const body = (lamport: number, type: string, payload: Record<string, unknown>): EventBody => ({
    v: EVENT_FORMAT_VERSION, forbund, author: director.person, key: director.fingerprint, lamport, at: new Date().toISOString(), type, payload, prev: [], after: last ? [last] : [],
  });
  const sign = (b: EventBody): string => {
    const signed = signEvent(director, b);
    last = signed.id;
    return signed.text;
  };
  const lines: string[] = [
    sign(body(1, 'federation.created', {
      name: 'Benchförbundet', orgNr: '222000-0018',
      director: { id: director.person, name: 'Bench Chef', email: 'chef@example.se' },
      directorKey: { fingerprint: director.fingerprint, publicKeyPem: director.publicKeyPem, deviceName: 'bench' },
    })),
  ];
  const org = randomUUID();
  lines.push(sign(body(2, 'organisation.added', { id: org, name: 'Kommun 0', kind: 'municipality' })));
  for (let i = 3; i <= EVENTS; i++) {
    lines.push(sign(body(i, 'person.added', { id: randomUUID(), name: `Person ${i}`, email: `p${i}@example.se`, organisationId: org })));
  }
  const parsed = lines.map((l) => parseEventLine(l)).filter((p) => p.ok);
  const genesisId = parsed[0]!.id;

  const bare = await measure(3, async () => {
    for (const p of parsed) verify(director.publicKey, Buffer.from(p.line.body, 'utf8'), Buffer.from(p.line.sig, 'base64'));
  });
  const full = await measure(3, async () => {
    const events: VerifiedEvent[] = [];
    for (const text of lines) {
      const p = parseEventLine(text);
      if (!p.ok || !verifyEventLine(p.line, director.publicKey)) throw new Error('bad event');
      events.push({ id: p.id, body: p.body, line: p.line });
    }
    const state = fold(events, { genesisId });
    if (Object.keys(state.persons).length < EVENTS - 2) throw new Error('events were not applied');
  });
  report(`verify + apply ${EVENTS} events`, full, bare, `${Math.round(EVENTS / (full.median / 1000))} events/s`);
}
