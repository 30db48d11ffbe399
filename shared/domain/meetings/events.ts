import { z } from 'zod';
import { Hex64, type EventBody } from '../log/signed-event';
import { IsoDate } from '../forbund/model';
import { def } from '../events/kernel/definition';
import {
  AttendanceEntry,
  AttestationRole,
  ClockTime,
  DEFAULT_ORGAN,
  DraftPart,
  ItemRecordFields,
  OtherAttendee,
  meetingFieldShapes as F,
} from './model';
import type { ProtokollDocument } from './protokoll-document';

/**
 * The meeting events (spread into CATALOGUE in events/catalogue.ts). The
 * subject of every one is the meeting id. See index.ts for what each means
 * and who may make it. Never rename a type or a field: they are signed data.
 */

const Id = z.uuid();
const Comment = z.string().trim().min(1).max(5000);

const MeetingCreated = z
  .object({
    id: Id,
    date: F.date,
    startTime: F.startTime,
    place: F.place,
    distance: F.distance.default(null),
    /** Added 2026-12 (issue #15): absent in older events, which fold with no link. */
    videoLink: F.videoLink.default(null),
    organ: F.organ.default(DEFAULT_ORGAN),
    called: F.called.default(null),
    justering: F.justering.default(null),
    firstParagraph: F.firstParagraph.default(null),
    storage: F.storage.default(null),
    agenda: F.agenda.default([]),
  })
  .strict();

const MeetingUpdated = z
  .object({
    id: Id,
    date: F.date.optional(),
    startTime: F.startTime.optional(),
    place: F.place.optional(),
    distance: F.distance.optional(),
    videoLink: F.videoLink.optional(),
    organ: F.organ.optional(),
    called: F.called.optional(),
    justering: F.justering.optional(),
    firstParagraph: F.firstParagraph.optional(),
    storage: F.storage.optional(),
    agenda: F.agenda.optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).some((k) => k !== 'id' && (p as Record<string, unknown>)[k] !== undefined), 'inget att ändra');

/** The kallelse was sent; sha256 of the kallelse PDF if the sender kept one. */
const MeetingCalled = z.object({ meetingId: Id, sentOn: IsoDate, sha256: Hex64.nullable().default(null) }).strict();

const AbsenceReported = z.object({ meetingId: Id, reason: z.string().trim().max(1000).nullable().default(null) }).strict();
const AbsenceWithdrawn = z.object({ meetingId: Id }).strict();

/** Närvaro as a whole list (replaces the previous one). Serving is derived (serving.ts), never entered. */
const AttendanceSet = z
  .object({
    meetingId: Id,
    persons: z.array(AttendanceEntry).max(200),
    others: z.array(OtherAttendee).max(100).default([]),
  })
  .strict();

const ItemRecorded = z.object({ meetingId: Id, itemId: Id, ...ItemRecordFields }).strict();

const MinutesClosed = z.object({ meetingId: Id, endTime: ClockTime }).strict();

/**
 * The draft sent for justering. The document is checked in authority.ts by
 * building it again from the state and comparing hashes, so its shape needs
 * no schema of its own here.
 */
const ProtokollDrafted = z
  .object({
    meetingId: Id,
    version: z.number().int().min(1).max(10_000),
    part: DraftPart,
    document: z.record(z.string(), z.unknown()).transform((d) => d as unknown as ProtokollDocument),
  })
  .strict();

const ProtokollFeedback = z.object({ meetingId: Id, version: z.number().int().min(1).max(10_000), comment: Comment }).strict();

/** The day the justering was actually posted on the anslagstavla (KL 8 kap 12 §); starts the appeal window. */
const AnslagPosted = z
  .object({
    meetingId: Id,
    postedOn: IsoDate,
    /** The § justerad omedelbart this anslag announces on its own; absent = the whole protokoll. */
    part: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();

const ProtokollAttested = z
  .object({ meetingId: Id, version: z.number().int().min(1).max(10_000), sha256: Hex64, role: AttestationRole, part: DraftPart })
  .strict();

const byMeeting = (_: EventBody, p: { meetingId: string }): string => p.meetingId;

export const MEETING_EVENTS = {
  'meeting.created': def({ payload: MeetingCreated, label: 'Sammanträde planerades', subjectKind: 'meeting', subject: (_, p) => p.id }),
  'meeting.updated': def({ payload: MeetingUpdated, label: 'Sammanträdet ändrades', subjectKind: 'meeting', subject: (_, p) => p.id }),
  'meeting.called': def({ payload: MeetingCalled, label: 'Kallelse skickades', subjectKind: 'meeting', subject: byMeeting }),
  'absence.reported': def({ payload: AbsenceReported, label: 'Förhinder anmäldes', subjectKind: 'meeting', subject: byMeeting }),
  'absence.withdrawn': def({ payload: AbsenceWithdrawn, label: 'Anmält förhinder återtogs', subjectKind: 'meeting', subject: byMeeting }),
  'minutes.attendance.set': def({ payload: AttendanceSet, label: 'Närvaron antecknades', subjectKind: 'meeting', subject: byMeeting }),
  'minutes.item.recorded': def({ payload: ItemRecorded, label: 'Ärende protokollfördes', subjectKind: 'meeting', subject: byMeeting }),
  'minutes.closed': def({ payload: MinutesClosed, label: 'Mötet avslutades', subjectKind: 'meeting', subject: byMeeting }),
  'protokoll.drafted': def({ payload: ProtokollDrafted, label: 'Protokollet skickades för justering', subjectKind: 'meeting', subject: byMeeting }),
  'protokoll.returned': def({ payload: ProtokollFeedback, label: 'Protokollet sändes tillbaka', subjectKind: 'meeting', subject: byMeeting }),
  'protokoll.commented': def({ payload: ProtokollFeedback, label: 'Synpunkt på protokollet', subjectKind: 'meeting', subject: byMeeting }),
  'protokoll.attested': def({ payload: ProtokollAttested, label: 'Protokollet justerades', subjectKind: 'meeting', subject: byMeeting }),
  'anslag.posted': def({ payload: AnslagPosted, label: 'Anslaget sattes upp', subjectKind: 'meeting', subject: byMeeting }),
} as const;

export type MeetingEventType = keyof typeof MEETING_EVENTS;
export type MeetingPayload<T extends MeetingEventType> = z.output<(typeof MEETING_EVENTS)[T]['payload']>;
export type MeetingPayloadInput<T extends MeetingEventType> = z.input<(typeof MEETING_EVENTS)[T]['payload']>;
