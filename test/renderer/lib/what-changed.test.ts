import { describe, expect, it } from 'vitest';
import { whatChanged } from '../../../renderer/src/lib/words';

describe('the import notice says what changed, not how many events', () => {
  it('names the changes in the screens’ words, counted', () => {
    const events = [
      { type: 'stance.set', count: 2 },
      { type: 'question.asked', count: 1 },
      { type: 'absence.reported', count: 1 },
    ];
    expect(whatChanged(events, 0)).toBe('2 ställningstaganden, 1 fråga och 1 förhinder');
  });

  it('sums background kinds as other changes and adds the attachments', () => {
    expect(whatChanged([{ type: 'certificate.requested', count: 1 }, { type: 'key.registered', count: 1 }, { type: 'ca.established', count: 1 }], 2)).toBe(
      '1 ny datornyckel att godkänna, 2 andra ändringar och 2 bilagor',
    );
    expect(whatChanged([], 0)).toBe('Inget nytt: allt i paketet fanns redan här');
  });
});
