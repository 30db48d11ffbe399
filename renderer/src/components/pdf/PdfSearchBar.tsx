import { ActionIcon, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSearch } from '@tabler/icons-react';
import { hitLabel } from './pdf-search';

/** The search field of the viewer: Enter next hit, Shift+Enter previous, "3 av 12" read out politely. */
export function PdfSearchBar(props: {
  query: string;
  onQuery(q: string): void;
  count: number;
  index: number;
  searched: boolean;
  loading: boolean;
  onStep(dir: 1 | -1): void;
}) {
  const { query, onQuery, count, index, searched, loading, onStep } = props;
  return (
    <Group gap="xs" wrap="nowrap">
      <TextInput
        aria-label="Sök i handlingen"
        placeholder="Sök i handlingen"
        leftSection={<IconSearch size={14} aria-hidden />}
        size="sm"
        w={200}
        value={query}
        onChange={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape' && query !== '') {
            e.preventDefault();
            onQuery('');
          }
        }}
      />
      <Text size="sm" miw={80} aria-live="polite" data-testid="pdf-hits">
        {loading ? 'Söker …' : hitLabel(count, index, searched)}
      </Text>
      <Tooltip label="Föregående träff (Skift+Enter)">
        <ActionIcon variant="default" size="lg" aria-label="Föregående träff" disabled={count === 0} onClick={() => onStep(-1)}>
          <IconChevronUp size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Nästa träff (Enter)">
        <ActionIcon variant="default" size="lg" aria-label="Nästa träff" disabled={count === 0} onClick={() => onStep(1)}>
          <IconChevronDown size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
