import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Calm and readable, AA contrast: the primary shade is dark enough for white
 * text (Mantine's default blue.6 is only 3.5:1), and "dimmed" text is gray.7
 * rather than gray.6 so secondary text still reads 4.5:1 on white.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  fontSizes: { md: '1rem' },
  headings: { fontWeight: '600' },
  focusRing: 'auto',
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
