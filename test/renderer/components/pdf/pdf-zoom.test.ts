import { describe, expect, it } from 'vitest';
import { CSS_PX_PER_PT, effectiveZoom, stepZoom, zoomLabel } from '../../../../renderer/src/components/pdf/pdf-zoom';

const A4 = { width: 595.28, height: 841.89 };

describe('the PDF reader’s zoom, true to the page', () => {
  it('100 % is the page’s own size at 96 dpi', () => {
    expect(A4.width * CSS_PX_PER_PT * effectiveZoom({ mode: 'free', zoom: 1 }, A4, { width: 300, height: 300 })).toBeCloseTo(793.7, 1);
  });

  it('fits the width, or the whole page, into the room given', () => {
    const width = effectiveZoom({ mode: 'width', zoom: 1 }, A4, { width: 400, height: 500 });
    expect(A4.width * CSS_PX_PER_PT * width).toBeCloseTo(400, 5);
    const page = effectiveZoom({ mode: 'page', zoom: 1 }, A4, { width: 400, height: 500 });
    expect(A4.height * CSS_PX_PER_PT * page).toBeCloseTo(500, 5);
    expect(zoomLabel(width)).toBe('50 %');
  });

  it('steps from any fitted zoom to the next step, within 25–400 %', () => {
    expect(stepZoom(0.83, 1)).toBe(1);
    expect(stepZoom(0.83, -1)).toBe(0.75);
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(4, 1)).toBe(4);
    expect(stepZoom(0.25, -1)).toBe(0.25);
    expect(effectiveZoom({ mode: 'free', zoom: 40 }, A4, { width: 1, height: 1 })).toBe(4);
  });
});
