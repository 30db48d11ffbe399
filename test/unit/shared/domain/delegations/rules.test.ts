import { describe, expect, it } from 'vitest';
import {
  DelegationOrder,
  describeLimit,
  limitInKr,
  matterTextReason,
  nonDelegableMatter,
  orderIssues,
  pendingDelegationReports,
  pointIssues,
} from '../../../../../shared/domain/delegations';
import { fold } from '../../../../../shared/domain/events/fold';
import { uuid } from '../../../../helpers/event-builder';
import { order, person, point, setup, stateWith } from './fixtures';

const BASE = { '2026': { priceBaseAmount: 59_200, baseAmount: 59_200 } };

describe('the non-delegable matter check (KL 6 kap. 38 §)', () => {
  it.each([
    ['Fastställa mål och riktlinjer för verksamheten', 'goals'],
    ['Besluta om verksamhetens inriktning', 'direction'],
    ['Ändra verksamhetens omfattning', 'scope'],
    ['Beslut om insatsernas kvalitet', 'quality'],
    ['Revidera budgeten under året', 'budget'],
    ['Anta verksamhetsplan', 'operationalPlan'],
    ['Yttrande till förbundsmedlemmarna om förbundsordningen', 'memberOpinions'],
    ['Framställningar till kommunfullmäktige', 'memberOpinions'],
  ])('refuses “%s”', (text, kind) => {
    expect(nonDelegableMatter(text)?.kind).toBe(kind);
    expect(matterTextReason(text)).toMatch(/får inte delegeras \(6 kap\. 38 § kommunallagen/);
  });

  it.each([
    'Inköp inom fastställd budget',
    'Remittera ärenden och besvara remisser, dock inte yttranden till förbundsmedlemmarnas styrelser eller ägare',
    'Framställningar till myndigheter, men inte till förbundsmedlemmarna',
    'Bevilja förstudier i begränsad omfattning',
    'Beslut om målgrupp för informationsinsatser',
    'Kvalitetssäkring av underlag och budgetuppföljning',
    'Attestera fakturor enligt verksamhetsplanen',
  ])('lets a limiting or unrelated phrase pass: “%s”', (text) => {
    expect(nonDelegableMatter(text)).toBeNull();
  });

  it('the reason names the word and says how to rephrase', () => {
    expect(matterTextReason('Ändra budget')).toBe(
      'Ärendet nämner ”budget”: budget får inte delegeras (6 kap. 38 § kommunallagen (2017:725), som 10 § lagen (2003:1210) om finansiell samordning hänvisar till). ' +
        'Om punkten gäller något annat, skriv ärendet utan ordet eller som ett förbehåll, till exempel ”inom fastställd budget” eller ”dock inte yttranden till förbundsmedlemmarna”.',
    );
  });
});

describe('points and orders', () => {
  const s = fold(setup());

  it('a non-delegable kind chosen explicitly is an error that cites the law', () => {
    const r = pointIssues(s, point({ number: 3, category: 'budget', matter: 'Fördela årets medel' }));
    expect(r.errors).toEqual([
      'Punkt 3: Budget får inte delegeras (6 kap. 38 § kommunallagen (2017:725), som 10 § lagen (2003:1210) om finansiell samordning hänvisar till). Ta bort punkten; ärendet beslutas av styrelsen.',
    ]);
  });

  it('the Söderåsen rows pass; urgent matters only warn ([BK]) and say to report them', () => {
    const r = orderIssues(s, DelegationOrder.parse(order()));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^Punkt 8: Att lagen om finansiell samordning ger ordföranden rätt/);
    const unreported = pointIssues(s, point({ number: 8, category: 'urgent', mustReport: false, delegate: { kind: 'role', role: 'chair' } }));
    expect(unreported.errors).toEqual([]);
    expect(unreported.warnings[1]).toBe('Punkt 8: Beslut i brådskande ärenden anmäls vid nästa sammanträde. Markera punkten som anmälningspliktig.');
  });

  it('grants to insatser without a limit and the förbundschef deciding their own pay warn, not block', () => {
    expect(pointIssues(s, point({ category: 'initiatives', matter: 'Bevilja medel till insatser' })).warnings).toEqual([
      'Punkt 1: Punkten ger rätt att bevilja medel till insatser men har ingen beloppsgräns. Större insatser beviljas av styrelsen; ange en gräns.',
    ]);
    const pay = pointIssues(s, point({ category: 'personnel', matter: 'Lön och villkor för förbundschefen' }));
    expect(pay.errors).toEqual([]);
    expect(pay.warnings).toEqual(['Punkt 1: Förbundschefen kan inte besluta om sina egna villkor (jäv). Delegera till ordföranden eller presidiet.']);
  });

  it('duplicate numbers, reversed dates, unknown or ineligible persons and a stand-in equal to the delegate block', () => {
    const outsider = uuid(0x999);
    s.persons[outsider] = person({ id: outsider, name: 'Utan Uppdrag' });
    const r = orderIssues(
      s,
      DelegationOrder.parse(
        order({
          validTo: '2025-06-30',
          points: [
            point({ number: 1 }),
            point({ number: 1, delegate: { kind: 'person', personId: uuid(0x998) } }),
            point({ number: 2, delegate: { kind: 'person', personId: outsider } }),
            point({ number: 3, standIn: { kind: 'role', role: 'director' } }),
          ],
        }),
      ),
    );
    expect(r.errors).toEqual([
      'Delegationsordningen slutar gälla (2025-06-30) innan den börjar gälla (2026-01-01). Rätta datumen.',
      'Punkt 1 finns två gånger. Varje punkt behöver ett eget nummer.',
      'Punkt 1: Delegaten finns inte i förbundets register.',
      'Punkt 2: Delegaten (Utan Uppdrag) är varken ledamot, ersättare eller anställd i förbundet; bara de kan få delegation (10 § lagen om finansiell samordning).',
      'Punkt 3: Ersättaren för delegaten är samma som delegaten. Välj en annan ersättare eller ingen.',
    ]);
    delete s.persons[outsider];
  });

  it('a missing year value for (pris)basbelopp limits is a warning on the order', () => {
    const r = orderIssues(s, DelegationOrder.parse(order({ validFrom: '2027-01-01', adoptedOn: '2026-12-01' })));
    expect(r.warnings).toContain('Värdet för prisbasbelopp och basbelopp 2027 saknas. Beslut med beloppsgräns i (pris)basbelopp kan inte registreras för 2027 förrän det är infört.');
  });

  it('the schema refuses fractional kronor and more than two decimals of prisbasbelopp', () => {
    expect(DelegationOrder.safeParse(order({ points: [point({ limit: { amount: 10.5, unit: 'kr' } })] })).success).toBe(false);
    expect(DelegationOrder.safeParse(order({ points: [point({ limit: { amount: 0.125, unit: 'priceBaseAmount' } })] })).success).toBe(false);
    expect(DelegationOrder.safeParse(order({ points: [point({ limit: { amount: 0.5, unit: 'priceBaseAmount' } })] })).success).toBe(true);
  });
});

describe('limits in kronor', () => {
  it('converts (pris)basbelopp with that year’s value', () => {
    expect(limitInKr({ amount: 3, unit: 'priceBaseAmount' }, BASE, '2026')).toEqual({ ok: true, kr: 177_600 });
    expect(limitInKr({ amount: 0.5, unit: 'baseAmount' }, BASE, '2026')).toEqual({ ok: true, kr: 29_600 });
    expect(limitInKr({ amount: 50_000, unit: 'kr' }, {}, '2030')).toEqual({ ok: true, kr: 50_000 });
    expect(describeLimit({ amount: 3, unit: 'baseAmount' }, BASE, '2026')).toBe('3 basbelopp (177 600 kr 2026)');
    expect(describeLimit({ amount: 0.5, unit: 'priceBaseAmount' }, BASE, '2027')).toBe('0,5 prisbasbelopp (värde för 2027 saknas)');
  });

  it('a missing year says which value to enter', () => {
    const r = limitInKr({ amount: 1, unit: 'priceBaseAmount' }, BASE, '2027');
    expect(r).toEqual({
      ok: false,
      reason: 'Delegationsordningen har inget värde för prisbasbelopp 2027, så beloppsgränsen kan inte räknas om till kronor. Ange prisbasbelopp för 2027 (enligt SCB) i delegationsordningen och registrera beslutet igen.',
    });
  });
});

describe('pendingDelegationReports', () => {
  it('lists reportable decisions up to the meeting date that are not yet reported, oldest first', () => {
    const [a, b, c, d, e] = [1, 2, 3, 4, 5].map((i) => uuid(0xa00 + i)) as [string, string, string, string, string];
    const s = stateWith([
      { id: a, date: '2026-02-10' },
      { id: b, date: '2026-01-15' },
      { id: c, date: '2026-01-20', mustReport: false },
      { id: d, date: '2026-03-20' },
      { id: e, date: '2026-01-05' },
    ]);
    expect(pendingDelegationReports(s, '2026-03-01', new Set([e])).map((x) => x.id)).toEqual([b, a]);
    expect(pendingDelegationReports(s, '2026-03-20', new Set()).map((x) => x.id)).toEqual([e, b, a, d]);
  });
});
