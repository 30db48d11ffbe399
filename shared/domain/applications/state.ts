import type { FederationState } from '../events/state';
import { untracked } from '../events/kernel/touched';
import type { JavGround } from './jav';
import type { Application, Stance } from './model';

/** The applications' part of the state: ansökningar with their versions, questions, stances and jäv, and the lookups on them. */

/** A question from a board member to the förbundschef about an application, and the answer when it came back. */
export interface QuestionState {
  id: string;
  applicationId: string;
  askedBy: string;
  askedAt: string;
  /** The version in force when the question was asked. */
  askedOnVersion: number;
  text: string;
  answer: { text: string; answeredBy: string; answeredAt: string; eventId: string } | null;
  heads: string[];
}

export interface StanceRecord {
  stance: Stance;
  comment: string | null;
  setAt: string;
  eventId: string;
}

export interface JavDeclaration {
  ground: JavGround;
  text: string;
  declaredAt: string;
  eventId: string;
}

/**
 * An ansökan om medel: every version (an application is changed only by a new
 * whole version), the questions about it and, per board member (person id),
 * their stance and jäv declaration.
 */
export interface ApplicationState {
  id: string;
  /** Every version, oldest first; versions[i].version === i + 1. */
  versions: Application[];
  /** The version number in force (the last one). */
  current: number;
  registeredBy: string;
  questions: Record<string, QuestionState>;
  stances: Record<string, StanceRecord>;
  javDeclarations: Record<string, JavDeclaration>;
  heads: string[];
}

/**
 * Questions by id, per applications record: built once by one scan, then kept
 * up to date by the question.asked reducer (noteQuestion), so a lookup costs
 * O(1) however many ansökningar there are (issue #16).
 */
const questionIndex = new WeakMap<Record<string, ApplicationState>, Map<string, QuestionState>>();

function questionsOf(state: FederationState): Map<string, QuestionState> {
  // The record itself, not a tracking view of it (events/kernel/touched.ts): one index, built without reaching every item.
  const applications = untracked(state.applications);
  let index = questionIndex.get(applications);
  if (!index) {
    index = new Map();
    for (const app of Object.values(applications)) for (const q of Object.values(app.questions)) index.set(q.id, q);
    questionIndex.set(applications, index);
  }
  return index;
}

/** A question by id, whichever application it is about (its application reached through the record, so a change to it is seen). */
export function findQuestion(state: FederationState, questionId: string): QuestionState | undefined {
  const q = questionsOf(state).get(questionId);
  // The record is the truth: an entry replaced or removed outside the reducer is not trusted.
  return q && state.applications[q.applicationId]?.questions[questionId] === q ? q : undefined;
}

/** Records a question just added to its application (the question.asked reducer). */
export function noteQuestion(state: FederationState, q: QuestionState): void {
  questionsOf(state).set(q.id, q);
}
