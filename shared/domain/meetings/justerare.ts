import type { FederationState } from '../events/state';
import { isActiveOn } from '../forbund/model';
import { signingChair } from './build-protokoll';
import type { ItemServing } from './serving';
import { servingByItem } from './serving';
import type { MeetingState } from './state';

/**
 * Who may be justerare (DOMAIN.md 1.7; KL 5 kap 69 §, 6 kap 35 §, and the
 * reglemente's "ordföranden och en justerare"): the protokoll is justerat by
 * the ordförande and one or more justerare chosen at the meeting among the
 * ledamöter and the ersättare who serve, present at the meeting. The
 * ordförande always justerar as ordförande, so at least one justerare is
 * someone else; staff, guests, absent persons and ersättare who do not
 * serve cannot justera. Checked when the justerare are recorded and again
 * when the protokoll is drafted (attendance may have changed since).
 */

const name = (state: FederationState, id: string): string => state.persons[id]?.name ?? 'Personen';

/** Why these justerare cannot be chosen in the adjusters item, or null. `serving` is that item's serving. */
export function adjusterProblem(state: FederationState, m: MeetingState, adjusters: readonly string[], serving?: ItemServing): string | null {
  if (adjusters.length === 0) return null;
  const item = m.agenda.find((i) => i.kind === 'adjusters');
  const all = servingByItem(state, m);
  const s = serving ?? all.find((x) => x.itemId === item?.id);
  const deciding = new Set(s?.deciding.map((d) => d.personId) ?? []);
  const chair = signingChair(state, m, all);
  for (const id of adjusters) {
    const onBoard = (state.persons[id]?.assignments ?? []).some((a) => isActiveOn(a, m.date));
    if (id === chair) return `${name(state, id)} justerar som ordförande och kan inte också vara justerare. Välj en ledamot eller tjänstgörande ersättare som inte är ordförande.`;
    if (!onBoard) return `${name(state, id)} är inte ledamot eller ersättare i styrelsen och kan inte vara justerare.`;
    if (deciding.has(id)) continue;
    const present = s ? s.substitutesNotServing.includes(id) || s.jav.includes(id) : false;
    return present
      ? `${name(state, id)} är ersättare som inte tjänstgör och kan inte vara justerare; justerare väljs bland ledamöterna och de tjänstgörande ersättarna.`
      : `${name(state, id)} är inte närvarande vid sammanträdet och kan inte vara justerare.`;
  }
  return null;
}
