import { Badge, createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Calm and readable, AA contrast: the primary shade is dark enough for white
 * text in both schemes (Mantine's default blue.6 is only 3.5:1, the dark
 * scheme's blue.5 3.0:1), and "dimmed" text is gray.7
 * rather than gray.6 so secondary text still reads 4.5:1 on white. Field
 * errors are red.9, not red.6 (3.3:1), for the same reason.
 */
export const theme = createTheme({
  components: {
    // A badge never ends in "…" ("Juster…", "Beviljad 1 420 000 kr, 2027-01-0…" at 1024 px): in a narrow
    // column a long one wraps between words onto a second line, and a single word keeps the column that wide.
    Badge: Badge.extend({
      styles: {
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.35 },
      },
    }),
  },
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  fontSizes: { md: '1rem' },
  headings: { fontWeight: '600' },
  focusRing: 'auto',
  // Readers who ask their system for less motion get none: Mantine's
  // transitions (menus, modals, notifications) become instant. The end-to-end
  // tests run this way so a screen is measured once it has settled.
  respectReducedMotion: true,
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
