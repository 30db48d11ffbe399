import { Alert, Button, Group, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { DEFAULT_BASE_AMOUNTS, type DelegationOrderState } from '../../../../shared/domain/delegations';
import { groupDigits } from '../../../../shared/domain/format';
import { userMessage } from '../../api/client';
import { notifySuccess } from '../../lib/notify';
import { appendEvent } from '../../state/actions';
import { parseNumber } from './drafts';

/**
 * A year's prisbasbelopp/basbelopp missing from the order in force: without
 * it, limits in (pris)basbelopp cannot be converted and decisions are
 * refused. The values are public (SCB), so entering them is not a new order.
 */
export function BaseAmountForm({ order, year }: { order: DelegationOrderState; year: string }) {
  const known = DEFAULT_BASE_AMOUNTS[year];
  const [price, setPrice] = useState(known ? groupDigits(known.priceBaseAmount) : '');
  const [base, setBase] = useState(known ? groupDigits(known.baseAmount) : '');
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const p = parseNumber(price);
  const b = parseNumber(base);
  const bad = (n: number | null) => (n === null || !Number.isInteger(n) || n <= 0 ? 'Ange beloppet i hela kronor, till exempel 59 200.' : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (bad(p) || bad(b)) return;
    setBusy(true);
    setFailure(null);
    try {
      await appendEvent('delegation.baseamounts.set', { orderId: order.id, year, priceBaseAmount: p!, baseAmount: b! }, [...order.heads]);
      notifySuccess(`Prisbasbeloppet för ${year} är infört`, 'Beloppsgränserna räknas nu om till kronor för året.');
    } catch (err) {
      setFailure(userMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert color="yellow" title={`Prisbasbelopp för ${year} saknas`} component="section" aria-label={`Prisbasbelopp för ${year} saknas`}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Text size="sm" mb="sm">
          Beloppsgränser i prisbasbelopp eller basbelopp kan inte räknas om till kronor för {year}, så sådana delegationsbeslut avvisas. Ange årets värden enligt SCB.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={`Prisbasbelopp ${year} (kr)`} value={price} onChange={(e) => setPrice(e.currentTarget.value)} error={submitted ? bad(p) : undefined} inputMode="numeric" />
          <TextInput label={`Basbelopp ${year} (kr)`} value={base} onChange={(e) => setBase(e.currentTarget.value)} error={submitted ? bad(b) : undefined} inputMode="numeric" />
        </SimpleGrid>
        {failure && <Text c="red.8" size="sm" mt="xs" role="alert">{failure}</Text>}
        <Group mt="sm">
          <Button type="submit" variant="default" loading={busy}>Spara värdena för {year}</Button>
        </Group>
      </form>
    </Alert>
  );
}
