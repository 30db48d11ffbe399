import type { FederationState } from '../events/state';
import { BOARD_ROLE_LABEL, STAFF_ROLE_LABEL, type BoardRole } from '../forbund/model';
import { DECISION_OUTCOME_LABEL, DEFAULT_STORAGE, NOTE_PERMISSION_SENTENCE, type AgendaItem, type AgendaItemKind, type Decision, type DraftPart } from './model';
import { delegationLines } from './agenda';
import { paragraphNumbers, paragraphRangeText } from './numbering';
import { PROTOKOLL_FORMAT, type AttendanceLine, type ProtokollDocument, type ProtokollParagraph, type ProtokollPerson } from './protokoll-document';
import { boardSeats, servingByItem, type ItemServing } from './serving';
import { boardChairOn, itemIndex, type MeetingState } from './state';
import { presidingInItem, presidingSentence, qualifiedFinding, qualifiedSentence, regularChairInItem } from './presiding';
import { javRulingSentences } from './jav-ruling';
import { javSentence, motionSentence, reservationSentence, voteResultOf, voteResultSentence } from './texts';

/**
 * buildProtokoll: the canonical protokoll from the folded state. Pure and
 * deterministic (every list sorted with Swedish collation, ties by id), so
 * the same events give byte-identical documents on every laptop — which is
 * what lets authority.ts check a draft by building it again.
 */

const byName = (a: { name: string; personId: string }, b: { name: string; personId: string }): number =>
  a.name.localeCompare(b.name, 'sv') || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);

const nameOf = (state: FederationState, id: string): string => state.persons[id]?.name ?? 'okänd person';
const person = (state: FederationState, id: string): ProtokollPerson => ({ personId: id, name: nameOf(state, id) });

/** Decision text for items recorded without one (formal items); beslutsärenden always need their own. */
export function defaultDecision(kind: AgendaItemKind, adjusterNames: readonly string[], anyJav: boolean): Decision {
  const noted = (text: string): Decision => ({ outcome: 'noted', text, amountKr: null, period: null, grantByYear: {} });
  const approved = (text: string): Decision => ({ outcome: 'grant', text, amountKr: null, period: null, grantByYear: {} });
  switch (kind) {
    case 'opening':
      return noted('Ordföranden förklarar sammanträdet öppnat.');
    case 'agendaApproval':
      return approved('Styrelsen beslutar att godkänna dagordningen.');
    case 'adjusters':
      return approved(`Styrelsen beslutar att utse ${adjusterNames.length ? adjusterNames.join(' och ') : '…'} att jämte ordföranden justera protokollet.`);
    case 'javCall':
      return noted(anyJav ? 'Jäv anmäls i de ärenden där det framgår av paragrafen.' : 'Ingen anmäler jäv.');
    case 'previousMinutes':
      return approved('Styrelsen beslutar att lägga föregående protokoll till handlingarna.');
    case 'delegationReport':
      return approved('Styrelsen beslutar att lägga redovisningen av delegationsbeslut till handlingarna.');
    case 'messages':
      return approved('Styrelsen beslutar att lägga meddelandena till handlingarna.');
    case 'otherBusiness':
      return noted('Inga övriga frågor tas upp.');
    case 'nextMeeting':
      return noted('Styrelsen noterar tiden för nästa sammanträde.');
    case 'closing':
      return noted('Ordföranden förklarar sammanträdet avslutat.');
    case 'election':
      return { outcome: 'elected', text: 'Styrelsen beslutar att välja …', amountKr: null, period: null, grantByYear: {} };
    case 'decision':
      return noted('Beslut saknas.');
    default:
      return approved('Styrelsen beslutar att lägga informationen till handlingarna.');
  }
}

/** The justerare chosen in the (first) adjusters item, in the order recorded. */
export function adjustersOf(m: MeetingState): string[] {
  const item = m.agenda.find((i) => i.kind === 'adjusters');
  return item ? [...(m.records[item.id]?.adjusters ?? [])] : [];
}

/** Whether the person is present in any item (from the serving lists). */
const presentAnywhere = (serving: readonly ItemServing[], id: string): boolean =>
  serving.some((s) => s.deciding.some((d) => d.personId === id) || s.substitutesNotServing.includes(id) || s.others.includes(id) || s.jav.includes(id));

/** The ordförande who signs: the chair of the board if present, else a present vice chair, else the chair of the board. */
export function signingChair(state: FederationState, m: MeetingState, serving = servingByItem(state, m)): string | null {
  const chair = boardChairOn(state, m.date);
  if (chair && presentAnywhere(serving, chair)) return chair;
  const vice = boardChairOn(state, m.date, 'viceChair');
  if (vice && presentAnywhere(serving, vice)) return vice;
  return chair ?? vice;
}

/** The chair in one item (for the casting vote): the serving ordförande, else a serving vice ordförande (presiding.ts adds a temporary chair). */
export function chairInItem(serving: ItemServing | undefined): string | null {
  return regularChairInItem(serving);
}

/** The secretary who signs: a present sekreterare, else a present förbundschef (by name). */
export function signingSecretary(state: FederationState, serving: readonly ItemServing[]): string | null {
  const present = [...new Set(serving.flatMap((s) => s.others))].map((id) => state.persons[id]).filter((p) => p !== undefined);
  const pick = (role: 'secretary' | 'director') => present.filter((p) => p.staffRole === role).sort((a, b) => byName({ name: a.name, personId: a.id }, { name: b.name, personId: b.id }))[0];
  return (pick('secretary') ?? pick('director'))?.id ?? null;
}

const ROLE_RANK: Record<BoardRole, number> = { chair: 0, viceChair: 1, member: 2, substitute: 3 };

function attendance(state: FederationState, m: MeetingState, items: AgendaItem[], serving: ItemServing[], numbers: Record<string, number>): ProtokollDocument['attendance'] {
  const all = items.map((i) => numbers[i.id] as number);
  const distance = (id: string): boolean => m.attendance?.persons.find((p) => p.personId === id)?.distance ?? false;
  const orgName = (id: string | null): string | null => (id ? (state.organisations[id]?.name ?? null) : null);
  type Acc = { line: Omit<AttendanceLine, 'paragraphs'>; rank: number; paras: number[] };
  const groups = { deciding: new Map<string, Acc>(), substitutesNotServing: new Map<string, Acc>(), others: new Map<string, Acc>() };
  const add = (g: Map<string, Acc>, line: Omit<AttendanceLine, 'paragraphs'>, rank: number, n: number): void => {
    const key = `${line.personId}\u0000${line.role}`;
    const acc = g.get(key) ?? { line, rank, paras: [] };
    acc.paras.push(n);
    g.set(key, acc);
  };
  serving.forEach((s, i) => {
    const n = all[i] as number;
    for (const d of s.deciding) {
      const role = d.servesFor ? `tjänstgörande ersättare för ${nameOf(state, d.servesFor)}` : BOARD_ROLE_LABEL[d.role].toLowerCase();
      add(groups.deciding, { ...person(state, d.personId), organisation: orgName(d.organisationId), role, distance: distance(d.personId) }, ROLE_RANK[d.role], n);
    }
    for (const id of s.substitutesNotServing) {
      add(groups.substitutesNotServing, { ...person(state, id), organisation: orgName(state.persons[id]?.organisationId ?? null), role: 'ersättare', distance: distance(id) }, 0, n);
    }
    for (const id of s.others) {
      const staff = state.persons[id]?.staffRole;
      add(groups.others, { ...person(state, id), organisation: null, role: staff ? STAFF_ROLE_LABEL[staff].toLowerCase() : 'övrig deltagare', distance: distance(id) }, 0, n);
    }
  });
  for (const o of m.attendance?.others ?? []) {
    const from = o.fromItem ? itemIndex(m, o.fromItem) : 0;
    const to = o.toItem ? itemIndex(m, o.toItem) : m.agenda.length - 1;
    for (const item of items) {
      const idx = itemIndex(m, item.id);
      if (idx >= from && idx <= (to < 0 ? m.agenda.length - 1 : to)) add(groups.others, { personId: o.id, name: o.name, organisation: null, role: o.role, distance: o.distance }, 0, numbers[item.id] as number);
    }
  }
  const lines = (g: Map<string, Acc>): AttendanceLine[] =>
    [...g.values()]
      .sort((a, b) => a.rank - b.rank || byName(a.line, b.line) || (a.paras[0] ?? 0) - (b.paras[0] ?? 0) || (a.line.role < b.line.role ? -1 : 1))
      .map((a) => ({ ...a.line, paragraphs: a.paras.length === all.length ? null : paragraphRangeText(a.paras) }));
  return { deciding: lines(groups.deciding), substitutesNotServing: lines(groups.substitutesNotServing), others: lines(groups.others) };
}

function paragraph(state: FederationState, m: MeetingState, item: AgendaItem, n: number, s: ItemServing | undefined): ProtokollParagraph {
  const r = m.records[item.id];
  const adjusterNames = adjustersOf(m).map((id) => nameOf(state, id));
  const anyJav = Object.values(m.records).some((x) => x.jav.length > 0);
  const decision = r?.decision ?? defaultDecision(item.kind, adjusterNames, anyJav);
  const motionBy = new Map((r?.motions ?? []).map((x) => [x.id, x.personId]));
  const chair = presidingInItem(s, r?.presiding);
  const qualified = r ? qualifiedFinding(state, item, s, r) : null;
  const vote = r?.vote
    ? (() => {
        const result = voteResultOf(r.vote, chair, item.kind === 'election');
        const votes = r.vote.votes.map((v) => ({ personId: v.personId, name: nameOf(state, v.personId), vote: v.vote })).sort(byName);
        // closed and byLot only when set, so earlier protokoll hash as before the fields existed.
        const extra = { ...(result.closed ? { closed: true as const } : {}), ...(result.byLot ? { byLot: true as const } : {}) };
        return { proposition: r.vote.proposition, votes, yes: result.yes, no: result.no, abstain: result.abstain, castingVote: result.castingVote, result: voteResultSentence(result, decision.text), ...extra };
      })()
    : null;
  const substituteFor = (id: string): string | null => {
    const sub = s?.deciding.find((d) => d.servesFor === id)?.personId;
    return sub ? nameOf(state, sub) : null;
  };
  return {
    number: n,
    title: item.title,
    dnr: item.dnr,
    summary: item.summary,
    basis: [...item.documents.map((sha) => state.documents[sha]?.title ?? `Handling ${sha.slice(0, 8)}`), ...delegationLines(state, item)],
    proposal: item.proposal,
    motions: (r?.motions ?? []).map((x) => ({ personId: x.personId, name: nameOf(state, x.personId), text: motionSentence(nameOf(state, x.personId), x.kind, x.text) })),
    vote,
    decision: { outcome: decision.outcome, outcomeLabel: DECISION_OUTCOME_LABEL[decision.outcome], text: decision.text, amountKr: decision.amountKr, period: decision.period },
    jav: (r?.jav ?? []).map((j) => ({ personId: j.personId, name: nameOf(state, j.personId), text: javSentence(nameOf(state, j.personId), substituteFor(j.personId)) })).sort(byName),
    reservations: (r?.reservations ?? [])
      .map((x) => {
        const by = x.motionId ? motionBy.get(x.motionId) : undefined;
        const text = reservationSentence(nameOf(state, x.personId), by ? nameOf(state, by) : null, by === x.personId, x.text);
        return { personId: x.personId, name: nameOf(state, x.personId), text };
      })
      .sort(byName),
    // permission only when recorded, so notes recorded before it existed hash as before.
    notes: (r?.notes ?? []).map((x) => ({ personId: x.personId, name: nameOf(state, x.personId), text: x.text, ...(x.permittedBy ? { permission: NOTE_PERMISSION_SENTENCE[x.permittedBy] } : {}) })),
    participants: (s?.deciding ?? []).map((d) => person(state, d.personId)).sort(byName),
    urgent: r?.urgent ?? false,
    sendTo: [...(r?.sendTo ?? [])],
    // Only when set, so protokoll without confidential items hash as before the field existed.
    ...(item.confidential ? { confidential: true } : {}),
    ...(r?.quorumContinued
      ? { quorumNote: `Styrelsen var inte beslutför i paragrafen (${s?.deciding.length ?? 0} av ${boardSeats(state, m.date).seats} ledamöter${boardSeats(state, m.date).fixed ? ' enligt förbundsordningen' : ''} tjänstgjorde). Sammanträdet fortsatte ändå: ${r.quorumContinued.reason}` }
      : {}),
    ...(r && javRulingSentences(state, r).length > 0 ? { javRulings: javRulingSentences(state, r) } : {}),
    ...(r?.presiding ? { presidingNote: presidingSentence(state, r.presiding) } : {}),
    ...(qualified?.reached ? { qualifiedNote: qualifiedSentence(qualified) } : {}),
  };
}

/** The items a part covers: all of them, or the one with § `part`. */
export function itemsOfPart(state: FederationState, m: MeetingState, part: DraftPart): AgendaItem[] {
  if (part === 'whole') return m.agenda;
  const numbers = paragraphNumbers(state, m);
  return m.agenda.filter((i) => numbers[i.id] === part);
}

export function buildProtokoll(state: FederationState, meetingId: string, version: number, part: DraftPart = 'whole'): ProtokollDocument {
  const m = state.meetings[meetingId];
  if (!m) throw new Error(`buildProtokoll: unknown meeting ${meetingId}`);
  const numbers = paragraphNumbers(state, m);
  const allServing = servingByItem(state, m);
  const items = itemsOfPart(state, m, part);
  const serving = items.map((i) => allServing.find((s) => s.itemId === i.id) as ItemServing);
  const nums = items.map((i) => numbers[i.id] as number);
  const chair = signingChair(state, m, allServing);
  const secretary = signingSecretary(state, allServing);
  const fed = state.federation;
  return {
    format: PROTOKOLL_FORMAT,
    forbund: { id: fed?.id ?? '', name: fed?.name ?? '', orgNr: fed?.orgNr ?? '' },
    organ: m.organ,
    meeting: {
      id: m.id,
      date: m.date,
      startTime: m.startTime,
      endTime: m.endTime,
      place: m.place,
      distanceParticipation: m.attendance?.persons.some((p) => p.present && p.distance) ?? false,
    },
    paragraphRange: { from: nums[0] ?? 0, to: nums.at(-1) ?? 0 },
    attendance: attendance(state, m, items, serving, numbers),
    paragraphs: items.map((item, i) => paragraph(state, m, item, nums[i] as number, serving[i])),
    signatories: {
      chair: chair ? person(state, chair) : { personId: '', name: 'ordförande saknas' },
      adjusters: adjustersOf(m).map((id) => person(state, id)),
      secretary: secretary ? person(state, secretary) : null,
    },
    justering: m.justering ?? { date: m.date, place: m.place },
    storage: m.storage ?? DEFAULT_STORAGE,
    version,
  };
}
