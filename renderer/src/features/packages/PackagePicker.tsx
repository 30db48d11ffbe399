import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileImport } from '@tabler/icons-react';
import { userMessage } from '../../api/client';
import { choosePackage, isDesktop, type PickedPackage } from '../../api/package-files';
import { notifyError } from '../../lib/notify';

/**
 * Choosing a package file: a button (keyboard and screen reader) and a drop
 * area for drag-and-drop. Only one file at a time: a preview is of one package.
 * In the desktop app the button opens the main side's own dialog (the
 * renderer never holds the file, issue #16); the menu and a double-click
 * open packages there too.
 */
export function PackagePicker({
  buttonLabel,
  dropText,
  busy,
  onFile,
  primary = true,
}: {
  buttonLabel: string;
  dropText: string;
  busy: boolean;
  onFile(file: PickedPackage): void;
  primary?: boolean;
}) {
  if (isDesktop()) {
    const choose = () =>
      void choosePackage().then(
        (file) => file && onFile(file),
        (err: unknown) => notifyError('Paketet kunde inte öppnas', userMessage(err)),
      );
    return (
      <Group>
        <Button onClick={choose} variant={primary ? 'filled' : 'default'} loading={busy} leftSection={<IconFileImport size={18} aria-hidden />}>
          {buttonLabel}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="sm">
      <Group>
        <FileButton onChange={(file) => file && onFile(file)} accept=".sbpaket,application/zip,application/octet-stream">
          {(props) => (
            <Button {...props} variant={primary ? 'filled' : 'default'} loading={busy} leftSection={<IconFileImport size={18} aria-hidden />}>
              {buttonLabel}
            </Button>
          )}
        </FileButton>
      </Group>
      {/* Not in the tab order: the button above does the same for keyboard users. */}
      <Dropzone
        onDrop={(files) => files[0] && onFile(files[0])}
        loading={busy}
        multiple={false}
        activateOnClick={false}
        tabIndex={-1}
        inputProps={{ 'aria-label': 'Paketfil att importera', tabIndex: -1 }}
        aria-label="Släpp paketfilen här"
        data-testid="drop-package"
      >
        <Text ta="center" size="sm" c="dimmed" py="xs">
          {dropText}
        </Text>
      </Dropzone>
    </Stack>
  );
}
