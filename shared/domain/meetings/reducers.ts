import type { VerifiedEvent } from '../log/signed-event';
import type { FieldChange, Json } from '../events/state';
import { personName } from '../events/state';
import { swedishDate } from '../format';
import { addVersion, applyUpdate, patchOf, recordCreation, recordHistory, type Reducer as KernelReducer } from '../events/kernel/history';
import type { Working } from '../events/working';
import type { MeetingEventType, MeetingPayload } from './events';
import { ItemRecord, MEETING_FIELD_LABEL } from './model';
import { firstParagraphOf } from './numbering';
import { protokollHash } from './protokoll-document';
import type { MeetingState } from './state';

/**
 * The meeting reducers (spread into REDUCERS). They run only after the
 * authority rule said yes. Every event adds a version and a history entry on
 * the meeting, with what it changed.
 */

type Reducer<T extends MeetingEventType> = KernelReducer<Working, MeetingPayload<T>>;

const asJson = (v: unknown): Json => (v === undefined ? null : (JSON.parse(JSON.stringify(v)) as Json));

function record(w: Working, m: MeetingState, event: VerifiedEvent, changes: FieldChange[]): void {
  addVersion(w, m.id, m, event);
  recordHistory(w, m.id, event, changes);
}

const change = (field: string, label: string, from: unknown, to: unknown): FieldChange => ({ field, label, from: asJson(from), to: asJson(to) });

const meeting = (w: Working, id: string): MeetingState => w.state.meetings[id] as MeetingState;

export const MEETING_REDUCERS: { [T in MeetingEventType]: Reducer<T> } = {
  'meeting.created': (w, e, p) => {
    const m: MeetingState = {
      id: p.id,
      date: p.date,
      startTime: p.startTime,
      place: p.place,
      distance: p.distance,
      videoLink: p.videoLink,
      organ: p.organ,
      called: p.called,
      justering: p.justering,
      firstParagraph: p.firstParagraph,
      storage: p.storage,
      agenda: p.agenda,
      createdBy: e.body.author,
      calledOn: null,
      absences: {},
      attendance: null,
      records: {},
      endTime: null,
      numberedFrom: null,
      drafts: [],
      feedback: [],
      attestations: [],
      locked: null,
      lockedParagraphs: {},
      anslag: null,
      heads: [],
    };
    w.state.meetings[m.id] = m;
    recordCreation(w, m.id, e, m);
    const entry = w.state.history[m.id]?.at(-1);
    if (entry) entry.changes = Object.keys(MEETING_FIELD_LABEL).map((k) => change(k, MEETING_FIELD_LABEL[k] as string, null, (m as unknown as Record<string, unknown>)[k]));
  },
  'meeting.updated': (w, e, p) => {
    const m = meeting(w, p.id);
    applyUpdate(w, 'meeting', m.id, m, e, patchOf(p));
    const entry = w.state.history[m.id]?.at(-1);
    if (entry) entry.changes = entry.changes.map((c) => ({ ...c, label: MEETING_FIELD_LABEL[c.field] ?? c.label }));
  },
  'meeting.called': (w, e, p) => {
    const m = meeting(w, p.meetingId);
    const to = { sentOn: p.sentOn, sha256: p.sha256, eventId: e.id };
    const changes = [change('calledOn', 'kallelse skickad', m.calledOn, to)];
    m.calledOn = to;
    record(w, m, e, changes);
  },
  'absence.reported': (w, e, p) => {
    const m = meeting(w, p.meetingId);
    const who = e.body.author;
    const to = { reason: p.reason, reportedAt: e.body.at, eventId: e.id };
    const changes = [change(`absences.${who}`, `förhinder (${personName(w.state, who)})`, m.absences[who] ?? null, to)];
    m.absences[who] = to;
    record(w, m, e, changes);
  },
  'absence.withdrawn': (w, e, p) => {
    const m = meeting(w, p.meetingId);
    const who = e.body.author;
    const changes = [change(`absences.${who}`, `förhinder (${personName(w.state, who)})`, m.absences[who] ?? null, null)];
    delete m.absences[who];
    record(w, m, e, changes);
  },
  'minutes.attendance.set': (w, e, p) => {
    const m = meeting(w, p.meetingId);
    const to = { persons: p.persons, others: p.others };
    const changes = [change('attendance', 'närvaro', m.attendance, to)];
    m.attendance = to;
    record(w, m, e, changes);
  },
  'minutes.item.recorded': (w, e, p) => {
    const m = meeting(w, p.meetingId);
    const { meetingId: _m, itemId, ...rest } = p;
    const to = ItemRecord.parse(rest);
    const title = m.agenda.find((i) => i.id === itemId)?.title ?? itemId;
    const changes = [change(`records.${itemId}`, `protokollföring: ${title}`, m.records[itemId] ?? null, to)];
    m.records[itemId] = to;
    record(w, m, e, changes);
  },
  'minutes.closed': (w, e, p) => {
    const m = meeting(w, p.meetingId);
    const changes = [change('endTime', 'sluttid', m.endTime, p.endTime)];
    m.endTime = p.endTime;
    record(w, m, e, changes);
  },
  'protokoll.drafted': (w, e, p) => {
    const m = meeting(w, p.meetingId);
    const changes: FieldChange[] = [];
    if (m.numberedFrom === null) {
      m.numberedFrom = firstParagraphOf(w.state, m);
      changes.push(change('numberedFrom', 'första paragraf', null, m.numberedFrom));
    }
    const draft = { version: p.version, part: p.part, document: p.document, sha256: protokollHash(p.document), draftedBy: e.body.author, draftedAt: e.body.at, eventId: e.id };
    m.drafts.push(draft);
    changes.push(change(`drafts.${p.version}`, p.part === 'whole' ? `protokollutkast version ${p.version}` : `utdrag § ${p.part}, version ${p.version}`, null, { version: p.version, part: p.part, sha256: draft.sha256 }));
    record(w, m, e, changes);
  },
  'protokoll.returned': (w, e, p) => {
    const m = meeting(w, p.meetingId);
    const f = { version: p.version, kind: 'returned' as const, personId: e.body.author, comment: p.comment, at: e.body.at, eventId: e.id };
    m.feedback.push(f);
    record(w, m, e, [change(`feedback.${e.id}`, `protokollet sändes tillbaka (version ${p.version})`, null, f)]);
  },
  'protokoll.commented': (w, e, p) => {
    const m = meeting(w, p.meetingId);
    const f = { version: p.version, kind: 'commented' as const, personId: e.body.author, comment: p.comment, at: e.body.at, eventId: e.id };
    m.feedback.push(f);
    record(w, m, e, [change(`feedback.${e.id}`, `synpunkt på protokollet (version ${p.version})`, null, f)]);
  },
  'anslag.posted': (w, e, p) => {
    const m = meeting(w, p.meetingId);
    const to = { postedOn: p.postedOn, by: e.body.author, eventId: e.id };
    if (p.part !== undefined) {
      const key = String(p.part);
      const changes = [change(`paragraphAnslag.${key}`, `anslaget för § ${key} uppsatt`, null, to)];
      m.paragraphAnslag = { ...(m.paragraphAnslag ?? {}), [key]: to };
      record(w, m, e, changes);
      return;
    }
    const changes = [change('anslag', 'anslaget uppsatt', m.anslag, to)];
    m.anslag = to;
    record(w, m, e, changes);
  },
  'protokoll.attested': (w, e, p) => {
    const m = meeting(w, p.meetingId);
    const a = { version: p.version, part: p.part, role: p.role, personId: e.body.author, sha256: p.sha256, at: e.body.at, eventId: e.id };
    m.attestations.push(a);
    const changes = [change(`attestations.${e.id}`, `justering (${personName(w.state, a.personId)})`, null, a)];
    // Locked when the chair and every adjuster of this version have attested it.
    const doc = m.drafts.find((d) => d.version === p.version)?.document;
    if (doc) {
      const done = (role: 'chair' | 'adjuster', id: string): boolean => m.attestations.some((x) => x.version === p.version && x.role === role && x.personId === id);
      const complete = done('chair', doc.signatories.chair.personId) && doc.signatories.adjusters.every((x) => done('adjuster', x.personId));
      if (complete) {
        const lock = { version: p.version, date: swedishDate(e.body.at), eventId: e.id };
        if (p.part === 'whole') {
          m.locked = lock;
          changes.push(change('locked', 'protokollet justerat', null, lock));
        } else {
          m.lockedParagraphs[String(p.part)] = lock;
          changes.push(change(`lockedParagraphs.${p.part}`, `§ ${p.part} justerad omedelbart`, null, lock));
        }
      }
    }
    record(w, m, e, changes);
  },
};
