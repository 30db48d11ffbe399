import { ActionIcon, Button, Group, NumberInput, Text, Tooltip } from '@mantine/core';
import { IconArrowAutofitHeight, IconArrowAutofitWidth, IconArrowsMaximize, IconChevronLeft, IconChevronRight, IconZoomIn, IconZoomOut, IconZoomReset } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { MAX_ZOOM, MIN_ZOOM, zoomLabel, type ZoomMode } from './pdf-zoom';

export interface PdfToolbarProps {
  page: number;
  pages: number;
  onPage(n: number): void;
  zoom: number;
  mode: ZoomMode;
  onZoomStep(dir: 1 | -1): void;
  onMode(mode: ZoomMode | 'actual'): void;
  /** Inline: open reader mode. In reader mode the dialog's own close button leaves it. */
  onReader?(): void;
  search: ReactNode;
}

/**
 * The reader's toolbar: search, pages, zoom (true to the page), fit to width
 * or page, and reader mode. It stays in view while the page scrolls (sticky
 * under the app's header; in reader mode above the scrolling stage).
 */
export function PdfToolbar({ page, pages, onPage, zoom, mode, onZoomStep, onMode, onReader, search }: PdfToolbarProps) {
  return (
    <div className="pdf-toolbar" data-testid="pdf-toolbar">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        {search}
        {onReader && (
          <Tooltip label="Visa handlingen över hela fönstret (Esc lämnar läsläget)">
            <Button variant="default" size="xs" leftSection={<IconArrowsMaximize size={16} aria-hidden />} onClick={onReader}>Läsläge</Button>
          </Tooltip>
        )}
      </Group>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap">
          <Tooltip label="Föregående sida (Page Up)">
            <ActionIcon variant="default" size="lg" aria-label="Föregående sida" disabled={page <= 1} onClick={() => onPage(page - 1)}><IconChevronLeft size={18} aria-hidden /></ActionIcon>
          </Tooltip>
          <NumberInput aria-label="Sidnummer" value={page} min={1} max={Math.max(pages, page, 1)} onChange={(v) => typeof v === 'number' && onPage(v)} w={72} size="sm" hideControls clampBehavior="strict" />
          <Text size="sm" aria-live="polite" data-testid="pdf-position" style={{ whiteSpace: 'nowrap' }}>
            Sida {page} av {pages || '…'}
          </Text>
          <Tooltip label="Nästa sida (Page Down)">
            <ActionIcon variant="default" size="lg" aria-label="Nästa sida" disabled={pages === 0 || page >= pages} onClick={() => onPage(page + 1)}><IconChevronRight size={18} aria-hidden /></ActionIcon>
          </Tooltip>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Tooltip label="Anpassa till bredd">
            <ActionIcon variant={mode === 'width' ? 'filled' : 'default'} size="lg" aria-label="Anpassa till bredd" aria-pressed={mode === 'width'} onClick={() => onMode('width')}><IconArrowAutofitWidth size={18} aria-hidden /></ActionIcon>
          </Tooltip>
          <Tooltip label="Anpassa till sida">
            <ActionIcon variant={mode === 'page' ? 'filled' : 'default'} size="lg" aria-label="Anpassa till sida" aria-pressed={mode === 'page'} onClick={() => onMode('page')}><IconArrowAutofitHeight size={18} aria-hidden /></ActionIcon>
          </Tooltip>
          <Tooltip label="Verklig storlek: 100 % är sidans egen storlek (0)">
            <ActionIcon variant="default" size="lg" aria-label="Verklig storlek (100 %)" onClick={() => onMode('actual')}><IconZoomReset size={18} aria-hidden /></ActionIcon>
          </Tooltip>
          <Tooltip label="Zooma ut (−)">
            <ActionIcon variant="default" size="lg" aria-label="Zooma ut" disabled={zoom <= MIN_ZOOM + 1e-3} onClick={() => onZoomStep(-1)}><IconZoomOut size={18} aria-hidden /></ActionIcon>
          </Tooltip>
          <Text size="sm" w={52} ta="center" data-testid="pdf-zoom" title="100 % är sidans egen storlek" style={{ whiteSpace: 'nowrap' }}>{zoomLabel(zoom)}</Text>
          <Tooltip label="Zooma in (+)">
            <ActionIcon variant="default" size="lg" aria-label="Zooma in" disabled={zoom >= MAX_ZOOM - 1e-3} onClick={() => onZoomStep(1)}><IconZoomIn size={18} aria-hidden /></ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </div>
  );
}
