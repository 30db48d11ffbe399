import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { readDateInput } from '../../../shared/domain/date-input';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange: (value: string) => void;
};

/**
 * A date the app's way, ÅÅÅÅ-MM-DD, as a plain text field: never the
 * browser's date control (which shows mm/dd/yyyy or other orders by locale).
 * Once the person leaves the field, or has typed a whole date, a wrong value
 * says why (wrong format, or a date that does not exist, like 2026-02-30).
 * Empty is fine here; a form that needs a date says so itself.
 */
export function DateField({ value, onChange, error, onBlur, ...rest }: Props) {
  const [left, setLeft] = useState(false);
  const r = readDateInput(value);
  const own = !r.ok && r.reason !== 'empty' && (left || value.trim().length >= 10) ? r.message : null;
  return (
    <TextInput
      placeholder="ÅÅÅÅ-MM-DD"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      {...rest}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        setLeft(true);
        onBlur?.(e);
      }}
      error={error ?? own}
    />
  );
}

/** The value as a date when it is one, else undefined (a filter ignores a half-typed date). */
export const dateOrUndefined = (value: string): string | undefined => {
  const r = readDateInput(value);
  return r.ok ? r.date : undefined;
};
