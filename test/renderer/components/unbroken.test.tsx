import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Unbroken } from '../../../renderer/src/components/Unbroken';

/** Issue #15 item 9: "Beviljad 150 / 000 kr, 2026-12-01 – 2027-02- / 28" – amounts, dates and § never break inside. */
describe('Unbroken', () => {
  it('keeps amounts, dates and § numbers whole and leaves the text as it was', () => {
    const text = '2026-11-24 § 46 Ansökan om medel: Öppna vägar (förstudie): Bifall, 1 150 000 kr, 2026-12-01 – 2027-02-28';
    const { container } = render(<p><Unbroken text={text} /></p>);
    expect(container.textContent).toBe(text);
    expect([...container.querySelectorAll('.nobreak')].map((e) => e.textContent)).toEqual(['2026-11-24', '§ 46', '1 150 000 kr', '2026-12-01', '2027-02-28']);
  });
});
