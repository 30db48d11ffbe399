import { describe, expect, it } from 'vitest';
import { orderInForce, pendingDelegationReports } from '../../../../../shared/domain/delegations';
import { historyOf } from '../../../../../shared/domain/events';
import { fold } from '../../../../../shared/domain/events/fold';
import { ERSATTARE, ev } from '../../../../helpers/event-builder';
import { AT, DIRECTOR, LEDAMOT, ORDER_2, ORDER_ID, ORDF, VICE, adopt, decision, record, setup } from './fixtures';

const reasons = (s: ReturnType<typeof fold>) => s.refused.map((r) => r.reason);

function adopted() {
  const events = [...setup(), adopt(20)];
  return { events, s: fold(events) };
}

describe('delegation.order.adopted', () => {
  it('the förbundschef records the order; it is in force from validFrom with its history', () => {
    const { s } = adopted();
    expect(reasons(s)).toEqual([]);
    const o = s.delegationOrders[ORDER_ID];
    expect(o?.points).toHaveLength(9);
    expect(o?.recordedBy).toBe(DIRECTOR.id);
    expect(orderInForce(s, '2026-03-01')?.id).toBe(ORDER_ID);
    expect(orderInForce(s, '2025-12-31')).toBeNull();
    const h = historyOf(s, ORDER_ID);
    expect(h.map((x) => x.label)).toEqual(['Delegationsordning registrerades']);
    expect(h[0]?.changes).toContainEqual({ field: 'adoptedBy', label: 'beslut (§)', from: null, to: '§ 42/2025' });
  });

  it('a ledamot cannot record an order', () => {
    const s = fold([...setup(), adopt(20, {}, LEDAMOT)]);
    expect(s.delegationOrders).toEqual({});
    expect(reasons(s)).toEqual(['Delegationsordning registrerades: Lina Ledamot är varken förbundschef eller sekreterare och får inte registrera delegationsordningar.']);
  });

  it('an order with a non-delegable point is refused with the law, on every laptop', () => {
    const points = [{ number: 1, category: 'finance', matter: 'Fastställa budget för nästa år', delegate: { kind: 'role', role: 'director' }, mustReport: true }];
    const s = fold([...setup(), adopt(20, { points } as never)]);
    expect(s.delegationOrders).toEqual({});
    expect(reasons(s)[0]).toMatch(/^Delegationsordning registrerades: Punkt 1: Ärendet nämner ”budget”: budget får inte delegeras \(6 kap\. 38 § kommunallagen/);
  });

  it('a new order replaces the earlier one from its validFrom; overlapping without replacing is refused', () => {
    const { events } = adopted();
    const overlapping = adopt(21, { id: ORDER_2, adoptedOn: '2026-05-20', adoptedBy: '§ 30/2026', validFrom: '2026-06-01' });
    expect(reasons(fold([...events, overlapping]))).toEqual([
      'Delegationsordning registrerades: Delegationsordningen antagen 2025-12-10 (§ 42/2025) gäller under samma tid. Ange att den nya ersätter den, eller ändra datumen.',
    ]);
    const replacing = adopt(21, { id: ORDER_2, adoptedOn: '2026-05-20', adoptedBy: '§ 30/2026', validFrom: '2026-06-01', replaces: ORDER_ID });
    const s = fold([...events, replacing]);
    expect(reasons(s)).toEqual([]);
    expect(s.delegationOrders[ORDER_ID]?.replacedBy).toBe(ORDER_2);
    expect(orderInForce(s, '2026-05-31')?.id).toBe(ORDER_ID);
    expect(orderInForce(s, '2026-06-01')?.id).toBe(ORDER_2);
    expect(historyOf(s, ORDER_ID).map((h) => h.changes.map((c) => c.field))).toEqual([expect.any(Array), ['replacedBy']]);
    // A decision under the replaced order after the replacement date is outside its validity.
    const late = fold([...events, replacing, record(22, decision({ date: '2026-06-02' }))]);
    expect(reasons(late)).toEqual([
      'Delegationsbeslut registrerades: Beslutsdatumet 2026-06-02 ligger utanför tiden delegationsordningen gällde, 2026-01-01–2026-05-31 (den ersattes av en ny delegationsordning). Välj den delegationsordning som gällde den dagen.',
    ]);
  });
});

describe('delegation.decision.recorded', () => {
  it('a decision within the limit is stored with mustReport from its point and goes to the next meeting', () => {
    const { events } = adopted();
    const d = decision();
    const s = fold([...events, record(30, d)]);
    expect(reasons(s)).toEqual([]);
    expect(s.delegationDecisions[d.id]).toMatchObject({ ...d, mustReport: true, recordedBy: DIRECTOR.id, recordedAt: AT });
    expect(pendingDelegationReports(s, '2026-04-01', new Set()).map((x) => x.id)).toEqual([d.id]);
    expect(historyOf(s, d.id)[0]?.label).toBe('Delegationsbeslut registrerades');
  });

  it('above a kr limit is refused with the reason and nothing is stored', () => {
    const { events } = adopted();
    const s = fold([...events, record(30, decision({ amountKr: 50_001 }))]);
    expect(s.delegationDecisions).toEqual({});
    expect(reasons(s)).toEqual([
      'Delegationsbeslut registrerades: Beloppet 50 001 kr är över beloppsgränsen för punkt 9, 50 000 kr. Ett beslut över gränsen fattas av styrelsen.',
    ]);
  });

  it('a limit in basbelopp is converted with that year’s value', () => {
    const { events } = adopted();
    const ok = decision({ pointNumber: 2, amountKr: 177_600, text: 'Avrop av utbildning' });
    const over = decision({ pointNumber: 2, amountKr: 177_601, text: 'Avrop av konsult' });
    const s = fold([...events, record(30, ok), record(31, over)]);
    expect(Object.keys(s.delegationDecisions)).toEqual([ok.id]);
    expect(reasons(s)).toEqual([
      'Delegationsbeslut registrerades: Beloppet 177 601 kr är över beloppsgränsen för punkt 2, 3 basbelopp (177 600 kr 2026). Ett beslut över gränsen fattas av styrelsen.',
    ]);
  });

  it('a missing year value is refused until it is entered with delegation.baseamounts.set', () => {
    const events = [...setup(), adopt(20, { validFrom: '2025-01-01', adoptedOn: '2024-12-01', baseAmounts: {} })];
    const d = decision({ pointNumber: 3, amountKr: 10_000, date: '2026-02-01' });
    expect(reasons(fold([...events, record(30, d)]))).toEqual([
      'Delegationsbeslut registrerades: Delegationsordningen har inget värde för basbelopp 2026, så beloppsgränsen kan inte räknas om till kronor. Ange basbelopp för 2026 (enligt SCB) i delegationsordningen och registrera beslutet igen.',
    ]);
    const set = ev(DIRECTOR, 'delegation.baseamounts.set', { orderId: ORDER_ID, year: '2026', priceBaseAmount: 59_200, baseAmount: 59_200 }, 25, { at: AT });
    const s = fold([...events, set, record(30, d)]);
    expect(reasons(s)).toEqual([]);
    expect(s.delegationOrders[ORDER_ID]?.baseAmounts['2026']).toEqual({ priceBaseAmount: 59_200, baseAmount: 59_200 });
  });

  it('an amount is required when the point has a limit; a point without a limit takes none', () => {
    const { events } = adopted();
    const noAmount = decision({ amountKr: null });
    const s = fold([...events, record(30, noAmount), record(31, decision({ pointNumber: 7, amountKr: null, text: 'Avslag på begäran om handling' }))]);
    expect(Object.keys(s.delegationDecisions)).toHaveLength(1);
    expect(reasons(s)).toEqual(['Delegationsbeslut registrerades: Punkt 9 har en beloppsgräns; ange beslutets belopp i kronor.']);
  });

  it('outside the validity, an unknown point and a decision maker who is not the delegate are refused', () => {
    const { events } = adopted();
    const s = fold([
      ...events,
      record(30, decision({ date: '2025-12-30' })),
      record(31, decision({ pointNumber: 42 })),
      record(32, decision({ pointNumber: 2, decidedBy: VICE.id, amountKr: 100 })),
    ]);
    expect(s.delegationDecisions).toEqual({});
    expect(reasons(s)).toEqual([
      'Delegationsbeslut registrerades: Beslutsdatumet 2025-12-30 ligger utanför tiden delegationsordningen gällde, 2026-01-01–tills vidare. Välj den delegationsordning som gällde den dagen.',
      'Delegationsbeslut registrerades: Delegationsordningen antagen 2025-12-10 har ingen punkt 42.',
      'Delegationsbeslut registrerades: Vera Vice är inte delegat för punkt 2 den 2026-03-02; beslutet får fattas av förbundschefen.',
    ]);
  });

  it('the stand-in may decide; the chair records their own decision; the vice chair is stand-in for urgent matters', () => {
    const { events } = adopted();
    const byChair = decision({ decidedBy: ORDF.id, amountKr: 20_000 });
    const urgent = decision({ pointNumber: 8, decidedBy: VICE.id, amountKr: null, text: 'Brådskande beslut' });
    const s = fold([...events, record(30, byChair, ORDF), record(31, urgent)]);
    expect(reasons(s)).toEqual([]);
    expect(s.delegationDecisions[byChair.id]?.recordedBy).toBe(ORDF.id);
    expect(s.delegationDecisions[urgent.id]?.recordedBy).toBe(DIRECTOR.id);
  });

  it('a role is judged on the decision date: the chair after their term is no delegate', () => {
    const { events } = adopted();
    const s = fold([...events, record(30, decision({ pointNumber: 8, decidedBy: ORDF.id, date: '2027-01-10', amountKr: null }), ORDF)]);
    expect(reasons(s)).toEqual([
      expect.stringContaining('Beslutsdatumet 2027-01-10 har inte inträffat än.'),
    ]);
    const s2 = fold([...events, ev(ORDF, 'delegation.decision.recorded', decision({ pointNumber: 8, decidedBy: ORDF.id, date: '2027-01-10', amountKr: null }), 30, { at: '2027-02-01T10:00:00.000Z' })]);
    expect(reasons(s2)).toEqual([
      'Delegationsbeslut registrerades: Olle Ordförande är inte delegat för punkt 8 den 2027-01-10; beslutet får fattas av ordföranden eller, som ersättare, vice ordföranden.',
    ]);
  });

  it('a secretary records orders and decisions on behalf of the delegate; a ledamot cannot set base amounts', () => {
    const secretary = { id: '00000000-0000-4000-8000-0000000000a5', name: 'Siv Sekreterare', email: 'siv@example.se', key: 'b'.repeat(64) };
    const key = ev(secretary, 'key.registered', { personId: secretary.id, fingerprint: secretary.key, publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n-----END PUBLIC KEY-----\n', deviceName: 'Sivs dator' }, 14);
    const base = [
      ...setup(),
      ev(DIRECTOR, 'person.added', { id: secretary.id, name: secretary.name, email: secretary.email, staffRole: 'secretary' }, 13),
      key,
      ev(DIRECTOR, 'key.accepted', { fingerprint: secretary.key }, 15, { prev: [key.id] }),
    ];
    const d = decision();
    const s = fold([...base, adopt(20, {}, secretary), record(30, d, secretary)]);
    expect(reasons(s)).toEqual([]);
    expect(s.delegationOrders[ORDER_ID]?.recordedBy).toBe(secretary.id);
    expect(s.delegationDecisions[d.id]?.decidedBy).toBe(DIRECTOR.id);
    const byLedamot = fold([...base, adopt(20), ev(LEDAMOT, 'delegation.baseamounts.set', { orderId: ORDER_ID, year: '2027', priceBaseAmount: 60_000, baseAmount: 60_000 }, 25, { at: AT })]);
    expect(reasons(byLedamot)).toEqual([
      'Prisbasbelopp i delegationsordningen angavs: Lina Ledamot är varken förbundschef eller sekreterare och får inte ange prisbasbelopp i delegationsordningen.',
    ]);
  });

  it('a ledamot cannot record a decision for someone else', () => {
    const { events } = adopted();
    const s = fold([...events, record(30, decision(), LEDAMOT)]);
    expect(reasons(s)).toEqual([
      'Delegationsbeslut registrerades: Lina Ledamot får bara registrera egna delegationsbeslut; förbundschefen eller sekreteraren kan registrera åt andra.',
    ]);
    void ERSATTARE;
  });
});
