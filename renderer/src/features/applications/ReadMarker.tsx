import { Button, Group, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { formatDate } from '../../../../shared/domain/format';
import { userMessage } from '../../api/client';
import { markRead, markUnread, useReadMarks } from './review-store';
import { notifyError } from '../../lib/notify';

/** "Markera som läst" / "Läst 2026-03-12", per ansökan and version (kept on this laptop only). */
export function ReadMarker({ applicationId, version }: { applicationId: string; version: number }) {
  const marks = useReadMarks(applicationId);
  const mark = marks?.find((m) => m.version === version);
  // After a click the pressed button gives way to the other state: focus follows to the result, never the page body.
  const toggled = useRef(false);
  const status = useRef<HTMLParagraphElement>(null);
  const markButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!toggled.current) return;
    toggled.current = false;
    (mark ? status.current : markButton.current)?.focus();
  }, [mark]);
  if (marks === undefined) return null;
  const readBefore = marks.some((m) => m.version < version);
  const fail = (err: unknown) => notifyError('Läsmarkeringen kunde inte sparas', userMessage(err));
  return mark ? (
    <Group gap="sm" data-testid="read-marker">
      <IconCircleCheck size={20} color="var(--mantine-color-green-8)" aria-hidden />
      <Text size="sm" fw={600} ref={status} tabIndex={-1} data-testid="read-status">Läst {formatDate(mark.readAt)}</Text>
      {version > 1 && <Text size="sm" c="dimmed">(version {version})</Text>}
      <Button variant="subtle" size="compact-sm" onClick={() => {
          toggled.current = true;
          void markUnread(applicationId, version).catch(fail);
        }}>Markera som oläst</Button>
    </Group>
  ) : (
    <Group gap="sm" data-testid="read-marker">
      <Button
        variant="default"
        ref={markButton}
        onClick={() => {
          toggled.current = true;
          void markRead(applicationId, version).catch(fail);
        }}
      >Markera som läst</Button>
      <Text size="sm" c="dimmed">{readBefore ? `Version ${version} har kommit sedan du läste ansökan.` : 'Bara för dig: syns inte för någon annan.'}</Text>
    </Group>
  );
}
