import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events/fold';
import { DIRECTOR, LEDAMOT, ORG, actor, baseSetup, ev, registerKey, uuid } from '../../../../helpers/event-builder';

/**
 * Issue #15 item 1: the owner of a key that waits for the förbundschef must
 * see their own changes where they belong. fold's `assumeAccepted` is that
 * preview: only the named pending key counts as accepted, nothing else moves.
 */
const SECOND = actor(10, 'Stina Ställföreträdare');

function setup() {
  const { events } = baseSetup();
  const added = ev(DIRECTOR, 'person.added', { id: SECOND.id, name: SECOND.name, email: SECOND.email, staffRole: 'director' }, 10);
  const key = registerKey(SECOND, 11);
  const org = ev(SECOND, 'organisation.added', { id: uuid(700), name: 'Kommun 700', kind: 'municipality' }, 12);
  return { events: [...events, added, key, org], org, key };
}

describe('fold: a preview of my own held changes', () => {
  it('applies the pending key’s events when asked, keeps the key pending and the real fold unchanged', () => {
    const { events, org } = setup();
    const real = fold(events);
    expect(real.organisations[uuid(700)]).toBeUndefined();
    expect(real.held.map((h) => h.eventId)).toEqual([org.id]);
    const preview = fold(events, { assumeAccepted: SECOND.key });
    expect(preview.organisations[uuid(700)]).toMatchObject({ name: 'Kommun 700' });
    expect(preview.held).toEqual([]);
    // The key itself is still pending: the preview never claims an acceptance.
    expect(preview.keys[SECOND.key]?.status).toBe('pending');
  });

  it('does not turn a rejected or unknown key into an accepted one, nor someone else’s key', () => {
    const { events, key } = setup();
    const reject = ev(DIRECTOR, 'key.rejected', { fingerprint: SECOND.key, reason: 'Fel fingeravtryck' }, 20, { prev: [key.id] });
    const rejected = fold([...events, reject], { assumeAccepted: SECOND.key });
    expect(rejected.organisations[uuid(700)]).toBeUndefined();
    expect(rejected.refused).toHaveLength(1);
    // Someone else's pending key stays held when the preview is for mine.
    const lina = fold([...events, ev(LEDAMOT, 'organisation.updated', { id: ORG.fk, name: 'FK' }, 30)], { assumeAccepted: SECOND.key });
    expect(lina.organisations[ORG.fk]?.name).toBe('Försäkringskassan');
  });
});
