import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { suggestJav, tiesOf, type JavSuggestion as Suggestion } from '../../../../shared/domain/applications';
import { currentApplication, type FederationState } from '../../../../shared/domain/events';
import { organisationName } from './application-rows';
import { today } from '../../lib/roster';

/** Where the member's declared ties reach a unit, project or styrgrupp the ansökan names, or the ansökan names the member, on this day. */
export function javSuggestionsFor(state: FederationState, applicationId: string, me: string): Suggestion[] {
  const app = currentApplication(state, applicationId);
  if (!app) return [];
  const name = state.persons[me]?.name;
  return suggestJav(tiesOf(state, me), app, (id) => organisationName(state, id), today(), name ? { name } : undefined);
}

/**
 * A calm notice, never a verdict: the member judges jäv themselves
 * (DOMAIN.md, Jäv). The button opens the jäv dialog with the suggested
 * ground and a starting text, both editable.
 */
export function JavSuggestionNotice({ suggestions, onDeclare }: { suggestions: Suggestion[]; onDeclare(s: Suggestion): void }) {
  if (suggestions.length === 0) return null;
  return (
    <Alert color="gray" variant="light" icon={<IconInfoCircle size={20} aria-hidden />} title="Dina kopplingar" data-testid="jav-suggestion">
      <Stack gap="xs">
        {suggestions.map((s, i) => (
          <Text size="sm" key={i}>{s.message}</Text>
        ))}
        <Text size="xs" c="dimmed">Du bedömer själv om du är jävig. Kopplingarna anger du under Översikt → Min profil.</Text>
        <div>
          <Button variant="default" size="xs" onClick={() => onDeclare(suggestions[0]!)}>Överväg jäv: öppna anmälan</Button>
        </div>
      </Stack>
    </Alert>
  );
}

/** The text the jäv dialog starts from: the tie in the member's own words. */
export function javTextFrom(s: Suggestion): string {
  return s.message.replace(/^Du har angett att du /, 'Jag ').replace(/ Överväg att anmäla jäv\.$/, '');
}
