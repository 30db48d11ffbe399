import { Alert, Checkbox, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { FederationState } from '../../../../shared/domain/events';
import { callableGroups } from './meeting-draft';

/** Who is called: everyone with a board assignment on the date, by organisation; untick to leave someone out. */
export function CalledPicker({ state, date, leftOut, error, onChange }: { state: FederationState; date: string; leftOut: string[]; error?: string; onChange(next: string[]): void }) {
  const groups = /^\d{4}-\d{2}-\d{2}$/.test(date) ? callableGroups(state, date) : [];
  const out = new Set(leftOut);
  const count = groups.reduce((n, g) => n + g.persons.filter((p) => !out.has(p.personId)).length, 0);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="called-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="called-heading">Kallade</Title>
        <Text size="sm" c="dimmed">
          Ledamöter och ersättare med uppdrag på sammanträdesdagen kallas. Ersättarna står i inkallelseordning. Avmarkera den som inte ska kallas. {groups.length > 0 && `${count} kallas.`}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        {groups.length === 0 && !error && <Text size="sm">Ange ett giltigt datum så visas vilka som har uppdrag den dagen.</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {groups.map((g) => (
            <fieldset key={g.organisationId} className="plain-fieldset">
              <legend className="fieldset-legend">{g.name}</legend>
              <Stack gap={4}>
                {g.persons.map((p) => (
                  <Checkbox
                    key={p.personId}
                    label={`${p.name}, ${p.roleText.toLowerCase()}`}
                    checked={!out.has(p.personId)}
                    onChange={(e) => onChange(e.currentTarget.checked ? leftOut.filter((x) => x !== p.personId) : [...leftOut, p.personId])}
                  />
                ))}
              </Stack>
            </fieldset>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
