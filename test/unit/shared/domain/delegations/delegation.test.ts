import { describe, expect, it } from 'vitest';
import { matterTextReason } from '../../../../../shared/domain/delegations/matter-check';
import { NON_DELEGABLE_LABEL } from '../../../../../shared/domain/delegations/model';

/** KL 6 kap 38 § (via FinsamL 10 §): yttranden when a board decision is appealed, and the årsredovisning, stay with the board. */
describe('non-delegable matters', () => {
  it('refuses a point on the årsredovisning or an yttrande on an appealed board decision', () => {
    expect(matterTextReason('Upprätta och fastställa årsredovisningen')).toContain('Ärendet nämner ”årsredovisningen”: årsredovisning får inte delegeras');
    expect(matterTextReason('Yttrande till förvaltningsrätten när styrelsens beslut har överklagats')).toContain('yttranden med anledning av att styrelsens beslut har överklagats får inte delegeras');
    expect(matterTextReason('Avge yttrande i mål om laglighetsprövning av styrelsens beslut')).not.toBeNull();
    expect(NON_DELEGABLE_LABEL).toMatchObject({ annualReport: 'Årsredovisning', appealStatements: 'Yttranden med anledning av att styrelsens beslut har överklagats' });
  });

  it('lets through what only limits or names other things', () => {
    expect(matterTextReason('Yttranden i remisser från myndigheter, dock ej yttranden när styrelsens beslut har överklagats')).toBeNull();
    expect(matterTextReason('Sammanställa underlag till årsredovisningen')).toBeNull();
    expect(matterTextReason('Attestera fakturor')).toBeNull();
  });
});
