import type { VerifiedEvent } from '../log/signed-event';
import { OK, no, type Rule as KernelRule, type Verdict } from '../events/kernel/verdict';
import type { FederationState } from '../events/state';
import { budgetTotals, soughtPerYear } from '../applications/budget';
import { adjustersOf, buildProtokoll, itemsOfPart, signingChair } from './build-protokoll';
import type { MeetingEventType, MeetingPayload } from './events';
import { GRANT_OUTCOMES, outcomesFor, type AgendaItem, type DraftPart } from './model';
import { adjusterProblem } from './justerare';
import { paragraphNumbers } from './numbering';
import { protokollHash } from './protokoll-document';
import { boardSeats, presentFromAttendance, servingByItem, type ItemServing } from './serving';
import { javRulingProblem } from './jav-ruling';
import { LOCKED_REASON, calledIds, draftVersion, hasSecretaryRole, lastVersion, latestDraft, type MeetingState } from './state';
import { voteResultOf } from './texts';
import { presidingInItem, presidingProblem, qualifiedFinding, qualifiedRefusal } from './presiding';
import { swedishDate } from '../format';
import { videoLinkProblem } from './video-link';

/** The meeting rules (spread into AUTHORITY in events/authority.ts). Reasons are Swedish and shown as is. */

type Rule<T extends MeetingEventType> = KernelRule<FederationState, MeetingPayload<T>>;

const name = (state: FederationState, id: string): string => state.persons[id]?.name ?? 'Personen';

function secretaryOnly(state: FederationState, event: VerifiedEvent, date: string, what: string): Verdict {
  if (hasSecretaryRole(state, event.body.author, date)) return OK;
  const p = state.persons[event.body.author];
  return no(p ? `${p.name} är varken förbundschef, sekreterare eller styrelsens ordförande och får inte ${what}.` : `Författaren finns inte i förbundets register och får inte ${what}.`);
}

/** The meeting exists and its protokoll is not locked. */
function openMeeting(state: FederationState, meetingId: string): { m: MeetingState } | { v: Verdict } {
  const m = state.meetings[meetingId];
  if (!m) return { v: no('Sammanträdet finns inte.') };
  if (m.locked) return { v: no(LOCKED_REASON) };
  return { m };
}

function validAgenda(state: FederationState, agenda: readonly AgendaItem[]): Verdict {
  const ids = new Set<string>();
  for (const item of agenda) {
    if (ids.has(item.id)) return no('Två punkter på föredragningslistan har samma id.');
    ids.add(item.id);
    if (item.applicationId !== null && !state.applications[item.applicationId]) return no(`Punkten ”${item.title}” gäller en ansökan som inte finns.`);
    if (item.applicationId !== null && item.kind !== 'decision') return no(`Punkten ”${item.title}” gäller en ansökan och måste vara ett beslutsärende.`);
    if (item.delegationDecisionIds.length > 0 && item.kind !== 'delegationReport') return no(`Punkten ”${item.title}” anger delegationsbeslut men är inte en anmälan av delegationsbeslut.`);
    if (item.documents.some((sha) => !state.documents[sha])) return no(`En handling till punkten ”${item.title}” är inte delad med styrelsen.`);
    if (item.presenter !== null && !state.persons[item.presenter]) return no(`Föredraganden för punkten ”${item.title}” finns inte i registret.`);
  }
  return OK;
}

function validFields(state: FederationState, p: { called?: string[] | null; agenda?: AgendaItem[]; videoLink?: string | null }): Verdict {
  const link = p.videoLink ? videoLinkProblem(p.videoLink) : null;
  if (link) return no(link);
  if (p.called?.some((id) => !state.persons[id])) return no('En kallad person finns inte i förbundets register.');
  return p.agenda ? validAgenda(state, p.agenda) : OK;
}

/** Whether an update would change a § already justerad omedelbart (its item, or who served in it). */
function touchesLockedParagraph(state: FederationState, m: MeetingState, next: MeetingState): string | null {
  const locked = Object.keys(m.lockedParagraphs).map(Number);
  if (locked.length === 0) return null;
  const numbers = paragraphNumbers(state, m);
  const before = servingByItem(state, m);
  const after = servingByItem(state, next);
  for (const item of m.agenda) {
    const n = numbers[item.id];
    if (n === undefined || !locked.includes(n)) continue;
    const again = next.agenda.find((i) => i.id === item.id);
    const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
    if (!again || !same(again, item) || next.agenda.indexOf(again) !== m.agenda.indexOf(item)) return `§ ${n} är justerad omedelbart; punkten kan inte ändras eller flyttas.`;
    if (!same(before.find((s) => s.itemId === item.id), after.find((s) => s.itemId === item.id))) return `§ ${n} är justerad omedelbart; närvaron i den paragrafen kan inte ändras.`;
  }
  return null;
}

/**
 * Sluten omröstning only at val, with only the count recorded; a tie at val
 * or in a closed vote is decided by lottning (recorded), never by the
 * chair's casting vote; lottning decides nothing else (KL 5 kap 53, 55 §§,
 * 6 kap 24 §).
 */
function voteRule(vote: NonNullable<MeetingPayload<'minutes.item.recorded'>['vote']>, election: boolean, deciding: number, chair: string | null): string | null {
  if (vote.closed) {
    if (!election) return 'Sluten omröstning får bara användas vid val.';
    if (vote.votes.length > 0) return 'Vid sluten omröstning antecknas bara antalet röster, inte hur var och en röstade.';
    if (!vote.count) return 'Ange antalet röster i den slutna omröstningen.';
    if (vote.count.ja + vote.count.nej + vote.count.avstar > deciding) return `Den slutna omröstningen har fler röster än de ${deciding} som tjänstgör.`;
  } else if (vote.count) return 'Antal röster anges bara vid sluten omröstning; vid öppen omröstning antecknas varje röst.';
  const result = voteResultOf(vote, chair, election);
  const tie = result.yes === result.no;
  if (vote.lot && !(tie && (election || vote.closed))) return 'Lottning avgör bara lika röstetal vid val eller sluten omröstning.';
  if (result.winner === null) {
    return election || vote.closed
      ? 'Omröstningen slutade lika; vid val och sluten omröstning avgörs det genom lottning. Ange hur lotten föll.'
      : 'Omröstningen slutade lika utan ordförandens utslagsröst; ordföranden måste rösta ja eller nej.';
  }
  return null;
}

/**
 * KL 6 kap 27 §: a decision (beslutsärende or val) in a § where not more than
 * half of the ledamöter serve is refused, unless the secretary records that
 * the meeting continued anyway and why; bordläggning and återremiss remain.
 */
function quorumProblem(state: FederationState, m: MeetingState, item: AgendaItem, s: ItemServing | undefined, p: MeetingPayload<'minutes.item.recorded'>): string | null {
  if (!p.decision || (item.kind !== 'decision' && item.kind !== 'election') || p.decision.outcome === 'table' || p.decision.outcome === 'referBack' || p.quorumContinued) return null;
  const { seats, fixed } = boardSeats(state, m.date);
  const deciding = s?.deciding.length ?? 0;
  if (deciding * 2 > seats) return null;
  return `Styrelsen är inte beslutför i punkten: ${deciding} av ${seats} ledamöter${fixed ? ' (enligt förbundsordningen)' : ''} tjänstgör, och mer än hälften (${Math.floor(seats / 2) + 1}) krävs. Bordlägg ärendet, eller anteckna att sammanträdet fortsatte ändå och skälet till det.`;
}

function checkRecord(state: FederationState, m: MeetingState, p: MeetingPayload<'minutes.item.recorded'>): Verdict {
  const item = m.agenda.find((i) => i.id === p.itemId);
  if (!item) return no('Punkten finns inte på sammanträdets föredragningslista.');
  const numbers = paragraphNumbers(state, m);
  const n = numbers[item.id] as number;
  if (m.lockedParagraphs[String(n)]) return no(`§ ${n} är justerad omedelbart och kan inte ändras.`);
  const who = new Set([...p.jav.flatMap((j) => [j.personId, ...(j.raisedBy ? [j.raisedBy] : [])]), ...(p.javDismissed ?? []).flatMap((d) => [d.personId, d.raisedBy]), ...p.motions.map((x) => x.personId), ...p.reservations.map((r) => r.personId), ...p.notes.map((x) => x.personId), ...p.adjusters]);
  for (const id of who) if (!state.persons[id]) return no('En person i protokollföringen finns inte i förbundets register.');
  if (new Set(p.jav.map((j) => j.personId)).size !== p.jav.length) return no('Samma person står med två gånger under jäv.');
  const s = servingByItem(state, m, { itemId: item.id, jav: p.jav.map((j) => j.personId) }).find((x) => x.itemId === item.id);
  const serving = new Set(s?.deciding.map((d) => d.personId) ?? []);
  const jav = new Set(p.jav.map((j) => j.personId));
  for (const x of p.motions) if (!serving.has(x.personId)) return no(`${name(state, x.personId)} tjänstgör inte i ärendet och kan inte yrka.`);
  if (new Set(p.motions.map((x) => x.id)).size !== p.motions.length) return no('Två yrkanden har samma id.');
  const index = m.agenda.indexOf(item);
  const javRuling = javRulingProblem(state, p, (id) => presentFromAttendance(m, id, index));
  if (javRuling) return no(javRuling);
  const presiding = presidingProblem(state, s, p.presiding);
  if (presiding) return no(presiding);
  if (p.vote) {
    const voters = p.vote.votes.map((v) => v.personId);
    if (new Set(voters).size !== voters.length) return no('Samma person har röstat två gånger.');
    for (const id of voters) {
      if (jav.has(id)) return no(`${name(state, id)} är jävig i ärendet och får inte rösta.`);
      if (!serving.has(id)) return no(`${name(state, id)} tjänstgör inte (är inte beslutande) i ärendet och får inte rösta.`);
    }
    const v = voteRule(p.vote, item.kind === 'election', serving.size, presidingInItem(s, p.presiding));
    if (v) return no(v);
  }
  const earlier = new Set((m.records[item.id]?.reservations ?? []).map((r) => r.personId));
  for (const r of p.reservations) {
    if (jav.has(r.personId)) return no(`${name(state, r.personId)} är jävig i ärendet, deltog inte i beslutet och kan inte reservera sig.`);
    if (!serving.has(r.personId)) return no(`${name(state, r.personId)} deltog inte i beslutet och kan inte reservera sig.`);
    if (p.vote?.votes.some((v) => v.personId === r.personId && v.vote === 'avstar')) return no(`${name(state, r.personId)} avstod från att rösta och kan därför inte reservera sig mot beslutet.`);
    if (m.endTime !== null && !earlier.has(r.personId)) return no('En reservation måste anmälas innan mötet avslutas; mötet är redan avslutat.');
    if (r.motionId !== null && !p.motions.some((x) => x.id === r.motionId)) return no('Reservationen hänvisar till ett yrkande som inte finns.');
  }
  const unpermitted = p.notes.find((x) => x.permittedBy === undefined);
  if (unpermitted) return no(`${name(state, unpermitted.personId)} får göra en protokollsanteckning bara om sammanträdet medger det; anteckna att ordföranden (eller styrelsen) medgav protokollsanteckningen.`);
  const quorum = quorumProblem(state, m, item, s, p);
  if (quorum) return no(quorum);
  const qualified = qualifiedFinding(state, item, s, p);
  if (qualified && !qualified.reached) return no(qualifiedRefusal(qualified));
  if (p.decision) {
    const d = p.decision;
    if (!outcomesFor(item.kind).includes(d.outcome)) return no(`Beslutet passar inte punktens slag (${item.kind === 'decision' ? 'ett beslutsärende avgörs, det noteras inte' : 'punkten kan bara noteras, godkännas eller bordläggas'}).`);
    if (d.period && d.period.from > d.period.to) return no('Beslutets period slutar före den börjar.');
    const byYear = Object.values(d.grantByYear);
    if ((d.amountKr !== null && d.amountKr < 0) || byYear.some((a) => a < 0)) return no('Beviljat belopp får inte vara negativt.');
    if (d.amountKr !== null && !(GRANT_OUTCOMES.includes(d.outcome) && item.applicationId)) return no('Ett belopp kan bara anges när en ansökan om medel beviljas.');
    if (GRANT_OUTCOMES.includes(d.outcome) && item.applicationId) {
      const app = state.applications[item.applicationId];
      const version = app?.versions[app.current - 1];
      if (!version) return no('Ansökan finns inte.');
      if (d.amountKr === null) return no('Ange beviljat belopp.');
      const sought = budgetTotals(version).sought;
      if (d.amountKr > sought) return no(`Beviljat belopp (${d.amountKr} kr) är större än det sökta (${sought} kr).`);
      if (byYear.length > 0 && byYear.reduce((a, b) => a + b, 0) !== d.amountKr) return no('Beviljat belopp per år går inte ihop med det beviljade beloppet.');
      if (byYear.length === 0 && d.amountKr !== Object.values(soughtPerYear(version)).reduce((a, b) => a + b, 0)) return no('Ange hur det beviljade beloppet fördelas per år.');
    }
  }
  if (p.adjusters.length > 0 && item.kind !== 'adjusters') return no('Justerare väljs under punkten Val av justerare.');
  if (new Set(p.adjusters).size !== p.adjusters.length) return no('Samma justerare står med två gånger.');
  const adjusters = adjusterProblem(state, m, p.adjusters, s);
  if (adjusters) return no(adjusters);
  if (p.urgent && !p.decision) return no('En paragraf som justeras omedelbart måste ha ett beslut.');
  return OK;
}

/** Why a draft of this part cannot be made now, or null. */
export function draftProblem(state: FederationState, m: MeetingState, part: DraftPart): string | null {
  if (!m.attendance) return 'Närvaron är inte antecknad.';
  if (part === 'whole' && m.endTime === null) return 'Mötet är inte avslutat; avsluta mötet med sluttid innan protokollet skickas för justering.';
  if (!m.justering) return 'Tid och plats för justering är inte bestämda.';
  if (!signingChair(state, m)) return 'Det finns ingen ordförande som kan justera protokollet på sammanträdesdagen.';
  if (adjustersOf(m).length === 0) return 'Ingen justerare är vald (punkten Val av justerare).';
  const adjusters = adjusterProblem(state, m, adjustersOf(m));
  if (adjusters) return adjusters;
  const items = itemsOfPart(state, m, part);
  if (items.length === 0) return `Paragrafen § ${String(part)} finns inte i protokollet.`;
  if (part !== 'whole') {
    if (m.lockedParagraphs[String(part)]) return `§ ${part} är redan justerad.`;
    if (!m.records[items[0]?.id ?? '']?.urgent) return `§ ${part} är inte markerad för omedelbar justering.`;
  }
  const numbers = paragraphNumbers(state, m);
  const missing = items.find((i) => i.kind === 'decision' && !m.records[i.id]?.decision);
  return missing ? `§ ${numbers[missing.id]} (${missing.title}) saknar beslut.` : null;
}

function feedback(state: FederationState, event: VerifiedEvent, p: MeetingPayload<'protokoll.returned'>, verb: string): Verdict {
  const o = openMeeting(state, p.meetingId);
  if ('v' in o) return o.v;
  const d = draftVersion(o.m, p.version);
  if (!d) return no(`Protokollet har ingen version ${p.version}.`);
  const a = event.body.author;
  if (d.document.signatories.chair.personId !== a && !d.document.signatories.adjusters.some((x) => x.personId === a)) {
    return no(`${name(state, a)} är varken ordförande eller justerare i version ${p.version} och kan inte ${verb}.`);
  }
  if (event.body.type === 'protokoll.returned' && latestDraft(o.m, d.part)?.version !== d.version) return no(`Det finns en senare version än ${p.version}.`);
  return OK;
}

export const MEETING_AUTHORITY: { [T in MeetingEventType]: Rule<T> } = {
  'meeting.created': (state, event, p) => {
    const s = secretaryOnly(state, event, p.date, 'planera sammanträden');
    if (!s.ok) return s;
    if (state.meetings[p.id] || state.persons[p.id] || state.organisations[p.id] || state.applications[p.id]) return no('Det finns redan något med samma id.');
    return validFields(state, p);
  },
  'meeting.updated': (state, event, p) => {
    const o = openMeeting(state, p.id);
    if ('v' in o) return o.v;
    const s = secretaryOnly(state, event, p.date ?? o.m.date, 'ändra sammanträden');
    if (!s.ok) return s;
    if (p.firstParagraph !== undefined && o.m.numberedFrom !== null) return no('Paragrafnumreringen är redan fastställd genom det första protokollutkastet.');
    const v = validFields(state, p);
    if (!v.ok) return v;
    const next: MeetingState = { ...o.m, ...Object.fromEntries(Object.entries(p).filter(([k, x]) => k !== 'id' && x !== undefined)) };
    const locked = touchesLockedParagraph(state, o.m, next);
    return locked ? no(locked) : OK;
  },
  'meeting.called': (state, event, p) => {
    const o = openMeeting(state, p.meetingId);
    if ('v' in o) return o.v;
    return secretaryOnly(state, event, o.m.date, 'skicka kallelser');
  },
  'absence.reported': (state, event, p) => {
    const o = openMeeting(state, p.meetingId);
    if ('v' in o) return o.v;
    if (!calledIds(state, o.m).includes(event.body.author)) return no(`${name(state, event.body.author)} är inte kallad till sammanträdet.`);
    return o.m.endTime !== null ? no('Sammanträdet är redan avslutat.') : OK;
  },
  'absence.withdrawn': (state, event, p) => {
    const o = openMeeting(state, p.meetingId);
    if ('v' in o) return o.v;
    return o.m.absences[event.body.author] ? OK : no('Det finns inget anmält förhinder att återta.');
  },
  'minutes.attendance.set': (state, event, p) => {
    const o = openMeeting(state, p.meetingId);
    if ('v' in o) return o.v;
    const s = secretaryOnly(state, event, o.m.date, 'anteckna närvaro');
    if (!s.ok) return s;
    const ids = p.persons.map((x) => x.personId);
    if (new Set(ids).size !== ids.length) return no('Samma person står med två gånger i närvaron.');
    if (ids.some((id) => !state.persons[id])) return no('En person i närvaron finns inte i förbundets register.');
    const items = new Set(o.m.agenda.map((i) => i.id));
    const refs = [...p.persons.flatMap((x) => [x.arrivedBeforeItem, x.leftAfterItem]), ...p.others.flatMap((x) => [x.fromItem, x.toItem])];
    if (refs.some((r) => r !== null && !items.has(r))) return no('Närvaron hänvisar till en punkt som inte finns på föredragningslistan.');
    const idx = (id: string | null, dflt: number): number => (id ? o.m.agenda.findIndex((i) => i.id === id) : dflt);
    if (p.persons.some((x) => idx(x.arrivedBeforeItem, 0) > idx(x.leftAfterItem, o.m.agenda.length))) return no('Någon anges ha gått innan hen kom.');
    const locked = touchesLockedParagraph(state, o.m, { ...o.m, attendance: { persons: p.persons, others: p.others } });
    return locked ? no(locked) : OK;
  },
  'minutes.item.recorded': (state, event, p) => {
    const o = openMeeting(state, p.meetingId);
    if ('v' in o) return o.v;
    const s = secretaryOnly(state, event, o.m.date, 'föra protokoll');
    if (!s.ok) return s;
    return checkRecord(state, o.m, p);
  },
  'minutes.closed': (state, event, p) => {
    const o = openMeeting(state, p.meetingId);
    if ('v' in o) return o.v;
    const s = secretaryOnly(state, event, o.m.date, 'avsluta möten');
    if (!s.ok) return s;
    return p.endTime < o.m.startTime ? no('Sluttiden ligger före starttiden.') : OK;
  },
  'protokoll.drafted': (state, event, p) => {
    const o = openMeeting(state, p.meetingId);
    if ('v' in o) return o.v;
    const s = secretaryOnly(state, event, o.m.date, 'skicka protokoll för justering');
    if (!s.ok) return s;
    const next = lastVersion(o.m) + 1;
    if (p.version !== next) return no(`Protokollet har redan version ${next - 1}; ett nytt utkast måste ha version ${next}.`);
    const problem = draftProblem(state, o.m, p.part);
    if (problem) return no(problem);
    const built = buildProtokoll(state, o.m.id, p.version, p.part);
    return protokollHash(built) === protokollHash(p.document) ? OK : no('Utkastet stämmer inte med protokollet som det ser ut i förbundets händelser; bygg det på nytt och skicka igen.');
  },
  'protokoll.returned': (state, event, p) => feedback(state, event, p, 'sända tillbaka protokollet'),
  'protokoll.commented': (state, event, p) => feedback(state, event, p, 'lämna synpunkter på protokollet'),
  'anslag.posted': (state, event, p) => {
    const m = state.meetings[p.meetingId];
    if (!m) return no('Sammanträdet finns inte.');
    const author = state.persons[event.body.author];
    if (author?.staffRole !== 'director' && author?.staffRole !== 'secretary') {
      return no(`${author?.name ?? 'Författaren'} är varken förbundschef eller sekreterare och får inte registrera anslaget.`);
    }
    // A § justerad omedelbart is announced on its own, with its own appeal window (KL 8 kap 12 §, 13 kap 5 §).
    const lock = p.part === undefined ? m.locked : (m.lockedParagraphs[String(p.part)] ?? null);
    const posted = p.part === undefined ? m.anslag : (m.paragraphAnslag?.[String(p.part)] ?? null);
    if (!lock) {
      return no(p.part === undefined ? 'Protokollet är inte justerat; justeringen kan tillkännages först när protokollet är justerat.' : `§ ${p.part} är inte justerad omedelbart; dess justering tillkännages med protokollet.`);
    }
    if (posted) return no(`${p.part === undefined ? 'Anslaget' : `Anslaget för § ${p.part}`} är redan registrerat som uppsatt ${posted.postedOn}.`);
    if (p.postedOn < lock.date) return no(`Anslaget kan inte ha satts upp ${p.postedOn}, före justeringen ${lock.date}.`);
    const today = swedishDate(event.body.at);
    if (p.postedOn > today) return no(`Datumet ${p.postedOn} har inte inträffat än. Registrera anslaget när det har satts upp.`);
    return OK;
  },
  'protokoll.attested': (state, event, p) => {
    const o = openMeeting(state, p.meetingId);
    if ('v' in o) return o.v;
    const d = draftVersion(o.m, p.version);
    if (!d) return no(`Protokollet har ingen version ${p.version}.`);
    if (d.part !== p.part) return no(`Version ${p.version} gäller ${d.part === 'whole' ? 'hela protokollet' : `§ ${d.part}`}, inte ${p.part === 'whole' ? 'hela protokollet' : `§ ${p.part}`}.`);
    if (p.part !== 'whole' && o.m.lockedParagraphs[String(p.part)]) return no(`§ ${p.part} är redan justerad.`);
    if (latestDraft(o.m, d.part)?.version !== d.version) return no(`Det finns en senare version än ${p.version}; justera den senaste versionen.`);
    const a = event.body.author;
    const sig = d.document.signatories;
    if (p.role === 'chair' && sig.chair.personId !== a) return no(`${name(state, a)} är inte ordförande i version ${p.version} och kan inte justera som ordförande.`);
    if (p.role === 'adjuster' && !sig.adjusters.some((x) => x.personId === a)) return no(`${name(state, a)} är inte justerare i version ${p.version}.`);
    if (p.sha256 !== d.sha256) return no('Justeringen gäller inte den text som skickades för justering (kontrollsumman stämmer inte).');
    if (o.m.feedback.some((f) => f.kind === 'returned' && f.version === d.version)) return no(`Version ${p.version} har sänts tillbaka; justera en rättad version.`);
    if (o.m.attestations.some((x) => x.version === d.version && x.personId === a && x.role === p.role)) return no(`${name(state, a)} har redan justerat version ${p.version}.`);
    return OK;
  },
};
