import { z } from 'zod';
import { Hex64 } from '../log/signed-event';
import { IsoDate, Year } from '../forbund/model';
import { JavGround } from '../applications/jav';
import { QualifiedMatter } from '../forbund/ordning';
import { SafeLine } from '../safe-text';
import { VIDEO_LINK_MAX } from './video-link';

/** Points a föredragningslista holds at most (a meeting with more is split over several). */
export const MAX_AGENDA_ITEMS = 200;

/**
 * Sammanträde, föredragningslista and the record of each item (DOMAIN.md 1.3,
 * 1.6, 1.7, 4, 6). The schemas are event payloads and state at once. Enum
 * values are English identifiers and part of signed events: never rename one,
 * add a new value. The *_LABEL maps are what the screens and documents show.
 *
 * Schemas check shape only; rules with Swedish reasons are in authority.ts
 * (so e.g. a negative amount gets a Swedish refusal, not "ogiltigt innehåll").
 */

const Id = z.uuid();
const Text = (max: number) => z.string().trim().max(max);
/** "09:00" (the event stores ISO-like times; format.ts shows "09.00"). */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'tid som TT:MM');

export const AgendaItemKind = z.enum([
  'opening',
  'agendaApproval',
  'adjusters',
  'javCall',
  'previousMinutes',
  'decision',
  'delegationReport',
  'information',
  'report',
  'messages',
  'otherBusiness',
  'nextMeeting',
  'closing',
  'election',
]);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;

export const AGENDA_ITEM_KIND_LABEL: Record<AgendaItemKind, string> = {
  opening: 'Mötets öppnande',
  agendaApproval: 'Godkännande av dagordningen',
  adjusters: 'Val av justerare samt tid och plats för justering',
  javCall: 'Anmälan om jäv',
  previousMinutes: 'Föregående protokoll',
  decision: 'Beslutsärende',
  delegationReport: 'Anmälan av delegationsbeslut',
  information: 'Information',
  report: 'Rapport',
  messages: 'Meddelanden',
  otherBusiness: 'Övriga frågor',
  nextMeeting: 'Nästa sammanträde',
  closing: 'Mötets avslutande',
  election: 'Val',
};

export const AgendaItem = z
  .object({
    id: Id,
    kind: AgendaItemKind,
    title: Text(300).min(1),
    dnr: Text(100).nullable().default(null),
    /** Ärendebeskrivning / sammanfattning. */
    summary: Text(20_000).nullable().default(null),
    /** Förslag till beslut. */
    proposal: Text(5000).nullable().default(null),
    /** Handlingar: SHA-256 of documents shared with the board (document.shared). */
    documents: z.array(Hex64).max(100).default([]),
    /** Föredragande (a person id). */
    presenter: Id.nullable().default(null),
    /** For a beslutsärende about an ansökan om medel. */
    applicationId: Id.nullable().default(null),
    /** For "Anmälan av delegationsbeslut": the delegation decisions reported. */
    delegationDecisionIds: z.array(Id).max(500).default([]),
    confidential: z.boolean().default(false),
    /**
     * The kind of matter, where the förbundsordning decides it by a qualified
     * majority (forbund/ordning.ts). Absent = none named; an item about an
     * ansökan counts as insatsGrant. Left out when unset, so earlier agendas hash as before.
     */
    matter: QualifiedMatter.optional(),
  })
  .strict();
export type AgendaItem = z.output<typeof AgendaItem>;
export type AgendaItemInput = z.input<typeof AgendaItem>;

export const Justering = z.object({ date: IsoDate, place: Text(300).min(1) }).strict();
export type Justering = z.infer<typeof Justering>;

/** The fields of a sammanträde that meeting.created sets and meeting.updated replaces one by one. */
export const meetingFieldShapes = {
  date: IsoDate,
  startTime: ClockTime,
  place: Text(300).min(1),
  /** How to take part at a distance (link, instructions), or null when not offered. */
  distance: Text(1000).nullable(),
  /**
   * The link to the video meeting, or null. One line here; whether it is a
   * usable https address is a rule with a Swedish reason (videoLinkProblem,
   * checked in authority.ts).
   */
  videoLink: SafeLine(VIDEO_LINK_MAX, 1).nullable(),
  organ: Text(100).min(1),
  /** Who is called (ledamöter and ersättare); null = everyone with a board assignment on the date. */
  called: z.array(Id).max(200).nullable(),
  /** Planned justering: date and place. */
  justering: Justering.nullable(),
  /** First § number, overriding the running number of the calendar year. */
  firstParagraph: z.number().int().min(1).max(100_000).nullable(),
  /** Förvaringsplats för protokollet; null = DEFAULT_STORAGE. */
  storage: Text(300).min(1).nullable(),
  /** The föredragningslista, replaced as a whole list. */
  agenda: z.array(AgendaItem).max(MAX_AGENDA_ITEMS),
};

export const DEFAULT_ORGAN = 'Styrelsen';
export const DEFAULT_STORAGE = 'Samordningsförbundets kansli';

export const MEETING_FIELD_LABEL: Record<string, string> = {
  date: 'datum',
  startTime: 'starttid',
  place: 'plats',
  distance: 'deltagande på distans',
  videoLink: 'länk till videomötet',
  organ: 'organ',
  called: 'kallade',
  justering: 'tid och plats för justering',
  firstParagraph: 'första paragraf',
  storage: 'förvaringsplats',
  agenda: 'föredragningslista',
};

/** Närvaro of one person in the register: present or not, from/to which item, at a distance. */
export const AttendanceEntry = z
  .object({
    personId: Id,
    present: z.boolean(),
    distance: z.boolean().default(false),
    /** Arrived just before this item (null = from the start). */
    arrivedBeforeItem: Id.nullable().default(null),
    /** Left just after this item (null = stayed to the end). */
    leftAfterItem: Id.nullable().default(null),
  })
  .strict();
export type AttendanceEntry = z.output<typeof AttendanceEntry>;

/** Someone not in the register (invited presenter, guest): "Övriga deltagande". */
export const OtherAttendee = z
  .object({
    id: Id,
    name: Text(200).min(1),
    /** Swedish role text, e.g. "ekonom", "processledare, Ungdomslots". */
    role: Text(200).min(1),
    fromItem: Id.nullable().default(null),
    toItem: Id.nullable().default(null),
    distance: z.boolean().default(false),
  })
  .strict();
export type OtherAttendee = z.output<typeof OtherAttendee>;

export const DecisionOutcome = z.enum(['grant', 'grantWithChanges', 'partialGrant', 'reject', 'referBack', 'table', 'noted', 'elected']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

export const DECISION_OUTCOME_LABEL: Record<DecisionOutcome, string> = {
  grant: 'Bifall',
  grantWithChanges: 'Bifall med ändring',
  partialGrant: 'Delvis bifall',
  reject: 'Avslag',
  referBack: 'Återremiss',
  table: 'Bordläggning',
  noted: 'Noteras',
  elected: 'Vald',
};

/** Outcomes that grant money when the item concerns an ansökan. */
export const GRANT_OUTCOMES: readonly DecisionOutcome[] = ['grant', 'grantWithChanges', 'partialGrant'];

/** What each kind of item may end in: beslutsärenden are decided, the rest noted or approved (agenda, justerare). */
export function outcomesFor(kind: AgendaItemKind): readonly DecisionOutcome[] {
  if (kind === 'election') return ['elected', 'table'];
  return kind === 'decision' ? ['grant', 'grantWithChanges', 'partialGrant', 'reject', 'referBack', 'table'] : ['noted', 'grant', 'table'];
}

/** Whole kronor; the sign is checked with a Swedish reason in authority.ts. */
const Amount = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);

export const Decision = z
  .object({
    outcome: DecisionOutcome,
    /** "Styrelsen beslutar att …". */
    text: Text(10_000).min(1),
    amountKr: Amount.nullable().default(null),
    period: z.object({ from: IsoDate, to: IsoDate }).strict().nullable().default(null),
    /** For grants: year → kronor; must add up to amountKr. Empty = as sought per year (full grant only). */
    grantByYear: z.record(Year, Amount).default({}),
  })
  .strict();
export type Decision = z.output<typeof Decision>;

export const MotionKind = z.enum(['approve', 'reject', 'amend', 'addition', 'referBack', 'table']);
export type MotionKind = z.infer<typeof MotionKind>;

export const MOTION_KIND_LABEL: Record<MotionKind, string> = {
  approve: 'Bifall',
  reject: 'Avslag',
  amend: 'Ändring',
  addition: 'Tillägg',
  referBack: 'Återremiss',
  table: 'Bordläggning',
};

/** How the motion reads after "NN yrkar …". */
export const MOTION_KIND_PHRASE: Record<MotionKind, string> = {
  approve: 'bifall till förslaget',
  reject: 'avslag på förslaget',
  amend: 'ändring av förslaget',
  addition: 'tillägg till förslaget',
  referBack: 'återremiss av ärendet',
  table: 'bordläggning av ärendet',
};

export const Motion = z
  .object({ id: Id, personId: Id, kind: MotionKind, text: Text(5000).default('') })
  .strict();
export type Motion = z.output<typeof Motion>;

export const VoteChoice = z.enum(['ja', 'nej', 'avstar']);
export type VoteChoice = z.infer<typeof VoteChoice>;
export const VOTE_CHOICE_LABEL: Record<VoteChoice, string> = { ja: 'Ja', nej: 'Nej', avstar: 'Avstår' };

const VoteCount = z.number().int().min(0).max(200);

/**
 * A vote. Open (öppen omröstning): each beslutande's vote is recorded and the
 * result computed (texts.ts), never entered. Closed (sluten omröstning, only
 * at val): only the count is recorded, never who voted how. A tie at val or
 * in a closed vote is decided by lottning (`lot`: the side the lot fell on);
 * in other matters by the chair's casting vote. The optional fields are left
 * out when unused, so earlier records read and hash as before.
 */
export const Vote = z
  .object({
    /** Propositionsordning: what was put to the vote and what ja and nej mean. */
    proposition: Text(5000).min(1),
    votes: z.array(z.object({ personId: Id, vote: VoteChoice }).strict()).max(100),
    closed: z.literal(true).optional(),
    /** The count of a closed vote ("avstar" = blank votes). */
    count: z.object({ ja: VoteCount, nej: VoteCount, avstar: VoteCount }).strict().optional(),
    /** Lottning on a tie: the side the lot fell on. */
    lot: z.enum(['ja', 'nej']).optional(),
  })
  .strict();
export type Vote = z.output<typeof Vote>;

/**
 * Jäv in one item. `raisedBy`: someone else raised the question (absent = the
 * person declared it); `disputed`: the person disputed it and the board ruled
 * jäv (jav-ruling.ts). Both left out when unused, so earlier records hash as before.
 */
export const ItemJav = z.object({ personId: Id, ground: JavGround, text: Text(2000).default(''), raisedBy: Id.optional(), disputed: z.literal(true).optional() }).strict();
export type ItemJav = z.output<typeof ItemJav>;

export const Reservation = z
  .object({
    personId: Id,
    /** Written motivation (may be handed in before justering). */
    text: Text(5000).default(''),
    /** The motion reserved in favour of, if any. */
    motionId: Id.nullable().default(null),
  })
  .strict();
export type Reservation = z.output<typeof Reservation>;

/** Who allowed a protokollsanteckning: the chair or the board (DOMAIN.md 1.7 [S-44]); required for a new one. */
export const NotePermission = z.enum(['chair', 'board']);
export type NotePermission = z.infer<typeof NotePermission>;
export const NOTE_PERMISSION_SENTENCE: Record<NotePermission, string> = {
  chair: 'Ordföranden medgav protokollsanteckning.',
  board: 'Styrelsen medgav protokollsanteckning.',
};

export const MinuteNote = z.object({ personId: Id, text: Text(5000).min(1), permittedBy: NotePermission.optional() }).strict();
export type MinuteNote = z.output<typeof MinuteNote>;

/** The whole record of one agenda item; a new record replaces the previous one. */
export const ItemRecordFields = {
  decision: Decision.nullable().default(null),
  motions: z.array(Motion).max(50).default([]),
  vote: Vote.nullable().default(null),
  jav: z.array(ItemJav).max(50).default([]),
  reservations: z.array(Reservation).max(50).default([]),
  notes: z.array(MinuteNote).max(50).default([]),
  /** For the adjusters item: the justerare chosen. */
  adjusters: z.array(Id).max(5).default([]),
  /** Justeras omedelbart. */
  urgent: z.boolean().default(false),
  /** Expedieras till. */
  sendTo: z.array(Text(300).min(1)).max(50).default([]),
  /** The § was not quorate and the meeting continued anyway, for this reason (stated in the protokoll). Absent otherwise. */
  quorumContinued: z.object({ reason: Text(2000).min(1) }).strict().optional(),
  /** Jäv raised by another, disputed, and ruled not to exist by the board (the person takes part). Absent when none. */
  javDismissed: z.array(z.object({ personId: Id, raisedBy: Id }).strict()).max(50).optional(),
  /** A temporary chair for this § when neither the ordförande nor a vice ordförande takes part (KL 6 kap 21 §). Absent otherwise. */
  presiding: z.object({ personId: Id, basis: z.enum(['longestServing', 'chosen']) }).strict().optional(),
};
export type PresidingBasis = 'longestServing' | 'chosen';
export const PRESIDING_BASIS_LABEL: Record<PresidingBasis, string> = {
  longestServing: 'Ålderspresident (den som varit ledamot längst tid)',
  chosen: 'Vald av styrelsen för tillfället',
};

export const ItemRecord = z.object(ItemRecordFields).strict();
export type ItemRecord = z.output<typeof ItemRecord>;

export const AttestationRole = z.enum(['chair', 'adjuster']);
export type AttestationRole = z.infer<typeof AttestationRole>;
export const ATTESTATION_ROLE_LABEL: Record<AttestationRole, string> = { chair: 'Ordförande', adjuster: 'Justerare' };

/** 'whole', or the § number of a paragraph justerad omedelbart. */
export const DraftPart = z.union([z.literal('whole'), z.number().int().min(1).max(100_000)]);
export type DraftPart = z.infer<typeof DraftPart>;

export const MeetingStatus = z.enum(['planned', 'called', 'inProgress', 'closed', 'forAttestation', 'returned', 'attested']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;
export const MEETING_STATUS_LABEL: Record<MeetingStatus, string> = {
  planned: 'Planerat',
  called: 'Kallat',
  inProgress: 'Pågår',
  closed: 'Avslutat',
  forAttestation: 'För justering',
  returned: 'Återsänt',
  attested: 'Justerat',
};
