import { Alert, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { decisionIssues, describeLimit, describeRef, keepsRegisters, orderInForce } from '../../../../shared/domain/delegations';
import type { FederationState } from '../../../../shared/domain/events';
import { IsoDate } from '../../../../shared/domain/forbund/model';
import { formatAmount } from '../../../../shared/domain/format';
import { userMessage } from '../../api/client';
import { ShortCode } from '../../components/ShortCode';
import { notifySuccess } from '../../lib/notify';
import { newId, today } from '../../lib/roster';
import { appendEvent } from '../../state/actions';
import { useSession } from '../../state/session-store';
import { parseNumber } from './drafts';
import { dateInputError } from '../../../../shared/domain/date-input';

/**
 * Registrera delegationsbeslut: the point it rests on (in the order in force
 * on the decision date), who decided, when, dnr, text and amount. The same
 * rules the main side applies are checked here first, so a refusal shows its
 * reason and nothing is stored.
 */
export function DecisionForm({ state, me, onClose }: { state: FederationState; me: string; onClose(): void }) {
  const session = useSession();
  const registrar = keepsRegisters(state, me);
  const [date, setDate] = useState(today());
  const [pointNumber, setPointNumber] = useState('');
  const [decidedBy, setDecidedBy] = useState(registrar ? '' : me);
  const [dnr, setDnr] = useState('');
  const [text, setText] = useState('');
  const [amount, setAmount] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [refusal, setRefusal] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [id] = useState(newId);

  const dateOk = IsoDate.safeParse(date).success;
  const order = dateOk ? orderInForce(state, date) : null;
  const point = order?.points.find((p) => String(p.number) === pointNumber) ?? null;
  const year = date.slice(0, 4);
  const amountKr = amount.trim() === '' ? null : parseNumber(amount);
  const persons = Object.values(state.persons)
    .filter((p) => p.staffRole !== null || p.assignments.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  const errors = {
    date: !dateOk ? dateInputError(date, 'beslutsdatumet', '2026-03-02') : !order ? `Ingen delegationsordning gällde ${date}. Kontrollera datumet.` : null,
    point: !point ? 'Välj den punkt i delegationsordningen som beslutet grundar sig på.' : null,
    decidedBy: decidedBy === '' ? 'Välj vem som fattade beslutet.' : null,
    dnr: dnr.trim() === '' ? 'Ange diarienumret.' : null,
    text: text.trim() === '' ? 'Skriv beslutet kort.' : null,
    amount: amount.trim() !== '' && (amountKr === null || !Number.isInteger(amountKr)) ? 'Ange beloppet i hela kronor, till exempel 45 000.' : null,
  };
  const show = (e: string | null) => (submitted ? e ?? undefined : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setRefusal([]);
    if (Object.values(errors).some((x) => x !== null) || !order || !point) return;
    const payload = { id, orderId: order.id, pointNumber: point.number, decidedBy, date, dnr: dnr.trim(), text: text.trim(), amountKr };
    const reasons = decisionIssues(state, payload);
    if (reasons.length > 0) return setRefusal(reasons);
    setBusy(true);
    try {
      await appendEvent('delegation.decision.recorded', payload, []);
      notifySuccess('Delegationsbeslutet är registrerat', point.mustReport ? 'Det anmäls till styrelsen vid nästa sammanträde.' : `Beslut enligt punkt ${point.number} anmäls inte till styrelsen.`);
      onClose();
    } catch (err) {
      setRefusal([userMessage(err)]);
      setBusy(false);
    }
  };

  const limitText = point ? (point.limit ? `Beloppsgräns: ${describeLimit(point.limit, order!.baseAmounts, year)}.` : 'Punkten har ingen beloppsgräns.') : 'Välj först en punkt.';

  return (
    <Modal opened onClose={onClose} title="Registrera delegationsbeslut" size="lg" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="Beslutsdatum" required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={show(errors.date)} placeholder="ÅÅÅÅ-MM-DD" data-autofocus />
            <TextInput label="Diarienummer" required value={dnr} onChange={(e) => setDnr(e.currentTarget.value)} error={show(errors.dnr)} maxLength={50} placeholder="2026:14" />
          </SimpleGrid>
          <NativeSelect
            label="Punkt i delegationsordningen"
            required
            data={[{ value: '', label: order ? 'Välj punkt' : 'Ingen delegationsordning gäller det datumet' }, ...(order?.points ?? []).map((p) => ({ value: String(p.number), label: `${p.number}. ${p.matter}` }))]}
            value={pointNumber}
            onChange={(e) => setPointNumber(e.currentTarget.value)}
            error={show(errors.point)}
            description={point ? `Delegat: ${describeRef(state, point.delegate)}${point.standIn ? `; ersättare: ${describeRef(state, point.standIn)}` : ''}. ${point.mustReport ? 'Anmäls till styrelsen.' : 'Anmäls inte.'}` : undefined}
          />
          {registrar ? (
            <NativeSelect
              label="Beslutsfattare"
              required
              data={[{ value: '', label: 'Välj person' }, ...persons.map((p) => ({ value: p.id, label: p.name }))]}
              value={decidedBy}
              onChange={(e) => setDecidedBy(e.currentTarget.value)}
              error={show(errors.decidedBy)}
            />
          ) : (
            <Text size="sm">Beslutsfattare: {state.persons[me]?.name ?? 'du'} (du registrerar ditt eget beslut).</Text>
          )}
          <Textarea label="Beslut" required autosize minRows={2} maxLength={5000} value={text} onChange={(e) => setText(e.currentTarget.value)} error={show(errors.text)} />
          <TextInput
            label="Belopp (kr)"
            required={point?.limit != null}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={show(errors.amount)}
            description={amountKr !== null && Number.isInteger(amountKr) ? `${formatAmount(amountKr)}. ${limitText}` : limitText}
            inputMode="numeric"
            data-testid="decision-amount"
          />
          {refusal.length > 0 && (
            <Alert color="red" title="Beslutet kan inte registreras" role="alert" data-testid="decision-refusal">
              {refusal.map((r) => <Text key={r} size="sm">{r}</Text>)}
              <Text size="sm" mt="xs">Inget har sparats.</Text>
            </Alert>
          )}
          {session?.device && (
            <Text size="sm">
              Beslutet signeras med den här datorns nyckel <ShortCode code={session.device.shortCode} /> och kan inte ändras efteråt.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Avbryt</Button>
            <Button type="submit" loading={busy}>Signera och registrera</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
