import { describe, expect, it } from 'vitest';
import { remainingBudget } from '../../../../../shared/domain/applications/budget';
import { diffApplications } from '../../../../../shared/domain/applications/diff';
import { fold } from '../../../../../shared/domain/events/fold';
import { INSATS_BUDGET_SUBJECT, applicationVersion, currentApplication, findQuestion, headsOf, historyOf } from '../../../../../shared/domain/events';
import { DIRECTOR, LEDAMOT, ORG, baseSetup, ev, uuid } from '../../../../helpers/event-builder';
import { APP_ID, application } from './fixtures';

const QUESTION = uuid(0xb01);

function registered() {
  const { events } = baseSetup();
  const reg = ev(DIRECTOR, 'application.registered', application(), 10);
  return { events: [...events, reg], reg };
}

const refusedReasons = (s: ReturnType<typeof fold>) => s.refused.map((r) => r.reason);

describe('application events', () => {
  it('the förbundschef registers an application; version 1 is kept with its history', () => {
    const { events, reg } = registered();
    const s = fold(events);
    expect(s.refused).toEqual([]);
    const app = s.applications[APP_ID];
    expect(app?.current).toBe(1);
    expect(app?.registeredBy).toBe(DIRECTOR.id);
    expect(currentApplication(s, APP_ID)).toEqual(application());
    const h = historyOf(s, APP_ID);
    expect(h.map((x) => [x.eventId, x.label])).toEqual([[reg.id, 'Ansökan om medel registrerades']]);
    expect(h[0]?.changes).toContainEqual({ field: 'name', label: 'insatsens namn', from: null, to: 'Ungdomslots' });
    expect(headsOf(s, APP_ID)).toEqual([reg.id]);
  });

  it('a ledamot cannot register an application', () => {
    const { events } = baseSetup();
    const s = fold([...events, ev(LEDAMOT, 'application.registered', application(), 10)]);
    expect(s.applications).toEqual({});
    expect(refusedReasons(s)).toEqual(['Ansökan om medel registrerades: Lina Ledamot är inte förbundschef och får inte registrera ansökningar.']);
  });

  it('an invalid application is refused with the Swedish message', () => {
    const { events } = baseSetup();
    const bad = application({ parties: [ORG.kommun], ownerId: null });
    const s = fold([...events, ev(DIRECTOR, 'application.registered', bad, 10)]);
    expect(s.applications).toEqual({});
    expect(refusedReasons(s)).toEqual([
      'Ansökan om medel registrerades: Ansökan måste ha minst två sökande parter. Flera kommuner räknas som en part. Ansökan saknar insatsägare.',
    ]);
  });

  it('a revision adds version n + 1, keeps every version, and the versions are diffable', () => {
    const { events, reg } = registered();
    const v2 = application({ version: 2, name: 'Ungdomslots 2.0' });
    const rev = ev(DIRECTOR, 'application.revised', v2, 11, { prev: [reg.id] });
    const s = fold([...events, rev]);
    expect(s.refused).toEqual([]);
    expect(s.applications[APP_ID]?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(currentApplication(s, APP_ID)?.name).toBe('Ungdomslots 2.0');
    const v1 = applicationVersion(s, APP_ID, 1);
    expect(v1?.name).toBe('Ungdomslots');
    expect(diffApplications(v1 ?? null, v2)).toEqual([{ field: 'name', label: 'insatsens namn', from: 'Ungdomslots', to: 'Ungdomslots 2.0' }]);
    expect(historyOf(s, APP_ID)[1]?.changes).toEqual([{ field: 'name', label: 'insatsens namn', from: 'Ungdomslots', to: 'Ungdomslots 2.0' }]);
    expect(headsOf(s, APP_ID)).toEqual([rev.id]);

    // A second revision claiming version 2 again (made without seeing the first) is refused.
    const rival = ev(DIRECTOR, 'application.revised', application({ version: 2, name: 'Annat namn' }), 12, { prev: [reg.id] });
    const s2 = fold([...events, rev, rival]);
    expect(refusedReasons(s2)).toEqual(['Ny version av ansökan registrerades: Ansökan är redan i version 2; en ny version måste ha nummer 3 och utgå från den senaste.']);
    // A ledamot cannot revise, and the revision must be valid.
    const s3 = fold([...events, ev(LEDAMOT, 'application.revised', v2, 11), ev(DIRECTOR, 'application.revised', application({ version: 2, period: { from: '2026-03-01', to: '2026-01-01' } }), 12)]);
    expect(refusedReasons(s3)).toEqual([
      'Ny version av ansökan registrerades: Lina Ledamot är inte förbundschef och får inte registrera nya versioner av ansökningar.',
      expect.stringContaining('Slutdatum ligger före startdatum.'),
    ]);
  });

  it('a question travels to the förbundschef and the answer back', () => {
    const { events } = registered();
    const ask = ev(LEDAMOT, 'question.asked', { id: QUESTION, applicationId: APP_ID, text: 'Hur rekryteras processledaren?' }, 11);
    const answer = ev(DIRECTOR, 'question.answered', { questionId: QUESTION, text: 'Genom Arbetsförmedlingen.' }, 12, { prev: [ask.id] });
    const s = fold([...events, ask, answer]);
    expect(s.refused).toEqual([]);
    expect(findQuestion(s, QUESTION)).toMatchObject({
      applicationId: APP_ID,
      askedBy: LEDAMOT.id,
      askedOnVersion: 1,
      text: 'Hur rekryteras processledaren?',
      answer: { text: 'Genom Arbetsförmedlingen.', answeredBy: DIRECTOR.id, eventId: answer.id },
    });
    expect(s.applications[APP_ID]?.questions[QUESTION]?.answer?.text).toBe('Genom Arbetsförmedlingen.');
    expect(historyOf(s, QUESTION).map((h) => h.label)).toEqual(['Fråga till förbundschefen ställdes', 'Fråga besvarades']);
    expect(headsOf(s, QUESTION)).toEqual([answer.id]);

    // Only the förbundschef answers, once; only board members ask.
    const s2 = fold([
      ...events,
      ask,
      ev(LEDAMOT, 'question.answered', { questionId: QUESTION, text: 'Själv.' }, 12),
      answer,
      ev(DIRECTOR, 'question.answered', { questionId: QUESTION, text: 'Igen.' }, 14),
      ev(DIRECTOR, 'question.asked', { id: uuid(0xb02), applicationId: APP_ID, text: 'Fråga?' }, 15),
      ev(LEDAMOT, 'question.asked', { id: uuid(0xb03), applicationId: uuid(0xdead), text: 'Fråga?' }, 16),
    ]);
    expect(refusedReasons(s2)).toEqual([
      'Fråga besvarades: Lina Ledamot är inte förbundschef och får inte besvara frågor om ansökningar.',
      'Fråga besvarades: Frågan är redan besvarad.',
      'Fråga till förbundschefen ställdes: Dana Direktör har inget styrelseuppdrag och får inte ställa frågor om ansökningar.',
      'Fråga till förbundschefen ställdes: Ansökan finns inte.',
    ]);
  });

  it('a member takes a stance; after declaring jäv the stance is dropped and a new one is refused', () => {
    const { events } = registered();
    const stance = ev(LEDAMOT, 'stance.set', { applicationId: APP_ID, stance: 'support' }, 11);
    const s1 = fold([...events, stance]);
    expect(s1.applications[APP_ID]?.stances[LEDAMOT.id]).toEqual({ stance: 'support', comment: null, setAt: stance.body.at, eventId: stance.id });

    const jav = ev(LEDAMOT, 'jav.declared', { applicationId: APP_ID, ground: 'delicacy', text: 'Jag är chef för enheten som söker.' }, 12);
    const again = ev(LEDAMOT, 'stance.set', { applicationId: APP_ID, stance: 'discuss' }, 13);
    const s = fold([...events, stance, jav, again]);
    const app = s.applications[APP_ID];
    expect(app?.javDeclarations[LEDAMOT.id]).toMatchObject({ ground: 'delicacy', text: 'Jag är chef för enheten som söker.', eventId: jav.id });
    expect(app?.stances).toEqual({});
    expect(refusedReasons(s)).toEqual(['Ställningstagande till ansökan: Lina Ledamot har anmält jäv i ärendet och tar därför inte ställning till ansökan.']);
    expect(historyOf(s, APP_ID).map((h) => h.changes.map((c) => c.label))).toEqual([
      expect.any(Array),
      ['ställningstagande (Lina Ledamot)'],
      ['jäv (Lina Ledamot)', 'ställningstagande (Lina Ledamot) togs bort på grund av jäv'],
    ]);
    // The director (no board seat) takes no stance.
    expect(refusedReasons(fold([...events, ev(DIRECTOR, 'stance.set', { applicationId: APP_ID, stance: 'oppose' }, 11)]))).toEqual([
      'Ställningstagande till ansökan: Dana Direktör har inget styrelseuppdrag och får inte ta ställning till ansökningar.',
    ]);
  });

  it('the förbundschef sets the insats budget year by year; what granting would leave follows', () => {
    const { events } = registered();
    const b1 = ev(DIRECTOR, 'budget.set', { amounts: { '2026': 3_000_000, '2027': 2_500_000 } }, 11);
    const b2 = ev(DIRECTOR, 'budget.set', { amounts: { '2027': 2_000_000 } }, 12);
    const s = fold([...events, b1, b2, ev(LEDAMOT, 'budget.set', { amounts: { '2026': 1 } }, 13)]);
    expect(s.insatsBudget).toEqual({ '2026': 3_000_000, '2027': 2_000_000 });
    expect(refusedReasons(s)).toEqual(['Förbundets budget för insatser fastställdes: Lina Ledamot är inte förbundschef och får inte fastställa förbundets budget för insatser.']);
    expect(historyOf(s, INSATS_BUDGET_SUBJECT)[1]?.changes).toEqual([{ field: 'insatsBudget.2027', label: 'budget för insatser 2027', from: 2_500_000, to: 2_000_000 }]);
    const app = currentApplication(s, APP_ID);
    expect(app && remainingBudget(s.insatsBudget, {}, app).map((r) => [r.year, r.remaining])).toEqual([
      ['2026', 2_290_000],
      ['2027', 1_290_000],
      ['2028', -710_000],
    ]);
  });

  it('folds to the same state whatever order the events arrive in', () => {
    const { events, reg } = registered();
    const more = [
      ev(DIRECTOR, 'application.revised', application({ version: 2, name: 'Ny' }), 11, { prev: [reg.id] }),
      ev(LEDAMOT, 'question.asked', { id: QUESTION, applicationId: APP_ID, text: 'Varför?' }, 11),
      ev(LEDAMOT, 'stance.set', { applicationId: APP_ID, stance: 'oppose', comment: 'För dyrt.' }, 12),
      ev(DIRECTOR, 'budget.set', { amounts: { '2026': 1_000_000 } }, 12),
      ev(LEDAMOT, 'jav.declared', { applicationId: APP_ID, ground: 'interest', text: 'Min bror leder insatsen.' }, 13),
    ];
    const all = [...events, ...more];
    expect(fold([...all].reverse())).toEqual(fold(all));
  });
});
