import { Alert, Button, Group, List, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import {
  NON_DELEGABLE_LABEL,
  NON_DELEGABLE_LAW,
  NON_DELEGABLE_REASON,
  NonDelegableKind,
  SODERASEN_POINTS,
  orderInForce,
  orderIssues,
  pointIssues,
  type DelegationOrder,
} from '../../../../shared/domain/delegations';
import type { FederationState } from '../../../../shared/domain/events';
import { userMessage } from '../../api/client';
import { ShortCode } from '../../components/ShortCode';
import { notifySuccess } from '../../lib/notify';
import { newId, today } from '../../lib/roster';
import { appendEvent } from '../../state/actions';
import { useSession } from '../../state/session-store';
import { emptyPointDraft, initialOrderDraft, orderDraftErrors, orderFromDraft, parseNumber, pointFromDraft, type OrderDraft, type PointDraft } from './drafts';
import { PointFields } from './PointFields';

/**
 * Registrera delegationsordning: the board's decision as adopted, point by
 * point. Starts from the order in force, or from Söderåsen's rows when there
 * is none. Saving is signing, so the last step says what is signed with which key.
 */
export function OrderForm({ state, onClose }: { state: FederationState; onClose(): void }) {
  const session = useSession();
  const current = orderInForce(state, today());
  const [draft, setDraft] = useState<OrderDraft>(() => initialOrderDraft(current?.points ?? SODERASEN_POINTS, today()));
  const [nextKey, setNextKey] = useState(draft.points.length);
  const [submitted, setSubmitted] = useState(false);
  const [confirm, setConfirm] = useState<DelegationOrder | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [id] = useState(newId);

  const fieldErrors = submitted ? orderDraftErrors(draft) : {};
  const validFromOk = /^\d{4}-\d{2}-\d{2}$/.test(draft.validFrom);
  const replaced = validFromOk ? orderInForce(state, draft.validFrom) ?? current : current;
  const year = validFromOk ? draft.validFrom.slice(0, 4) : today().slice(0, 4);
  const price = parseNumber(draft.priceBaseAmount);
  const base = parseNumber(draft.baseAmount);
  const baseAmounts = useMemo(
    () => ({ ...(replaced?.baseAmounts ?? {}), ...(price && base ? { [year]: { priceBaseAmount: price, baseAmount: base } } : {}) }),
    [replaced, price, base, year],
  );
  const order = orderFromDraft(draft, id, replaced?.id ?? null);
  const withBase = order ? { ...order, baseAmounts } : null;
  const whole = withBase ? orderIssues(state, withBase) : null;
  const orderLevel = whole ? whole.errors.filter((m) => !m.startsWith('Punkt ') || m.includes('finns två gånger')) : [];

  const setPoint = (p: PointDraft) => setDraft((d) => ({ ...d, points: d.points.map((x) => (x.key === p.key ? p : x)) }));
  const addPoint = () => {
    const max = Math.max(0, ...draft.points.map((p) => parseNumber(p.number) ?? 0));
    setDraft((d) => ({ ...d, points: [...d.points, emptyPointDraft(`n${nextKey}`, max + 1)] }));
    setNextKey((k) => k + 1);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (!withBase || !whole || whole.errors.length > 0) return;
    setConfirm(withBase);
  };

  const sign = async () => {
    if (!confirm) return;
    setBusy(true);
    try {
      await appendEvent('delegation.order.adopted', confirm, []);
      notifySuccess('Delegationsordningen är registrerad', `${confirm.points.length} punkter, gäller från ${confirm.validFrom}. Den skickas till styrelsen med nästa paket.`);
      onClose();
    } catch (err) {
      setFailure(userMessage(err));
      setConfirm(null);
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Registrera delegationsordning" size="min(1200px, 95vw)" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      {confirm ? (
        <Stack gap="md">
          <Text>
            Du signerar delegationsordningen som styrelsen antog {confirm.adoptedOn} ({confirm.adoptedBy}): {confirm.points.length} punkter, gäller från{' '}
            {confirm.validFrom} {confirm.validTo ? `till ${confirm.validTo}` : 'tills vidare'}.
            {replaced ? ` Den ersätter delegationsordningen antagen ${replaced.adoptedOn} (${replaced.adoptedBy}) från ${confirm.validFrom}.` : ''}
          </Text>
          {session?.device && (
            <Text size="sm">
              Den signeras med den här datorns nyckel <ShortCode code={session.device.shortCode} /> och kan inte ändras efteråt; en ändring är en ny delegationsordning.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>Tillbaka</Button>
            <Button onClick={() => void sign()} loading={busy}>Signera och spara</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">
              {current
                ? 'Förifylld med punkterna i den delegationsordning som gäller nu. Ändra dem så att de stämmer med styrelsens nya beslut.'
                : 'Förifylld med exemplet från Söderåsens samordningsförbund (antaget 2015-01-27). Ändra punkterna så att de stämmer med styrelsens beslut.'}
            </Text>
            <Alert color="gray" title="Får inte delegeras" component="section" aria-label="Får inte delegeras">
              <Text size="sm" mb="xs">Enligt {NON_DELEGABLE_LAW} beslutar styrelsen själv om:</Text>
              <List size="sm" spacing={2}>
                {NonDelegableKind.options.map((k) => (
                  <List.Item key={k}><strong>{NON_DELEGABLE_LABEL[k]}.</strong> {NON_DELEGABLE_REASON[k]}</List.Item>
                ))}
              </List>
            </Alert>
            <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
              <TextInput label="Antagen (datum)" required value={draft.adoptedOn} onChange={(e) => setDraft({ ...draft, adoptedOn: e.currentTarget.value })} error={fieldErrors.adoptedOn} placeholder="ÅÅÅÅ-MM-DD" data-autofocus />
              <TextInput label="Beslut (§)" required value={draft.adoptedBy} onChange={(e) => setDraft({ ...draft, adoptedBy: e.currentTarget.value })} error={fieldErrors.adoptedBy} placeholder="§ 12/2026" />
              <TextInput label="Gäller från" required value={draft.validFrom} onChange={(e) => setDraft({ ...draft, validFrom: e.currentTarget.value })} error={fieldErrors.validFrom} placeholder="ÅÅÅÅ-MM-DD" />
              <TextInput label="Gäller till" value={draft.validTo} onChange={(e) => setDraft({ ...draft, validTo: e.currentTarget.value })} error={fieldErrors.validTo} description="Tomt = tills vidare" placeholder="ÅÅÅÅ-MM-DD" />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={`Prisbasbelopp ${year} (kr)`}
                value={draft.priceBaseAmount}
                onChange={(e) => setDraft({ ...draft, priceBaseAmount: e.currentTarget.value })}
                error={fieldErrors.priceBaseAmount}
                description="Kontrollera årets värde hos SCB innan du sparar."
                inputMode="numeric"
              />
              <TextInput
                label={`Basbelopp ${year} (kr)`}
                value={draft.baseAmount}
                onChange={(e) => setDraft({ ...draft, baseAmount: e.currentTarget.value })}
                error={fieldErrors.baseAmount}
                description="I äldre delegationsordningar betyder basbelopp oftast prisbasbeloppet."
                inputMode="numeric"
              />
            </SimpleGrid>
            {replaced && <Text size="sm">Ersätter delegationsordningen antagen {replaced.adoptedOn} ({replaced.adoptedBy}) från det datum den nya börjar gälla.</Text>}
            {draft.points.map((p) => {
              const parsed = pointFromDraft(p);
              const issues = parsed ? pointIssues(state, parsed) : { errors: [], warnings: [] };
              return (
                <PointFields
                  key={p.key}
                  state={state}
                  draft={p}
                  showErrors={submitted}
                  issues={issues}
                  baseAmounts={baseAmounts}
                  year={year}
                  onChange={setPoint}
                  onRemove={() => setDraft((d) => ({ ...d, points: d.points.filter((x) => x.key !== p.key) }))}
                />
              );
            })}
            <Group>
              <Button variant="default" onClick={addPoint}>Lägg till punkt</Button>
            </Group>
            {submitted && fieldErrors.points && <Text c="red.8" size="sm" role="alert">{fieldErrors.points}</Text>}
            {submitted && (orderLevel.length > 0 || (whole?.errors.length ?? 0) > 0 || !withBase) && (
              <Alert color="red" title="Delegationsordningen kan inte sparas än" role="alert">
                {orderLevel.length > 0 ? orderLevel.map((m) => <Text key={m} size="sm">{m}</Text>) : <Text size="sm">Rätta det som är markerat ovan.</Text>}
              </Alert>
            )}
            {failure && <Alert color="red" title="Delegationsordningen sparades inte">{failure}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>Avbryt</Button>
              <Button type="submit">Granska och signera</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
