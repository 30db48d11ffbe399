import type { FederationState } from '../events/state';
import { isActiveOn, STAFF_ROLE_LABEL, type BoardRole } from '../forbund/model';
import { KALLELSE_FORMAT, type KallelseDocument, type KallelseRecipient } from './kallelse-document';
import { delegationLines } from './agenda';
import { calledIds } from './state';

/** buildKallelse: the kallelse from the folded state. Deterministic like buildProtokoll. */

const RANK: Record<BoardRole, number> = { chair: 0, viceChair: 1, member: 2, substitute: 3 };

export const ABSENCE_NOTE = 'Anmäl förhinder så snart som möjligt i Styrelsebordet eller till förbundets kansli, så att rätt ersättare kan kallas in.';

export function buildKallelse(state: FederationState, meetingId: string, sentOn: string): KallelseDocument {
  const m = state.meetings[meetingId];
  if (!m) throw new Error(`buildKallelse: unknown meeting ${meetingId}`);
  const recipients = calledIds(state, m)
    .map((id) => {
      const p = state.persons[id];
      const a = (p?.assignments ?? []).filter((x) => isActiveOn(x, m.date)).sort((x, y) => RANK[x.role] - RANK[y.role])[0];
      const role = !a ? 'kallad' : a.role === 'substitute' ? `ersättare${a.callingOrder ? ` (${a.callingOrder})` : ''}` : a.role === 'chair' ? 'ordförande' : a.role === 'viceChair' ? 'vice ordförande' : 'ledamot';
      const org = a ? (state.organisations[a.organisationId]?.name ?? null) : null;
      return { r: { name: p?.name ?? 'okänd person', role, organisation: org } as KallelseRecipient, rank: a ? RANK[a.role] : 9, order: a?.callingOrder ?? 0, id };
    })
    .sort((x, y) => x.rank - y.rank || (x.r.organisation ?? '').localeCompare(y.r.organisation ?? '', 'sv') || x.order - y.order || x.r.name.localeCompare(y.r.name, 'sv') || (x.id < y.id ? -1 : 1))
    .map((x) => x.r);
  const presenter = (id: string | null): string | null => {
    const p = id ? state.persons[id] : undefined;
    if (!p) return null;
    return p.staffRole ? `${p.name}, ${STAFF_ROLE_LABEL[p.staffRole].toLowerCase()}` : p.name;
  };
  const staff = Object.values(state.persons)
    .filter((p) => p.staffRole !== null)
    .sort((a, b) => (a.staffRole === 'secretary' ? 0 : 1) - (b.staffRole === 'secretary' ? 0 : 1) || a.name.localeCompare(b.name, 'sv') || (a.id < b.id ? -1 : 1))[0];
  const fed = state.federation;
  return {
    format: KALLELSE_FORMAT,
    forbund: { name: fed?.name ?? '', orgNr: fed?.orgNr ?? '' },
    organ: m.organ,
    meeting: { id: m.id, date: m.date, startTime: m.startTime, place: m.place, distance: m.distance, videoLink: m.videoLink, justering: m.justering ? { date: m.justering.date, place: m.justering.place } : null },
    sentOn,
    recipients,
    items: m.agenda.map((item, i) => ({
      number: i + 1,
      title: item.title,
      dnr: item.dnr,
      proposal: item.proposal,
      documents: [...item.documents.map((sha) => state.documents[sha]?.title ?? `Handling ${sha.slice(0, 8)}`), ...delegationLines(state, item)],
      presenter: presenter(item.presenter),
    })),
    absenceNote: ABSENCE_NOTE,
    sender: staff?.staffRole ? { name: staff.name, role: STAFF_ROLE_LABEL[staff.staffRole].toLowerCase(), email: staff.email } : null,
  };
}
