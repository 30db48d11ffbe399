import { Alert, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { rosterOf, type FederationState } from '../../../../shared/domain/events';
import { checkBoard } from '../../../../shared/domain/forbund/board-rules';
import { IsoDate } from '../../../../shared/domain/forbund/model';
import { boardDate, today } from '../../lib/roster';
import { dateInputError } from '../../../../shared/domain/date-input';

/**
 * What the law asks of the board (FINSAM) on a date: errors first, then what
 * to check. The date is today, or the start of the next term while the board
 * is being set up for it; the reader can pick another.
 */
export function BoardFindings({ state }: { state: FederationState }) {
  const suggested = boardDate(state);
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? suggested;
  const valid = IsoDate.safeParse(text.trim()).success;
  const date = valid ? text.trim() : suggested;
  const findings = useMemo(() => checkBoard(rosterOf(state), date), [state, date]);
  const errors = findings.filter((f) => f.level === 'error');
  const warnings = findings.filter((f) => f.level === 'warning');
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Kontrollera styrelsen per"
          description={date === today() ? 'Dagens datum' : date === suggested ? 'Början av nästa mandatperiod' : undefined}
          value={text}
          onChange={(e) => setTyped(e.currentTarget.value)}
          error={valid ? undefined : dateInputError(text, 'datumet')}
          w={220}
        />
      </Group>
      {findings.length === 0 && (
        <Text size="sm">
          <IconCircleCheck size={16} color="var(--mantine-color-green-8)" aria-hidden style={{ verticalAlign: 'text-bottom' }} /> Styrelsen uppfyller
          kraven {date}: varje förbundsmedlem har minst en ledamot och lika många ersättare.
        </Text>
      )}
      {errors.length > 0 && (
        <Alert color="red" title={`Styrelsen behöver kompletteras (${date})`} icon={<IconAlertCircle size={20} aria-hidden />} role="region">
          <List size="sm" spacing={4}>
            {errors.map((f, i) => (
              <List.Item key={`${f.code}-${i}`}>{f.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert color="yellow" title="Att kontrollera" icon={<IconInfoCircle size={20} aria-hidden />} role="region">
          <List size="sm" spacing={4}>
            {warnings.map((f, i) => (
              <List.Item key={`${f.code}-${i}`}>{f.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
