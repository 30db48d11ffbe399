import type { ScrollAreaProps } from '@mantine/core';

/**
 * For Table.ScrollContainer: a table wider than its column scrolls sideways,
 * and keyboard users must be able to reach that scroll area (WCAG 2.1.1,
 * axe "scrollable-region-focusable").
 */
export const KEYBOARD_SCROLL: ScrollAreaProps = { viewportProps: { tabIndex: 0 } };
