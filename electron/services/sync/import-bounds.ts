import { isLegacy, placement, type FederationState } from '../../../shared/domain/events';
import { shortCode, type VerifiedEvent } from '../../../shared/domain/log/signed-event';
import { HOSTILE, LIMITS, refuse, RESEND } from '../packages/format';
import type { ReadPackage } from '../packages/read';

/**
 * The import's bounds (issue #11, docs/trust-model.md "Limits"), between
 * reading a package and storing its events:
 * - the manifest's sender must be the owner of the key that signed it;
 * - a format-2 event's clock must be derived from the past it names, when
 *   that past is here — otherwise the package is refused and nothing stored;
 * - events from a key nobody here accepted or registered (refused or held)
 *   are not stored, so they are never sent on either;
 * - held events are capped per key (with those already waiting) and per package.
 */

/** The person who owns the package's signing key, as this laptop (or the package itself) knows it. */
export function senderOwner(read: ReadPackage, state: FederationState, invitation: boolean): string | null {
  const fp = read.sender.fingerprint;
  const known = state.keys[fp];
  if (known) return known.personId;
  if (invitation) {
    const genesis = read.events.find((e) => e.body.type === 'federation.created');
    const director = genesis?.body.payload['director'] as { id?: unknown } | undefined;
    if (genesis?.body.key === fp && typeof director?.id === 'string') return director.id;
  }
  const registration = read.events.find((e) => e.body.type === 'key.registered' && e.body.key === fp);
  return registration ? registration.body.author : null;
}

export function checkSender(read: ReadPackage, state: FederationState, invitation: boolean): void {
  const key = state.keys[read.sender.fingerprint];
  if (key?.status === 'revoked') {
    const reason = key.revocation?.reason ?? null;
    throw refuse(
      `det är signerat med en nyckel som har spärrats (kod ${shortCode(key.fingerprint)}, ${key.deviceName}, ${state.persons[key.personId]?.name ?? 'okänd person'})${reason ? `: ${reason.replace(/[.!]+$/, '')}` : ''}. ` +
        'Händelser som gjorts på den datorn efter spärren gäller inte. Personen kan gå med igen med en ny dator och en ny nyckel.',
    );
  }
  const owner = senderOwner(read, state, invitation);
  if (owner !== null && owner !== read.manifest.sender.person) {
    const real = state.persons[owner]?.name;
    throw refuse(
      `avsändaren i paketet (${read.manifest.sender.name}) är inte den som äger nyckeln paketet är signerat med (kod ${shortCode(read.sender.fingerprint)}${real ? `, ${real}` : ''}). ${HOSTILE}`,
    );
  }
}

/** Refuses the package when a new event's clock is not derived from a past that is here. */
export function checkClocks(newEvents: readonly VerifiedEvent[], stored: (id: string) => VerifiedEvent | undefined, anyFormat2Stored: boolean): void {
  const inPackage = new Map(newEvents.map((e) => [e.id, e]));
  const byId = { get: (id: string) => inPackage.get(id) ?? stored(id) } as ReadonlyMap<string, VerifiedEvent>;
  newEvents.forEach((e) => {
    if (anyFormat2Stored && isLegacy(e)) {
      throw refuse(`händelsen ”${e.body.type}” har det gamla händelseformatet, som den här datorn inte längre tar emot nya händelser i. Avsändaren behöver uppdatera Styrelsebordet. ${RESEND}`);
    }
    const place = placement(e, byId, new Set());
    if (place.kind === 'badClock') throw refuse(`en händelse (”${e.body.type}”, kod ${e.id.slice(0, 8)}) har en felaktig klocka: ${place.reason} ${HOSTILE}`);
  });
}

/**
 * The new events worth storing: without those from keys that end up neither
 * accepted nor registered here (after = the state with the package applied).
 * Throws a Swedish refusal when held events pass a cap.
 */
export function screenNewEvents(newEvents: readonly VerifiedEvent[], before: FederationState, after: FederationState): VerifiedEvent[] {
  const newIds = new Set(newEvents.map((e) => e.id));
  // Keys whose events may wait or stand as a record here: accepted, or registered and waiting for the förbundschef.
  const known = (fp: string) => after.keys[fp]?.status === 'accepted' || after.keys[fp]?.status === 'pending';
  const notApplied = new Set([...after.refused.map((r) => r.eventId), ...after.held.map((h) => h.eventId)].filter((id) => newIds.has(id)));
  const keptHeld = after.held.filter((h) => newIds.has(h.eventId) && known(h.fingerprint));
  if (keptHeld.length > LIMITS.maxHeldPerPackage) {
    throw refuse(`paketet har ${keptHeld.length} händelser som skulle få vänta (mer än ${LIMITS.maxHeldPerPackage}). ${HOSTILE}`);
  }
  const perKey = new Map<string, number>();
  for (const h of [...before.held, ...keptHeld]) perKey.set(h.fingerprint, (perKey.get(h.fingerprint) ?? 0) + 1);
  for (const [fp, count] of perKey) {
    if (count > LIMITS.maxHeldPerKey) {
      throw refuse(
        `nyckeln med kod ${shortCode(fp)} skulle ha ${count} händelser som väntar på att nyckeln godkänns eller på tidigare händelser (högst ${LIMITS.maxHeldPerKey}). Godkänn eller avvisa nyckeln först, eller be avsändaren skicka ett mindre paket.`,
      );
    }
  }
  return newEvents.filter((e) => known(e.body.key) || !notApplied.has(e.id));
}
