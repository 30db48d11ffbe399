import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/contract';
import { deadline, plusDays } from '../../../shared/domain/calendar';
import { formatAmount } from '../../../shared/domain/format';
import { pendingDelegationReports } from '../../../shared/domain/delegations';
import { agendaItem, buildProtokoll, latestDraft, reportedDelegationDecisionIds, standardAgenda, type AgendaItem, type AttestationRole } from '../../../shared/domain/meetings';
import { endOfMonthAfter, firstOfNextMonth, type DemoCalendar } from './demo-calendar';
import { STUDY_KR_PER_MONTH } from './demo-applications';
import { stateOf } from './demo-state';

/**
 * The demo's sammanträden, played through the contract as the förbundschef's
 * screens would: the meeting held about a week ago (Karin Lindqvist has
 * förhinder, so Johan Ek serves; Maria Sandberg is jävig in the förstudie of
 * Öppna vägar, so Per Holm serves there; a vote, a reservation and a
 * protokollsanteckning), closed and drafted; and the next meeting, called,
 * with the two current ansökningar and the delegationsbeslut still to report.
 */

export const PLACE = 'Förbundets kansli, Stationsgatan 12, Skövde';

export interface DemoBoard {
  /** Person id by name. */
  person: (name: string) => string;
  directorId: string;
  secretaryId: string;
}

const append = (laptop: Handlers, type: string, payload: Record<string, unknown>) => laptop['log.append']({ type, payload, prev: [] });

export interface HeldMeeting {
  meetingId: string;
  studyItemId: string;
}

/** The held meeting, from planning to the draft sent for justering (version 1). */
export async function holdDemoMeeting(director: Handlers, board: DemoBoard, cal: DemoCalendar, ids: { study: string; reportedDecisions: string[] }): Promise<HeldMeeting> {
  const p = board.person;
  const from = firstOfNextMonth(cal.held);
  const to = endOfMonthAfter(from, 3);
  const grant = 3 * STUDY_KR_PER_MONTH;
  const agenda: AgendaItem[] = standardAgenda({
    newId: randomUUID,
    applications: [
      {
        applicationId: ids.study,
        name: 'Öppna vägar (förstudie)',
        dnr: `Dnr ${cal.fromHeld(-48).slice(0, 4)}/09`,
        proposal: `Styrelsen beslutar att bevilja Skövde kommun ${formatAmount(grant)} för förstudien Öppna vägar ${from}–${to}.`,
        summary: 'Skövde kommun och Arbetsförmedlingen söker medel för en förstudie om unga vuxna 18–29 år som varken arbetar eller studerar. Förstudien ska ge underlag för en gemensam insats med lotsar.',
        presenter: board.directorId,
      },
    ],
    delegationDecisionIds: ids.reportedDecisions,
    presenter: board.directorId,
  });
  const study = agenda.find((i) => i.applicationId === ids.study)!;
  const interim: AgendaItem = {
    ...study,
    id: randomUUID(),
    title: `Delårsrapport januari–augusti ${cal.year}`,
    dnr: `Dnr ${cal.year}/21`,
    applicationId: null,
    summary: 'Förbundschefen redovisar delårsrapporten: verksamheten följer planen och 41 % av insatsmedlen är förbrukade.',
    proposal: `Styrelsen beslutar att godkänna delårsrapporten för januari–augusti ${cal.year}.`,
  };
  agenda.splice(agenda.indexOf(study) + 1, 0, interim);
  // A val as its own § (closed vote: only the count is recorded).
  const election = agendaItem(randomUUID(), 'election', {
    title: 'Val av styrelsens representant i beredningsgruppen',
    proposal: 'Valberedningen föreslår Johan Ek.',
    presenter: board.directorId,
  });
  agenda.splice(agenda.indexOf(interim) + 1, 0, election);
  const info = agenda.find((i) => i.kind === 'information')!;
  info.summary = 'Förbundschefen informerar om arbetet med verksamhetsplan och budget för nästa år och om den nationella uppföljningen (SUS).';

  const meetingId = randomUUID();
  await append(director, 'meeting.created', {
    id: meetingId,
    date: cal.held,
    startTime: '09:00',
    place: PLACE,
    justering: { date: cal.today, place: PLACE },
    firstParagraph: cal.firstParagraph,
    agenda,
  });
  await append(director, 'meeting.called', { meetingId, sentOn: cal.fromHeld(-14) });

  // Närvaro: Karin Lindqvist (Försäkringskassan) has förhinder; Mats Öberg and Elin Berg are not there.
  const absent = new Set(['Karin Lindqvist', 'Mats Öberg', 'Elin Berg']);
  const names = ['Lena Åberg', 'Mats Öberg', 'Karin Lindqvist', 'Johan Ek', 'Maria Sandberg', 'Per Holm', 'Anders Nyström', 'Elin Berg', 'Olle Ström', 'Sara Ekström'];
  await append(director, 'minutes.attendance.set', {
    meetingId,
    persons: [
      ...names.map((n) => ({ personId: p(n), present: !absent.has(n) })),
      { personId: board.directorId, present: true },
      { personId: board.secretaryId, present: true },
    ],
    others: [{ id: randomUUID(), name: 'Karin Rangin', role: 'utvecklare, Skövde kommun', fromItem: study.id, toItem: study.id }],
  });

  const item = (kind: AgendaItem['kind']) => agenda.find((i) => i.kind === kind)!.id;
  const record = (itemId: string, fields: Record<string, unknown>) => append(director, 'minutes.item.recorded', { meetingId, itemId, ...fields });

  await record(item('adjusters'), { adjusters: [p('Olle Ström')] });
  const approve = randomUUID();
  const reject = randomUUID();
  await record(study.id, {
    decision: {
      outcome: 'grant',
      text: study.proposal,
      amountKr: grant,
      period: { from, to },
    },
    jav: [{ personId: p('Maria Sandberg'), ground: 'representative', text: 'Arbetsförmedlingen är part i ansökan.' }],
    motions: [
      { id: approve, personId: p('Lena Åberg'), kind: 'approve' },
      { id: reject, personId: p('Anders Nyström'), kind: 'reject', text: 'Förstudien bör vänta tills verksamhetsplanen för nästa år är antagen.' },
    ],
    vote: {
      proposition: 'Ja för förslaget till beslut, nej för Anders Nyströms yrkande om avslag.',
      votes: [
        { personId: p('Lena Åberg'), vote: 'ja' },
        { personId: p('Johan Ek'), vote: 'ja' },
        { personId: p('Per Holm'), vote: 'ja' },
        { personId: p('Olle Ström'), vote: 'ja' },
        { personId: p('Anders Nyström'), vote: 'nej' },
      ],
    },
    reservations: [{ personId: p('Anders Nyström'), motionId: reject, text: 'Medlen behövs till insatser som redan är prioriterade.' }],
    sendTo: ['Skövde kommun', 'Arbetsförmedlingen', 'Förbundets ekonom'],
  });
  await record(interim.id, {
    decision: { outcome: 'grant', text: interim.proposal },
    notes: [{ personId: p('Anders Nyström'), text: 'Anders Nyström får till protokollet anteckna att Västra Götalandsregionen vill se utfallet per insats i nästa delårsrapport.', permittedBy: 'chair' }],
    sendTo: ['Förbundsmedlemmarna'],
  });
  await record(election.id, {
    decision: { outcome: 'elected', text: 'Styrelsen beslutar att välja Johan Ek till styrelsens representant i beredningsgruppen.' },
    vote: { proposition: 'Ja för Johan Ek, nej för Sara Ekström.', votes: [], closed: true, count: { ja: 3, nej: 1, avstar: 1 } },
  });
  await record(info.id, { decision: { outcome: 'noted', text: 'Styrelsen noterar informationen.' } });
  await append(director, 'minutes.closed', { meetingId, endTime: '11:15' });

  const document = buildProtokoll(await stateOf(director), meetingId, 1, 'whole');
  await append(director, 'protokoll.drafted', { meetingId, version: 1, part: 'whole', document: document as unknown as Record<string, unknown> });
  return { meetingId, studyItemId: study.id };
}

/** The chair or the justerare attests the latest draft on their own laptop, with their own key. */
export async function attestOnLaptop(laptop: Handlers, meetingId: string, role: AttestationRole): Promise<void> {
  const m = (await stateOf(laptop)).meetings[meetingId];
  const draft = m ? latestDraft(m, 'whole') : undefined;
  if (!draft) throw new Error('demo: the protokoll draft did not reach the laptop');
  await append(laptop, 'protokoll.attested', { meetingId, version: draft.version, sha256: draft.sha256, role, part: 'whole' });
}

/** The next meeting, a couple of weeks ahead: called, with the two current ansökningar and the delegationsbeslut not yet reported. */
export async function planNextMeeting(director: Handlers, board: DemoBoard, cal: DemoCalendar, apps: { openRoads: string; healthier: string }): Promise<string> {
  const state = await stateOf(director);
  const app = (id: string) => state.applications[id]!.versions[0]!;
  // Reported in a justerat protokoll, or already on the held meeting's list (justerat later in the demo).
  const listed = Object.values(state.meetings).flatMap((m) => m.agenda.flatMap((i) => (i.kind === 'delegationReport' ? i.delegationDecisionIds : [])));
  const pending = pendingDelegationReports(state, cal.next, new Set([...reportedDelegationDecisionIds(state), ...listed])).map((d) => d.id);
  const agenda: AgendaItem[] = standardAgenda({
    newId: randomUUID,
    applications: [
      {
        applicationId: apps.openRoads,
        name: app(apps.openRoads).name,
        dnr: app(apps.openRoads).registrationNumber,
        proposal: 'Styrelsen beslutar att bevilja Öppna vägar 1 420 000 kr för två år enligt ansökan.',
        summary: 'Projekt efter förstudien: en processledare och lotsar för unga vuxna i Skövde och Falköping.',
        presenter: board.directorId,
      },
      {
        applicationId: apps.healthier,
        name: app(apps.healthier).name,
        dnr: app(apps.healthier).registrationNumber,
        proposal: 'Styrelsen beslutar att bevilja förstudien Friskare tillsammans 350 000 kr enligt ansökan.',
        presenter: board.directorId,
      },
    ],
    delegationDecisionIds: pending,
    presenter: board.directorId,
  });
  const decisions = agenda.filter((i) => i.kind === 'decision');
  agenda.splice(agenda.indexOf(decisions.at(-1)!) + 1, 0, agendaItem(randomUUID(), 'election', { title: 'Val av vice ordförande', summary: 'Vice ordföranden har avsagt sig uppdraget; styrelsen väljer en ny vice ordförande för resten av mandatperioden.', presenter: board.directorId }));
  const meetingId = randomUUID();
  await append(director, 'meeting.created', {
    id: meetingId,
    date: cal.next,
    startTime: '09:00',
    place: PLACE,
    distance: 'Anslut till videomötet fem minuter före start. Vid problem, ring förbundets kansli.',
    videoLink: 'https://möte.exempel.se/styrelsen',
    justering: { date: nextMonday(cal.next), place: PLACE },
    agenda,
  });
  await append(director, 'meeting.called', { meetingId, sentOn: cal.today });
  return meetingId;
}

/** Four days after the meeting (the Monday after a Thursday), moved to a weekday: when its protokoll is to be justerat. */
const nextMonday = (meetingDay: string): string => deadline(plusDays(meetingDay, 4));
