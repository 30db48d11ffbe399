import { createHash } from 'node:crypto';
import type { KallelseDocument } from '../../../../../../shared/domain/meetings/kallelse-document';
import { KALLELSE_FORMAT } from '../../../../../../shared/domain/meetings/kallelse-document';
import {
  PROTOKOLL_FORMAT,
  protokollHash,
  type AttendanceLine,
  type ProtokollDocument,
  type ProtokollParagraph,
  type ProtokollPerson,
} from '../../../../../../shared/domain/meetings/protokoll-document';
import { finalFromPosting } from '../../../../../../shared/domain/meetings/anslag';
import { EVENT_FORMAT_VERSION, type SignedEventLine } from '../../../../../../shared/domain/log/signed-event';
import { generateEphemeralIdentity, type DeviceIdentity } from '../../../../../../electron/services/identity/keys';
import { signEvent } from '../../../../../../electron/services/identity/events';
import type { SignerInfo } from '../../../../../../electron/services/meetings/protokoll/protokoll-attestations';

/**
 * A realistic protokoll (Styrelsen, 2026-03-14, §§ 12–19) with everything the
 * layout has to carry: a tjänstgörande ersättare, a vote, a jäv, a
 * reservation, a protokollsanteckning, a confidential § and å ä ö § in every
 * kind of text. `bigProtokoll(60)` repeats realistic §§ for the bench.
 */

export const id = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const person = (n: number, name: string): ProtokollPerson => ({ personId: id(n), name });

export const P = {
  chair: person(1, 'Åsa Öberg'),
  vice: person(2, 'Per Ek'),
  member3: person(3, 'Lena Åberg'),
  member4: person(4, 'Olle Ström'),
  member5: person(5, 'Anna Berg'),
  sub6: person(6, 'Lisa Holm'),
  sub7: person(7, 'Göran Näslund'),
  director: person(8, 'Birgitta Holmgren'),
  secretary: person(9, 'Maja Söderlund'),
  adjuster: person(3, 'Lena Åberg'),
  absent: person(10, 'Karin Ödman'),
};

const line = (p: ProtokollPerson, organisation: string | null, role: string, extra: Partial<AttendanceLine> = {}): AttendanceLine => ({
  ...p,
  organisation,
  role,
  paragraphs: null,
  distance: false,
  ...extra,
});

const deciding: AttendanceLine[] = [
  line(P.chair, 'Skövde kommun', 'ordförande'),
  line(P.vice, 'Västra Götalandsregionen', 'vice ordförande'),
  line(P.member3, 'Försäkringskassan', 'ledamot'),
  line(P.member4, 'Arbetsförmedlingen', 'ledamot', { distance: true }),
  line(P.member5, 'Falköpings kommun', 'ledamot', { paragraphs: '§ 12–17' }),
  line(P.sub6, 'Tibro kommun', `tjänstgörande ersättare för ${P.absent.name}`),
];

const everyone = deciding.map(({ personId, name }) => ({ personId, name }));
const withoutPerEk = everyone.filter((p) => p.personId !== P.vice.personId).concat([P.sub7]);

const base = (n: number, title: string, over: Partial<ProtokollParagraph> = {}): ProtokollParagraph => ({
  number: n,
  title,
  dnr: null,
  summary: null,
  basis: [],
  proposal: null,
  motions: [],
  vote: null,
  decision: { outcome: 'noted', outcomeLabel: 'Noteras', text: 'Styrelsen beslutar att lägga informationen till handlingarna.', amountKr: null, period: null },
  jav: [],
  reservations: [],
  notes: [],
  participants: everyone,
  urgent: false,
  sendTo: [],
  ...over,
});

export function protokoll(version = 1): ProtokollDocument {
  const paragraphs: ProtokollParagraph[] = [
    base(12, 'Mötets öppnande och godkännande av dagordningen', {
      summary: 'Ordföranden öppnar sammanträdet och konstaterar att styrelsen är beslutför. Dagordningen föredras.',
      decision: { outcome: 'grant', outcomeLabel: 'Bifall', text: 'Styrelsen beslutar att godkänna dagordningen med tillägg av en övrig fråga om lokaler.', amountKr: null, period: null },
    }),
    base(13, 'Val av justerare och tid för justering', {
      decision: { outcome: 'grant', outcomeLabel: 'Bifall', text: 'Styrelsen beslutar att utse Lena Åberg att jämte ordföranden justera dagens protokoll den 17 mars 2026 på förbundskontoret.', amountKr: null, period: null },
    }),
    base(14, 'Ansökan om medel till insatsen Öppna vägar för unga', {
      dnr: 'Dnr 2026:014',
      summary:
        'Tibro kommun och Arbetsförmedlingen ansöker om 450 000 kr för att under två år ge unga vuxna 18–29 år som står långt från arbetsmarknaden ett samordnat stöd med studie- och yrkesvägledning, arbetsträning och hälsofrämjande insatser. Insatsen bygger på erfarenheterna från förstudien 2025 och ska följas upp i SUS.',
      basis: ['Ansökan om medel – Öppna vägar för unga, 2026-02-20', 'Förbundschefens tjänsteskrivelse, 2026-03-02', 'Budget och finansieringsplan 2026–2027'],
      proposal: 'Styrelsen föreslås bevilja 450 000 kr till insatsen Öppna vägar för unga för perioden 2026-04-01–2027-03-31.',
      motions: [
        { personId: P.chair.personId, name: P.chair.name, text: 'Åsa Öberg yrkar bifall till förslaget.' },
        { personId: P.member4.personId, name: P.member4.name, text: 'Olle Ström yrkar att ansökan beviljas med 300 000 kr.' },
      ],
      vote: {
        proposition: 'Ordföranden ställer proposition på förslaget mot Olle Ströms yrkande och finner att styrelsen bifaller förslaget. Omröstning begärs och verkställs. Den som röstar för förslaget röstar ja, den som röstar för Olle Ströms yrkande röstar nej.',
        votes: [
          { ...P.chair, vote: 'ja' },
          { ...P.vice, vote: 'ja' },
          { ...P.member3, vote: 'ja' },
          { ...P.member4, vote: 'nej' },
          { ...P.member5, vote: 'ja' },
          { ...P.sub6, vote: 'avstar' },
        ],
        yes: 4,
        no: 1,
        abstain: 1,
        castingVote: false,
        result: 'Styrelsen har med 4 ja-röster mot 1 nej-röst, 1 avstår, beslutat att bifalla förslaget.',
      },
      decision: {
        outcome: 'grant',
        outcomeLabel: 'Bifall',
        text: 'Styrelsen beslutar att bevilja 450 000 kr till insatsen Öppna vägar för unga för perioden 2026-04-01–2027-03-31, och att insatsen ska redovisas i tertialrapporter.',
        amountKr: 450000,
        period: { from: '2026-04-01', to: '2027-03-31' },
      },
      reservations: [{ personId: P.member4.personId, name: P.member4.name, text: 'Olle Ström reserverar sig mot beslutet till förmån för eget yrkande.' }],
      sendTo: ['Tibro kommun', 'Arbetsförmedlingen', 'Ekonomi'],
    }),
    base(15, 'Ansökan om förlängning av insatsen Hälsa på väg', {
      dnr: 'Dnr 2026:009',
      confidential: true,
      summary: 'Ansökan innehåller uppgifter om enskilda deltagares hälsa som omfattas av sekretess enligt 21 kap. 1 § OSL.',
      basis: ['Ansökan om förlängning – Hälsa på väg (sekretess)', 'Förbundschefens tjänsteskrivelse, 2026-03-03'],
      proposal: 'Styrelsen föreslås bevilja förlängning med 210 000 kr.',
      decision: { outcome: 'partialGrant', outcomeLabel: 'Delvis bifall', text: 'Styrelsen beslutar att bevilja förlängning av insatsen Hälsa på väg med 180 000 kr för perioden 2026-07-01–2026-12-31.', amountKr: 180000, period: { from: '2026-07-01', to: '2026-12-31' } },
      jav: [{ personId: P.vice.personId, name: P.vice.name, text: 'Per Ek (vice ordförande) anmäler jäv och deltar inte i handläggningen. Göran Näslund tjänstgör i hans ställe.' }],
      participants: withoutPerEk,
      notes: [{ personId: P.member5.personId, name: P.member5.name, text: 'Anna Berg antecknar till protokollet att uppföljningen av hälsoinsatser bör redovisas för styrelsen i augusti.' }],
      sendTo: ['Västra Götalandsregionen, Närhälsan'],
      urgent: true,
    }),
    base(16, 'Anmälan av delegationsbeslut', {
      summary: 'Förbundschefen anmäler beslut fattade med stöd av delegationsordningen: punkt 3.2 Attest av fakturor upp till ett prisbasbelopp (Dnr 2026:011, 12 400 kr) och punkt 4.1 Yttrande över remiss (Dnr 2026:012).',
      decision: { outcome: 'noted', outcomeLabel: 'Noteras', text: 'Styrelsen beslutar att notera anmälan av delegationsbesluten till protokollet.', amountKr: null, period: null },
    }),
    base(17, 'Förbundschefens rapport och ekonomisk uppföljning', {
      summary: 'Förbundschefen redogör för verksamheten och den ekonomiska uppföljningen per februari. Utfallet är 1 234 500 kr mot en budget på 1 300 000 kr för perioden.',
      basis: ['Ekonomisk uppföljning februari 2026'],
    }),
    base(18, 'Övriga frågor: lokaler för förbundskontoret', {
      summary: 'Frågan om förbundskontorets lokaler efter årsskiftet väcks. Förbundschefen får i uppdrag att utreda alternativ.',
      decision: { outcome: 'referBack', outcomeLabel: 'Återremiss', text: 'Styrelsen beslutar att återremittera ärendet till förbundschefen för vidare beredning till nästa sammanträde.', amountKr: null, period: null },
      participants: everyone.filter((p) => p.personId !== P.member5.personId),
    }),
    base(19, 'Mötets avslutande', {
      decision: { outcome: 'noted', outcomeLabel: 'Noteras', text: 'Ordföranden tackar för visat intresse och förklarar sammanträdet avslutat kl. 11.45.', amountKr: null, period: null },
      participants: everyone.filter((p) => p.personId !== P.member5.personId),
    }),
  ];
  return {
    format: PROTOKOLL_FORMAT,
    forbund: { id: id(0xf0bd), name: 'Samordningsförbundet Östra Skaraborg', orgNr: '222000-1234' },
    organ: 'Styrelsen',
    meeting: { id: id(0xbeef), date: '2026-03-14', startTime: '09.00', endTime: '11.45', place: 'Stadshuset, sessionssalen, Skövde', distanceParticipation: true },
    paragraphRange: { from: 12, to: 19 },
    attendance: {
      deciding,
      substitutesNotServing: [line(P.sub7, 'Västra Götalandsregionen', 'ersättare', { paragraphs: '§ 12–14, 16–19' })],
      others: [line(P.director, null, 'förbundschef'), line(P.secretary, null, 'sekreterare'), line(person(11, 'Jonas Ärlig'), 'Tibro kommun', 'föredragande', { paragraphs: '§ 14' })],
    },
    paragraphs,
    signatories: { chair: P.chair, adjusters: [P.adjuster], secretary: P.secretary },
    justering: { date: '2026-03-17', place: 'Förbundskontoret, Skövde' },
    storage: 'Samordningsförbundet Östra Skaraborg, förbundskontoret, Skövde',
    version,
  };
}

/** The same meeting with `count` §§ (from § 1), for the bench. */
export function bigProtokoll(count: number): ProtokollDocument {
  const doc = protokoll();
  const templates = doc.paragraphs;
  const paragraphs = Array.from({ length: count }, (_, i) => ({ ...structuredClone(templates[i % templates.length]!), number: i + 1 }));
  return { ...doc, paragraphs, paragraphRange: { from: 1, to: count } };
}

export interface Signer {
  identity: DeviceIdentity;
  person: ProtokollPerson;
  /** 'director': the förbundschef, who records the anslag (and signs no attestation). */
  role: 'chair' | 'adjuster' | 'director';
}

export const CERT_ROLE: Record<Signer['role'], string> = { chair: 'ordförande', adjuster: 'justerare', director: 'förbundschef' };

export function makeSigners(): Signer[] {
  return [
    { identity: generateEphemeralIdentity({ person: P.chair.personId, deviceName: 'Ordförandens dator' }), person: P.chair, role: 'chair' },
    { identity: generateEphemeralIdentity({ person: P.adjuster.personId, deviceName: 'Justerarens dator' }), person: P.adjuster, role: 'adjuster' },
  ];
}

export function signerInfo(signers: Signer[]): Record<string, SignerInfo> {
  return Object.fromEntries(
    signers.map((s) => [s.identity.fingerprint, { name: s.person.name, role: CERT_ROLE[s.role], publicKeyPem: s.identity.publicKeyPem }]),
  );
}

/** The förbundschef's laptop, which records the anslag. */
export function makePoster(): Signer {
  return { identity: generateEphemeralIdentity({ person: P.director.personId, deviceName: 'Förbundschefens dator' }), person: P.director, role: 'director' };
}

/** The anslag as an export carries it: the dates and the förbundschef's signed anslag.posted event. */
export function postedAnslag(poster: Signer, doc: ProtokollDocument, postedOn = '2026-03-18', at = '2026-03-18T07:40:00Z', over: Record<string, unknown> = {}) {
  const event = signEvent(poster.identity, {
    v: EVENT_FORMAT_VERSION,
    after: [createHash('sha256').update(`locked-${doc.version}`).digest('hex')],
    forbund: doc.forbund.id,
    author: poster.person.personId,
    key: poster.identity.fingerprint,
    lamport: 300,
    at,
    type: 'anslag.posted',
    payload: { meetingId: doc.meeting.id, postedOn, ...over },
    prev: [createHash('sha256').update(`locked-${doc.version}`).digest('hex')],
  }).line;
  return { postedOn, takenDownOn: finalFromPosting(postedOn), event };
}

/** A real, signed protokoll.attested event. */
export function attest(
  signer: Signer,
  doc: ProtokollDocument,
  at: string,
  over: Partial<{ sha256: string; version: number; part: 'whole' | number; meetingId: string }> = {},
): SignedEventLine {
  return signEvent(signer.identity, {
    v: EVENT_FORMAT_VERSION,
    after: [createHash('sha256').update(`draft-${doc.version}`).digest('hex')],
    forbund: doc.forbund.id,
    author: signer.person.personId,
    key: signer.identity.fingerprint,
    lamport: 100 + Math.floor(Math.random() * 100),
    at,
    type: 'protokoll.attested',
    payload: { meetingId: doc.meeting.id, version: doc.version, sha256: protokollHash(doc), role: signer.role, part: 'whole', ...over },
    prev: [createHash('sha256').update(`draft-${doc.version}`).digest('hex')],
  }).line;
}

export function kallelse(): KallelseDocument {
  const presenter = 'Birgitta Holmgren, förbundschef';
  return {
    format: KALLELSE_FORMAT,
    forbund: { name: 'Samordningsförbundet Östra Skaraborg', orgNr: '222000-1234' },
    organ: 'Styrelsen',
    meeting: { id: id(0xbeef), date: '2026-03-14', startTime: '09.00', place: 'Stadshuset, sessionssalen, Skövde', distance: 'Deltagande på distans via förbundets videomöte; länken skickas dagen före.' },
    sentOn: '2026-03-06',
    recipients: [
      { name: 'Åsa Öberg', role: 'ordförande', organisation: 'Skövde kommun' },
      { name: 'Per Ek', role: 'vice ordförande', organisation: 'Västra Götalandsregionen' },
      { name: 'Lena Åberg', role: 'ledamot', organisation: 'Försäkringskassan' },
      { name: 'Olle Ström', role: 'ledamot', organisation: 'Arbetsförmedlingen' },
      { name: 'Karin Ödman', role: 'ledamot', organisation: 'Tibro kommun' },
      { name: 'Lisa Holm', role: 'ersättare (1)', organisation: 'Tibro kommun' },
      { name: 'Göran Näslund', role: 'ersättare (1)', organisation: 'Västra Götalandsregionen' },
    ],
    items: [
      { number: 1, title: 'Mötets öppnande', dnr: null, proposal: null, documents: [], presenter: null },
      { number: 2, title: 'Godkännande av dagordningen och anmälan om jäv', dnr: null, proposal: 'Styrelsen föreslås godkänna dagordningen.', documents: [], presenter: null },
      { number: 3, title: 'Val av justerare och tid för justering', dnr: null, proposal: 'Styrelsen föreslås utse en justerare att jämte ordföranden justera protokollet den 17 mars 2026.', documents: [], presenter: null },
      {
        number: 4,
        title: 'Ansökan om medel till insatsen Öppna vägar för unga',
        dnr: 'Dnr 2026:014',
        proposal: 'Styrelsen föreslås bevilja 450 000 kr till insatsen Öppna vägar för unga för perioden 2026-04-01–2027-03-31.',
        documents: ['Ansökan om medel – Öppna vägar för unga, 2026-02-20', 'Förbundschefens tjänsteskrivelse, 2026-03-02'],
        presenter,
      },
      { number: 5, title: 'Anmälan av delegationsbeslut', dnr: null, proposal: 'Styrelsen föreslås notera anmälan till protokollet.', documents: ['Förteckning över delegationsbeslut, januari–februari 2026'], presenter },
      { number: 6, title: 'Förbundschefens rapport och ekonomisk uppföljning', dnr: null, proposal: null, documents: ['Ekonomisk uppföljning februari 2026'], presenter },
      { number: 7, title: 'Övriga frågor', dnr: null, proposal: null, documents: [], presenter: null },
      { number: 8, title: 'Mötets avslutande', dnr: null, proposal: null, documents: [], presenter: null },
    ],
    absenceNote: 'Anmäl förhinder så snart som möjligt i Styrelsebordet eller till förbundskansliet, så att rätt ersättare kan kallas in.',
    sender: { name: 'Birgitta Holmgren', role: 'förbundschef', email: 'birgitta.holmgren@ostraskaraborg.se' },
  };
}
