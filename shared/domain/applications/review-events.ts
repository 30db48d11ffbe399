import { z } from 'zod';
import { def } from '../events/kernel/definition';
import { OK, no, type Rule } from '../events/kernel/verdict';
import { authorityDate } from '../events/kernel/authority-date';
import { isBoardMember, isDirector, personName, type FederationState, type FieldChange, type Json } from '../events/state';
import { recordHistory, type Reducer } from '../events/kernel/history';
import type { Working } from '../events/working';
import { IsoDate } from '../forbund/model';
import { TieKind } from './jav';

/**
 * The board member's own review events beyond stance, question and jäv:
 * a private note the member chooses to share with the förbundschef, and the
 * member's declared ties (employer, chefsroll, styrgrupp, styrelseuppdrag)
 * that the jäv suggestion matches against the applying parties.
 *
 * Spread into CATALOGUE, AUTHORITY and REDUCERS (events/*.ts) with one line
 * each. Type strings are part of signed data: never rename.
 */

/** A tie as declared: a member organisation by id, or any organisation in free text. */
export const Tie = z
  .object({
    kind: TieKind,
    organisationId: z.uuid().nullable().default(null),
    organisationName: z.string().trim().max(200).nullable().default(null),
    description: z.string().trim().max(300).nullable().default(null),
    /** Enhet, project or styrgrupp within the organisation (what a jäv suggestion matches on). */
    unit: z.string().trim().max(200).nullable().default(null),
    from: IsoDate.nullable().default(null),
    to: IsoDate.nullable().default(null),
  })
  .strict()
  .refine((t) => t.organisationId !== null || (t.organisationName !== null && t.organisationName !== ''), {
    message: 'ange en förbundsmedlem eller skriv organisationens namn',
    path: ['organisationName'],
  })
  .refine((t) => !t.from || !t.to || t.from <= t.to, { message: 'slutdatum ligger före startdatum', path: ['to'] });
export type Tie = z.output<typeof Tie>;
export type TieInput = z.input<typeof Tie>;

/** The whole list, replacing the one before: the profile at that version. */
const TiesDeclared = z.object({ ties: z.array(Tie).max(50) }).strict();
const NoteShared = z.object({ applicationId: z.uuid(), text: z.string().trim().min(1).max(10_000) }).strict();

/** A note a board member shared with the förbundschef; the original stays private on the member's laptop. */
export interface SharedNote {
  eventId: string;
  author: string;
  at: string;
  /** The version of the ansökan in force when the note was shared. */
  onVersion: number;
  text: string;
}

/** What this module adds to FederationState (see emptyState). */
export interface ReviewState {
  /** Person id → the ties that person declared last. */
  ties: Record<string, Tie[]>;
  /** Application id → notes shared with the förbundschef, in applied order. */
  sharedNotes: Record<string, SharedNote[]>;
}


export const REVIEW_EVENTS = {
  'note.shared': def({ payload: NoteShared, label: 'Anteckning delades med förbundschefen', subjectKind: 'application', subject: (_, p) => p.applicationId }),
  'ties.declared': def({ payload: TiesDeclared, label: 'Kopplingar (jävsprofil) angavs', subjectKind: 'person', subject: (b) => b.author }),
} as const;

type Payload<K extends keyof typeof REVIEW_EVENTS> = z.output<(typeof REVIEW_EVENTS)[K]['payload']>;


export const REVIEW_AUTHORITY: { [K in keyof typeof REVIEW_EVENTS]: Rule<FederationState, Payload<K>> } = {
  'note.shared': (state, event, p) => {
    const author = event.body.author;
    if (!isBoardMember(state, author, authorityDate(event))) {
      const person = state.persons[author];
      return no(person ? `${person.name} har inget styrelseuppdrag och får inte dela anteckningar om ansökningar.` : 'Författaren finns inte i förbundets register och får inte dela anteckningar.');
    }
    const app = state.applications[p.applicationId];
    if (!app) return no('Ansökan finns inte.');
    if (app.javDeclarations[author]) {
      return no(`${state.persons[author]?.name ?? 'Personen'} har anmält jäv i ärendet och deltar inte i beredningen; anteckningar om ansökan kan inte delas.`);
    }
    return OK;
  },
  'ties.declared': (state, event, p) => {
    // Only for oneself: the author is the person whose profile it is (the subject).
    if (!state.persons[event.body.author]) return no('Författaren finns inte i förbundets register och kan inte ange kopplingar.');
    if (p.ties.some((t) => t.organisationId !== null && !state.organisations[t.organisationId])) {
      return no('En koppling gäller en organisation som inte finns bland förbundsmedlemmarna; skriv namnet som fritext i stället.');
    }
    return OK;
  },
};

const asJson = (v: unknown): Json => JSON.parse(JSON.stringify(v)) as Json;

export const REVIEW_REDUCERS: { [K in keyof typeof REVIEW_EVENTS]: Reducer<Working, Payload<K>> } = {
  'note.shared': (w, e, p) => {
    const app = w.state.applications[p.applicationId];
    const note: SharedNote = { eventId: e.id, author: e.body.author, at: e.body.at, onVersion: app?.current ?? 1, text: p.text };
    (w.state.sharedNotes[p.applicationId] ??= []).push(note);
    const change: FieldChange = { field: `sharedNotes.${e.body.author}`, label: `delad anteckning (${personName(w.state, e.body.author)})`, from: null, to: asJson(note) };
    recordHistory(w, p.applicationId, e, [change]);
  },
  'ties.declared': (w, e, p) => {
    const who = e.body.author;
    const from = w.state.ties[who] ?? [];
    w.state.ties[who] = p.ties;
    recordHistory(w, who, e, [{ field: 'ties', label: 'kopplingar (jävsprofil)', from: asJson(from), to: asJson(p.ties) }]);
  },
};

/** The notes shared with the förbundschef about one application, newest first. Only the förbundschef's screens show them. */
export function sharedNotesOf(state: FederationState, applicationId: string): SharedNote[] {
  return [...(state.sharedNotes[applicationId] ?? [])].reverse();
}

/** A person's declared ties (empty when none were declared). */
export const tiesOf = (state: FederationState, personId: string): Tie[] => state.ties[personId] ?? [];

/** Whether `personId` may read shared notes: the förbundschef. */
export const readsSharedNotes = (state: FederationState, personId: string): boolean => isDirector(state, personId);
