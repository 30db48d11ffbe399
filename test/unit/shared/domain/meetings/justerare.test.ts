import { describe, expect, it } from 'vitest';
import { DIRECTOR } from '../../../../helpers/event-builder';
import { EVERYONE_PRESENT, ITEM, MEETING, P, board, heldMeeting, refusalReasons } from './fixtures';

/** Justerare: ledamöter or serving ersättare who were present, at least one not the chair (who always justerar). */
function attended() {
  const s = board();
  // Frida Fors (FK ledamot) is absent, so Fia Fält serves for her; Kim Kvist is present but does not serve.
  const persons = [...EVERYONE_PRESENT.filter((x) => x.personId !== P.fk.id), { personId: P.eFk.id, present: true }, { personId: P.fk.id, present: false }];
  s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons });
  return s;
}
const choose = (s: ReturnType<typeof attended>, ids: string[]) => s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.adjusters, adjusters: ids });
const reasons = refusalReasons;

describe('justerare (KL 6:35, DOMAIN 1.7)', () => {
  it('accepts a present ledamot and a serving ersättare', () => {
    const s = attended();
    choose(s, [P.kom.id, P.eFk.id]);
    expect(reasons(s)).toEqual([]);
  });

  it('refuses staff, an absent ledamot, an ersättare who does not serve and the chair alone, with the reason', () => {
    const s = attended();
    choose(s, [P.secretary.id]);
    choose(s, [DIRECTOR.id]);
    choose(s, [P.fk.id]);
    choose(s, [P.eKom1.id]);
    choose(s, [P.chair.id]);
    expect(reasons(s)).toEqual([
      'Sara Sekreterare är inte ledamot eller ersättare i styrelsen och kan inte vara justerare.',
      'Dana Direktör är inte ledamot eller ersättare i styrelsen och kan inte vara justerare.',
      'Frida Fors är inte närvarande vid sammanträdet och kan inte vara justerare.',
      'Kim Kvist är ersättare som inte tjänstgör och kan inte vara justerare; justerare väljs bland ledamöterna och de tjänstgörande ersättarna.',
      'Olle Ordförande justerar som ordförande och kan inte också vara justerare. Välj en ledamot eller tjänstgörande ersättare som inte är ordförande.',
    ]);
    expect(s.state().meetings[MEETING]!.records[ITEM.adjusters]).toBeUndefined();
  });

  it('refuses the draft when the justerare chosen turns out not to have been present', () => {
    const s = heldMeeting();
    // The attendance is corrected afterwards: Lina Ledamot, the justerare, was not there.
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: [...EVERYONE_PRESENT.filter((x) => x.personId !== P.kom.id), { personId: P.kom.id, present: false }] });
    s.draft(1);
    expect(s.state().refused.map((r) => r.reason)).toEqual(['Protokollet skickades för justering: Lina Ledamot är inte närvarande vid sammanträdet och kan inte vara justerare.']);
  });
});
