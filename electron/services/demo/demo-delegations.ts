import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/contract';
import { DEFAULT_BASE_AMOUNTS, SODERASEN_POINTS, type DelegationPoint } from '../../../shared/domain/delegations';
import type { DemoCalendar } from './demo-calendar';

/**
 * The demo's delegationsordning and three delegationsbeslut by the
 * förbundschef. The order is Söderåsen's (DOMAIN.md 3.2) with three points of
 * the demo's own, adopted by the board in December two years back and valid
 * since the year after, so every decision of the demo lies inside it. Amount
 * limits of the decisions are in kronor, so no year's prisbasbelopp is needed
 * for them (the Söderåsen points in basbelopp still get the years the app
 * knows).
 *
 * - the förstudie of a kartläggning (must be reported): dated before the
 *   held meeting, so it is reported there;
 * - the end of an uppdrag (not reported);
 * - a workshop (must be reported): dated after the held meeting, so it waits
 *   for the next one.
 */

const director = { kind: 'role', role: 'director' } as const;

const DEMO_POINTS: DelegationPoint[] = [
  {
    number: 8,
    category: 'urgent',
    matter: 'Beslut i ärenden som är så brådskande att styrelsens avgörande inte kan avvaktas',
    legalGround: '6 kap. 39 § kommunallagen',
    delegate: { kind: 'role', role: 'chair' },
    standIn: { kind: 'role', role: 'viceChair' },
    limit: null,
    mustReport: true,
    comment: '',
  },
  {
    number: 9,
    category: 'initiatives',
    matter: 'Bevilja medel till kartläggningar och mindre utvecklingsinsatser',
    legalGround: '10 § lagen om finansiell samordning',
    delegate: director,
    standIn: { kind: 'role', role: 'chair' },
    limit: { amount: 50_000, unit: 'kr' },
    mustReport: true,
    comment: 'Högst 50 000 kr per beslut.',
  },
  {
    number: 10,
    category: 'personnel',
    matter: 'Anställning av personal på förbundets kansli inom budget',
    legalGround: '10 § lagen om finansiell samordning',
    delegate: director,
    standIn: { kind: 'role', role: 'chair' },
    limit: null,
    mustReport: true,
    comment: '',
  },
];

export interface DemoDelegations {
  orderId: string;
  /** Decisions dated before the held meeting that must be reported there. */
  reportedAtHeld: string[];

  /** The decision that waits for the next meeting. */
  pending: string;
}

export async function recordDemoDelegations(laptop: Handlers, directorId: string, cal: DemoCalendar): Promise<DemoDelegations> {
  const orderId = randomUUID();
  const since = cal.year - 1;
  await laptop['log.append']({
    type: 'delegation.order.adopted',
    payload: {
      id: orderId,
      adoptedOn: `${since - 1}-12-09`,
      adoptedBy: `§ 52/${since - 1}`,
      validFrom: `${since}-01-01`,
      validTo: null,
      replaces: null,
      baseAmounts: DEFAULT_BASE_AMOUNTS,
      points: [...SODERASEN_POINTS, ...DEMO_POINTS],
    },
    prev: [],
  });
  const decide = async (pointNumber: number, date: string, dnr: string, text: string, amountKr: number | null): Promise<string> => {
    const id = randomUUID();
    await laptop['log.append']({ type: 'delegation.decision.recorded', payload: { id, orderId, pointNumber, decidedBy: directorId, date, dnr, text, amountKr }, prev: [] });
    return id;
  };
  const survey = await decide(
    9,
    cal.fromHeld(-35),
    `Dnr ${cal.fromHeld(-35).slice(0, 4)}/11`,
    'Medel beviljas till en kartläggning av stödet till unga med aktivitetsersättning i Falköping.',
    45_000,
  );
  await decide(1, cal.fromHeld(-21), `Dnr ${cal.fromHeld(-21).slice(0, 4)}/12`, 'Uppdraget Samverkan i hemmet avslutas efter slutrapporten.', null);
  const workshop = await decide(9, cal.day(-2), `Dnr ${cal.day(-2).slice(0, 4)}/18`, 'Medel beviljas till en workshop för handläggare om samordnad planering för unga vuxna.', 30_000);
  return { orderId, reportedAtHeld: [survey], pending: workshop };
}
