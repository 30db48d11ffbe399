import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';

/** The primary action of the Ansökningar list for the förbundschef. */
export function RegisterButton({ onClick }: { onClick(): void }) {
  return (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onClick}>
      Registrera ansökan
    </Button>
  );
}
