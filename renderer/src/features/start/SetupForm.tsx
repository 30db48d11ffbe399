import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, userMessage } from '../../api/client';
import { notifySuccess } from '../../lib/notify';
import { emailError, orgNrCheck, requiredText } from '../../lib/validate';
import { adoptSession } from '../../state/actions';
import { genitive } from '../../lib/words';

/** Set-up of a new förbund by its förbundschef: the förbund and the person at this computer. */
export function SetupForm({ onCancel }: { onCancel(): void }) {
  const [name, setName] = useState('');
  const [orgNr, setOrgNr] = useState('');
  const [director, setDirector] = useState('');
  const [email, setEmail] = useState('');
  const [device, setDevice] = useState('');
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const org = orgNrCheck(orgNr);
  const errors = {
    name: requiredText(name, 'förbundets namn'),
    orgNr: org.error,
    director: requiredText(director, 'ditt namn'),
    email: emailError(email),
  };
  const show = (field: keyof typeof errors) => (submitted || touched[field] ? errors[field] : null);
  const blur = (field: string) => () => setTouched((t) => ({ ...t, [field]: true }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.values(errors).some(Boolean) || !org.value) return;
    setBusy(true);
    setFailure(null);
    try {
      const session = await api['forbund.create']({ name: name.trim(), orgNr: org.value, director: { name: director.trim(), email: email.trim() }, ...(device.trim() ? { deviceName: device.trim().slice(0, 100) } : {}) });
      await adoptSession(session);
      notifySuccess('Förbundet är skapat', `${name.trim()} finns nu på den här datorn. Lägg till förbundsmedlemmar och styrelse under Förbundet.`);
    } catch (err) {
      setFailure(userMessage(err));
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="xl" radius="md" maw={640} component="section" aria-labelledby="setup-heading">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="setup-heading" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
            Sätt upp ett nytt förbund
          </Title>
          <Text c="dimmed">Du blir förbundets förbundschef. Den här datorn får en egen nyckel som signerar allt du ändrar.</Text>
          <TextInput label="Förbundets namn" required value={name} onChange={(e) => setName(e.currentTarget.value)} onBlur={blur('name')} error={show('name')} autoComplete="organization" />
          <TextInput
            label="Organisationsnummer"
            description="10 siffror, till exempel 222000-1234"
            required
            value={orgNr}
            onChange={(e) => setOrgNr(e.currentTarget.value)}
            onBlur={blur('orgNr')}
            error={show('orgNr')}
            inputMode="numeric"
          />
          {org.warning && (touched.orgNr || submitted) && <Alert color="yellow" title="Kontrollera numret">{org.warning}</Alert>}
          <TextInput label="Ditt namn" required value={director} onChange={(e) => setDirector(e.currentTarget.value)} onBlur={blur('director')} error={show('director')} autoComplete="name" />
          <TextInput label="Din e-post" required type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} onBlur={blur('email')} error={show('email')} autoComplete="email" />
          <TextInput
            label="Den här datorns namn"
            description="Visas bredvid datorns nyckel, till exempel när en ledamot jämför koden. Lämnar du fältet tomt heter den efter dig."
            placeholder={director.trim() ? `${genitive(director.trim())} dator` : 'Till exempel Kansliets bärbara'}
            value={device}
            onChange={(e) => setDevice(e.currentTarget.value)}
            maxLength={100}
            autoComplete="off"
          />
          {failure && (
            <Alert color="red" title="Förbundet kunde inte skapas" role="alert">
              {failure}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy}>Skapa förbundet</Button>
            <Button variant="default" onClick={onCancel} disabled={busy}>Tillbaka</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
