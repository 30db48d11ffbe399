import { Text, UnstyledButton } from '@mantine/core';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Page } from 'react-pdf';

const THUMB_WIDTH = 88;
// A4 portrait until the page says otherwise: the placeholder keeps the strip's height stable.
const PLACEHOLDER_HEIGHT = Math.round(THUMB_WIDTH * 1.414);

/**
 * The page strip beside the page: one button per page, the current one marked
 * (aria-current). Arrow keys move between thumbnails (one tab stop for the
 * strip), Enter or a click goes to the page. Only thumbnails scrolled near
 * view are rendered, so a 100-page document opens as fast as a short one.
 */
export function PdfThumbnails({ pages, current, onGo }: { pages: number; current: number; onGo(page: number): void }) {
  const listRef = useRef<HTMLOListElement>(null);
  const [focus, setFocus] = useState(current);
  const [visible, setVisible] = useState<ReadonlySet<number>>(() => new Set([1, 2, 3, 4, 5, 6]));

  // Follow the page being read: keep its thumbnail in view and make it the tab stop.
  useEffect(() => {
    setFocus(current);
    const el = listRef.current?.querySelector<HTMLElement>(`[data-page="${current}"]`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  useEffect(() => {
    const list = listRef.current;
    if (!list || typeof IntersectionObserver === 'undefined') {
      setVisible(new Set(Array.from({ length: pages }, (_, i) => i + 1)));
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        const seen = entries.filter((e) => e.isIntersecting).map((e) => Number((e.target as HTMLElement).dataset.page));
        if (seen.length > 0) setVisible((v) => (seen.every((n) => v.has(n)) ? v : new Set([...v, ...seen])));
      },
      { root: list, rootMargin: '300px 0px' },
    );
    list.querySelectorAll('[data-page]').forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  }, [pages]);

  function onKey(e: KeyboardEvent<HTMLOListElement>) {
    const moves: Record<string, number> = { ArrowDown: focus + 1, ArrowUp: focus - 1, Home: 1, End: pages };
    const target = moves[e.key];
    if (target === undefined) return;
    // The viewer also uses Home/End and arrows; inside the strip they move focus only.
    e.preventDefault();
    e.stopPropagation();
    const n = Math.min(Math.max(1, target), pages);
    setFocus(n);
    listRef.current?.querySelector<HTMLElement>(`[data-page="${n}"]`)?.focus();
  }

  return (
    <nav aria-label="Sidor i handlingen" className="pdf-thumbnails">
      <ol ref={listRef} onKeyDown={onKey} className="pdf-thumbnail-list">
        {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            <Thumb n={n} current={n === current} tabStop={n === focus} render={visible.has(n)} onGo={onGo} />
          </li>
        ))}
      </ol>
    </nav>
  );
}

const Thumb = memo(function Thumb({ n, current, tabStop, render, onGo }: { n: number; current: boolean; tabStop: boolean; render: boolean; onGo(page: number): void }) {
  return (
    <UnstyledButton
      data-page={n}
      data-testid="pdf-thumbnail"
      className="pdf-thumbnail"
      aria-label={`Sida ${n}`}
      aria-current={current ? 'page' : undefined}
      tabIndex={tabStop ? 0 : -1}
      onClick={() => onGo(n)}
    >
      <span className="pdf-thumbnail-frame" aria-hidden style={{ minHeight: render ? undefined : PLACEHOLDER_HEIGHT }}>
        {render && <Page pageNumber={n} width={THUMB_WIDTH} renderTextLayer={false} renderAnnotationLayer={false} loading="" />}
      </span>
      <Text span size="xs" aria-hidden>{n}</Text>
    </UnstyledButton>
  );
});
