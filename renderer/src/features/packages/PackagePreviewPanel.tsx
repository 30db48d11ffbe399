import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useRef, type ReactNode } from 'react';
import type { PackagePreview } from '../../../../shared/contract';
import { formatDateTime } from '../../../../shared/domain/format';
import { ShortCode } from '../../components/ShortCode';
import { useFederation } from '../../state/federation';
import { Working } from './Working';

/**
 * What an import would do, before it does it: from whom (and whether that key
 * is known), that the signature holds, what is new, what conflicts, what would
 * be refused or held. A panel, not a modal: focus moves to its heading.
 */
export function PackagePreviewPanel(props: { preview: PackagePreview; director: boolean; applying: boolean; onApply(): void; onCancel(): void }) {
  const { preview: p, applying } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [p.previewId]);
  const total = p.newEvents.reduce((n, e) => n + e.count, 0);
  const { me } = useFederation();
  const forSomeoneElse = p.kind === 'changes' && me !== null && p.recipients.length > 0 && !p.recipients.some((r) => r.personId === me);
  return (
    <Paper withBorder p="md" bg="var(--mantine-color-default-hover)" component="section" aria-labelledby="preview-heading">
      <Stack gap="md">
        <Title order={3} size="h4" id="preview-heading" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          Förhandsgranskning: {p.fileName}
        </Title>
        <dl className="facts">
          <Fact term="Från">
            <Group gap="xs">
              <Text span fw={600}>{p.sender.name}</Text>
              <ShortCode code={p.sender.shortCode} />
              <Badge variant="dot" color={p.sender.known ? 'green' : 'yellow'} tt="none">{p.sender.known ? 'känd nyckel' : 'okänd nyckel'}</Badge>
            </Group>
          </Fact>
          <Fact term="Till">{p.recipients.length === 0 ? 'Hela styrelsen' : p.recipients.map((r) => r.name).join(', ')}</Fact>
          <Fact term="Förbund">{p.forbund.name}</Fact>
          <Fact term="Skapat">{formatDateTime(p.createdAt)}</Fact>
          <Fact term="Signatur">
            <Group gap={4}>
              <IconShieldCheck size={18} color="var(--mantine-color-green-8)" aria-hidden />
              <Text span>Signaturen stämmer</Text>
            </Group>
          </Fact>
        </dl>
        {!p.sender.known && (
          <Alert color="yellow" title="Okänd nyckel" role="region">
            Avsändarens nyckel är inte godkänd på den här datorn. Ring {p.sender.name} och jämför koden <ShortCode code={p.sender.shortCode} />. Ändringar
            från nyckeln hålls tillbaka tills {props.director ? 'du har godkänt den under Översikt' : 'förbundschefen har godkänt den'}.
          </Alert>
        )}
        {forSomeoneElse && (
          <Alert color="yellow" title="Paketet är inte till dig" role="region" data-testid="not-for-me">
            Paketet skickades till {p.recipients.map((r) => r.name).join(', ')}. Det är ett okrypterat paket från en äldre version av Styrelsebordet och kan
            därför läsas här. Kontrollera att du valde rätt fil. Krypterade paket till någon annan kan inte öppnas på den här datorn.
          </Alert>
        )}
        {p.kind === 'invitation' && (
          <Alert color="yellow" title="Det här är en inbjudan" role="region">
            Inbjudningar används när en ny dator går med i förbundet. Den här datorn hör redan till ett förbund.
          </Alert>
        )}
        <section aria-labelledby="preview-new-heading">
          <Title order={4} size="h5" id="preview-new-heading" mb={4}>
            Nytt i paketet
          </Title>
          {total === 0 ? (
            <Text size="sm">Inga nya händelser.</Text>
          ) : (
            <Table aria-labelledby="preview-new-heading" maw={520} verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Händelse</Table.Th>
                  <Table.Th scope="col" ta="right">Antal</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.newEvents.map((e) => (
                  <Table.Tr key={e.type}>
                    <Table.Td>{e.label}</Table.Td>
                    <Table.Td ta="right">{e.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Text size="sm" mt="xs">
            Nya bilagor: {p.newAttachments}. Redan kända händelser: {p.alreadyKnown}.
          </Text>
        </section>
        {p.conflicts.length > 0 && (
          <Listing title="Samtidiga ändringar" color="orange" items={p.conflicts} />
        )}
        {p.refused.length > 0 && (
          <Listing title="Kommer att avvisas" color="red" items={p.refused.map((r) => `${r.label} från ${r.author}: ${r.reason}`)} />
        )}
        {p.held.length > 0 && (
          <Listing
            title="Hålls tillbaka tills nyckeln godkänts"
            color="yellow"
            items={p.held.map((h) => (
              <>
                {h.label} från {h.author}, nyckel <ShortCode code={h.shortCode} />
              </>
            ))}
          />
        )}
        {applying ? (
          <Working text="Paketet importeras …" />
        ) : (
          <Group>
            <Button onClick={props.onApply}>Importera</Button>
            <Button variant="default" onClick={props.onCancel}>Avbryt</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Listing({ title, color, items }: { title: string; color: string; items: ReactNode[] }) {
  return (
    <Alert color={color} title={`${title} (${items.length})`} role="region">
      <List size="sm" spacing={4}>
        {items.map((item, i) => (
          <List.Item key={i}>{item}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
