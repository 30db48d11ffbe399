import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { FederationState } from '../../../../../shared/domain/events';
import type { Draft } from './draft';

/** What every part of the registration form gets: the draft, a way to change it, and its messages. */
export interface FormPart {
  draft: Draft;
  /** Changes the draft: `fn` may mutate the copy it is given. */
  edit(fn: (d: Draft) => void): void;
  /** The Swedish messages for a field path, once the user has left the field or tried to save. */
  err(path: string): string | undefined;
  state: FederationState;
}

/** One numbered part of the form, read like the application template. */
export function FormSection({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h3" id={id}>{title}</Title>
          {description && <Text size="sm" c="dimmed">{description}</Text>}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

/** A number input's value as the draft keeps it: '' (empty) → null. */
export const toNullable = (v: string | number): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** A number input's value for amounts: empty counts as 0 kr. */
export const toAmount = (v: string | number): number => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : 0);

/** Text fields keep what the user typed; the schema trims when the event is made. */
export const DATE_HINT = 'ÅÅÅÅ-MM-DD, till exempel 2027-01-01';
export const DATE_PATTERN = '\\d{4}-\\d{2}-\\d{2}';
