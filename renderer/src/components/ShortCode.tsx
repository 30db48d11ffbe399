import { Text, type TextProps } from '@mantine/core';

/** A key's short code (`3F2A-9C01-77B4-E0D2`), set so it can be read aloud: monospace and spaced. */
export function ShortCode({ code, ...props }: { code: string } & TextProps) {
  return (
    <Text span className="short-code" data-testid="short-code" {...props}>
      {code}
    </Text>
  );
}
