import { rosterOf, type FederationState } from '../../../../shared/domain/events';
import { callingOrder, membersOf } from '../../../../shared/domain/forbund/board-rules';
import { BOARD_ROLE_LABEL } from '../../../../shared/domain/forbund/model';
import { calledIds, forecastServing, ledamotSeats, quorumByItem, seatOn, type AgendaItem, type ItemServing, type MeetingState } from '../../../../shared/domain/meetings';

/**
 * "Vilka tjänstgör": the forecast of serving (serving.ts) turned into what the
 * förbundschef reads per organisation. Pure, so the display is tested on data.
 */

export type SeatStatus = 'coming' | 'absent' | 'notCalled';

export interface LedamotLine {
  personId: string;
  name: string;
  role: string;
  status: SeatStatus;
  reason: string | null;
  /** The ersättare who takes the seat, when the ledamot does not come. */
  servedBy: string | null;
}

export interface ErsattareLine {
  personId: string;
  name: string;
  callingOrder: number | null;
  /** Serves for this ledamot (by name), or null. */
  servesFor: string | null;
  status: SeatStatus;
  reason: string | null;
}

export interface OrganisationForecast {
  organisationId: string;
  name: string;
  ledamoter: LedamotLine[];
  ersattare: ErsattareLine[];
  /** Swedish warning when a seat stays empty. */
  warning: string | null;
}

export interface JavLine {
  index: number;
  title: string;
  /** "Olle Ström (jäv); Sara Ekström tjänstgör för Olle Ström" */
  text: string;
}

export interface ForecastView {
  organisations: OrganisationForecast[];
  deciding: number;
  seats: number;
  /** Swedish warnings about quorum, none when beslutför in every item. */
  quorum: string[];
  /** Beslutför, but one more empty seat would end it. */
  atRisk: boolean;
  jav: JavLine[];
}

const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';

export function forecastView(state: FederationState, m: MeetingState): ForecastView {
  const roster = rosterOf(state);
  const name = (id: string) => state.persons[id]?.name ?? 'okänd person';
  const called = new Set(calledIds(state, m));
  // The general picture: serving in an item without jäv.
  const base: ItemServing | undefined = forecastServing(state, { ...m, agenda: [{ id: PLACEHOLDER, applicationId: null } as AgendaItem] })[0];
  const servedBy = new Map((base?.deciding ?? []).filter((d) => d.servesFor).map((d) => [d.servesFor as string, d.personId]));
  const servesFor = new Map((base?.deciding ?? []).filter((d) => d.servesFor).map((d) => [d.personId, d.servesFor as string]));
  const status = (id: string): SeatStatus => (!called.has(id) ? 'notCalled' : m.absences[id] ? 'absent' : 'coming');

  const organisations = roster.organisations
    .map((o): OrganisationForecast => {
      const ledamoter = membersOf(roster, o.id, m.date).map((p) => ({
        personId: p.id,
        name: p.name,
        role: BOARD_ROLE_LABEL[seatOn(state, p.id, m.date)?.role ?? 'member'],
        status: status(p.id),
        reason: m.absences[p.id]?.reason ?? null,
        servedBy: servedBy.get(p.id) ?? null,
      }));
      const ersattare = callingOrder(roster, o.id, m.date)
        .filter((s, i, all) => all.findIndex((x) => x.person.id === s.person.id) === i)
        .map((s) => ({
          personId: s.person.id,
          name: s.person.name,
          callingOrder: s.assignment.callingOrder ?? null,
          servesFor: servesFor.has(s.person.id) ? name(servesFor.get(s.person.id)!) : null,
          status: status(s.person.id),
          reason: m.absences[s.person.id]?.reason ?? null,
        }));
      const empty = ledamoter.filter((l) => l.status !== 'coming' && l.servedBy === null);
      const warning =
        empty.length === 0
          ? null
          : `Ingen ersättare från ${o.name} kan tjänstgöra för ${empty.map((l) => l.name).join(' och ')}. ${o.name} saknar beslutande på sammanträdet om ingen mer kallas in.`;
      return { organisationId: o.id, name: o.name, ledamoter, ersattare, warning };
    })
    .filter((o) => o.ledamoter.length > 0 || o.ersattare.length > 0);

  const serving = forecastServing(state, m);
  const seats = ledamotSeats(state, m.date);
  const deciding = base?.deciding.length ?? 0;
  const quorum = [...new Set(quorumByItem(state, m, serving).flatMap((q) => (q.message ? [q.message] : [])))];
  if (quorum.length === 0 && deciding * 2 <= seats) {
    quorum.push(`Styrelsen blir inte beslutför: ${deciding} av ${seats} ledamöter tjänstgör, och mer än hälften (${Math.floor(seats / 2) + 1}) krävs.`);
  }
  const jav = serving
    .filter((s) => s.jav.length > 0)
    .map((s) => {
      const item = m.agenda[s.index]!;
      const subs = s.deciding.filter((d) => d.servesFor && s.jav.includes(d.servesFor)).map((d) => `${name(d.personId)} tjänstgör för ${name(d.servesFor!)}`);
      return { index: s.index, title: item.title, text: `${s.jav.map(name).join(', ')} har anmält jäv${subs.length ? `; ${subs.join(', ')}` : ''}.` };
    });
  return { organisations, deciding, seats, quorum, atRisk: quorum.length === 0 && (deciding - 1) * 2 <= seats, jav };
}
