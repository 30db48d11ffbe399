/**
 * The reader's zoom, true to the page: 100 % is the PDF's own size at 96 dpi
 * (CSS pixels: one PDF point is 96/72 px), as in pdf.js's own viewer and
 * Acrobat's "verklig storlek". "Anpassa till bredd" and "Anpassa till sida"
 * compute the zoom from the page and the room the stage gives it, and the
 * figure shown is always that true zoom.
 */

export const CSS_PX_PER_PT = 96 / 72;
export const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;
export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 4;

export type ZoomMode = 'width' | 'page' | 'free';
export interface ZoomView {
  mode: ZoomMode;
  /** The chosen zoom in 'free' mode (1 = 100 %); ignored when fitting. */
  zoom: number;
}

/** The page's size in PDF points (after its rotation). */
export interface PageSize {
  width: number;
  height: number;
}

const clamp = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/** The true zoom shown for a view, given the page and the room (CSS px, padding already taken off). */
export function effectiveZoom(view: ZoomView, page: PageSize | null, room: { width: number; height: number }): number {
  if (view.mode === 'free' || !page || room.width <= 0) return clamp(view.zoom);
  const byWidth = room.width / (page.width * CSS_PX_PER_PT);
  if (view.mode === 'width' || room.height <= 0) return clamp(byWidth);
  return clamp(Math.min(byWidth, room.height / (page.height * CSS_PX_PER_PT)));
}

/** The next step up or down from any zoom (a fitted 83 % goes to 100 % or 75 %). */
export function stepZoom(current: number, dir: 1 | -1): number {
  const eps = 1e-3;
  const next = dir > 0 ? ZOOM_STEPS.find((s) => s > current + eps) : [...ZOOM_STEPS].reverse().find((s) => s < current - eps);
  return next ?? (dir > 0 ? MAX_ZOOM : MIN_ZOOM);
}

/** "83 %": the figure beside the zoom buttons. */
export const zoomLabel = (zoom: number) => `${Math.round(zoom * 100)} %`;
