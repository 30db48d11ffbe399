import { Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatFileSize } from '../../../../shared/domain/format';
import { api } from '../../api/client';

const POLL_MS = 400;

/**
 * Long work in progress: what is happening and how far it has come. The main
 * side reports bytes done of the package being written, read or stored; until
 * it knows a total, the bar runs without a value.
 */
export function Working({ text }: { text: string }) {
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number } | null>(null);
  useEffect(() => {
    let live = true;
    const poll = async () => {
      while (live) {
        try {
          const { progress: p } = await api['packages.progress']({});
          if (live) setProgress(p && p.total > 0 ? { phase: p.phase, done: p.done, total: p.total } : null);
        } catch {
          // A progress bar is a courtesy; the work itself reports its own result.
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    };
    void poll();
    return () => {
      live = false;
    };
  }, []);

  const percent = progress ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm">
          {/* While a package's documents are checked, the count is of files, not bytes. */}
          {progress?.phase === 'check'
            ? `Kontrollerar handlingarna: ${progress.done} av ${progress.total} (${percent} %)`
            : `${text}${progress ? ` ${formatFileSize(progress.done)} av ${formatFileSize(progress.total)} (${percent} %)` : ''}`}
        </Text>
      </Group>
      {percent === null ? (
        <Progress value={100} animated striped aria-hidden maw={360} />
      ) : (
        <Progress value={percent} maw={360} aria-label="Förlopp" />
      )}
    </Stack>
  );
}
