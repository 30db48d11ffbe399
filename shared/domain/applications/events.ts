import { z } from 'zod';
import { def } from '../events/kernel/definition';
import { Year } from '../forbund/model';
import { JavGround } from './jav';
import { Application, Stance } from './model';
import { REVIEW_EVENTS } from './review-events';

/**
 * Ansökningar om medel: registration and new versions, the insats budget,
 * questions to the förbundschef, members' stances and jäv, and (review-events.ts)
 * ties and shared notes. Type strings are part of signed events: never rename one.
 */

const Id = z.uuid();

/** The subject id of the förbund's insats budget in the history. */
export const INSATS_BUDGET_SUBJECT = 'insatsbudget';

/** Registration and revision carry the whole version: an application is changed only by a new version. */
const ApplicationRegistered = Application.refine((a) => a.version === 1, { message: 'första versionen ska ha nummer 1', path: ['version'] });
const ApplicationRevised = Application.refine((a) => a.version >= 2, { message: 'en ny version har nummer 2 eller högre', path: ['version'] });

/** Year → whole kronor for insatser; a patch names only the years it sets. */
const BudgetSet = z
  .object({ amounts: z.record(Year, z.number().int().min(0).max(1_000_000_000_000)) })
  .strict()
  .refine((p) => Object.keys(p.amounts).length > 0, 'inget år angivet');

const QuestionAsked = z.object({ id: Id, applicationId: Id, text: z.string().trim().min(1).max(5000) }).strict();
const QuestionAnswered = z.object({ questionId: Id, text: z.string().trim().min(1).max(10_000) }).strict();
/** The author's own stance: the author of the event is the member. */
const StanceSet = z
  .object({ applicationId: Id, stance: Stance, comment: z.string().trim().max(2000).nullable().default(null) })
  .strict();
/** The author's own declaration of jäv on an application. */
const JavDeclared = z.object({ applicationId: Id, ground: JavGround, text: z.string().trim().min(1).max(2000) }).strict();


/** The applications feature's event types (the registry, events/catalogue.ts, composes every feature's). */
export const APPLICATION_EVENTS = {
  'application.registered': def({ payload: ApplicationRegistered, label: 'Ansökan om medel registrerades', subjectKind: 'application', subject: (_, p) => p.id }),
  'application.revised': def({ payload: ApplicationRevised, label: 'Ny version av ansökan registrerades', subjectKind: 'application', subject: (_, p) => p.id }),
  'budget.set': def({ payload: BudgetSet, label: 'Förbundets budget för insatser fastställdes', subjectKind: 'budget', subject: () => INSATS_BUDGET_SUBJECT }),
  'question.asked': def({ payload: QuestionAsked, label: 'Fråga till förbundschefen ställdes', subjectKind: 'question', subject: (_, p) => p.id }),
  'question.answered': def({ payload: QuestionAnswered, label: 'Fråga besvarades', subjectKind: 'question', subject: (_, p) => p.questionId }),
  'stance.set': def({ payload: StanceSet, label: 'Ställningstagande till ansökan', subjectKind: 'application', subject: (_, p) => p.applicationId }),
  'jav.declared': def({ payload: JavDeclared, label: 'Jäv anmäldes', subjectKind: 'application', subject: (_, p) => p.applicationId }),
  ...REVIEW_EVENTS,
} as const;

export type ApplicationEventType = keyof typeof APPLICATION_EVENTS;
export type ApplicationPayload<T extends ApplicationEventType> = z.output<(typeof APPLICATION_EVENTS)[T]['payload']>;
