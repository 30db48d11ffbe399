import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackagePreview } from '../../shared/contract';
import { App } from '../../renderer/src/App';
import { go } from '../../renderer/src/routes/router';
import { DIRECTOR, DIRECTOR_KEY, MEMBER, MEMBER_KEY, fakeMain, genesis, kommunAdded, memberAdded, memberKeyRegistered, session, stored, resetStores } from './fixtures';

// pdf.js needs a real browser (DOMMatrix); these tests never open a PDF.
vi.mock('../../renderer/src/components/pdf/PdfViewer', () => ({ PdfViewer: () => null }));

function install(m: ReturnType<typeof fakeMain>) {
  (window as unknown as { styrelsebordet: unknown }).styrelsebordet = m.bridge;
}

beforeEach(async () => {
  resetStores();
  notifications.clean();
});
afterEach(() => {
  delete (window as unknown as { styrelsebordet?: unknown }).styrelsebordet;
});

const PREVIEW: PackagePreview = {
  previewId: 'preview-0001',
  kind: 'changes',
  fileName: 'ostra-skane-2026-03-14-orjan-lind.sbpaket',
  forbund: { id: session().forbund!.id, name: 'Samordningsförbundet Östra Skåne' },
  sender: { personId: MEMBER.id, name: MEMBER.name, fingerprint: MEMBER_KEY, shortCode: 'AAAA-BBBB-CCCC-DDDD', known: false },
  createdAt: '2026-03-14T09:00:00.000Z',
  signatureValid: true,
  newEvents: [{ type: 'key.registered', label: 'Datorns nyckel registrerades', count: 1 }],
  newAttachments: 0,
  alreadyKnown: 4,
  refused: [{ label: 'Förbundsmedlem lades till', author: MEMBER.name, reason: 'Örjan Lind är inte förbundschef och får inte lägga till förbundsmedlemmar.' }],
  held: [],
  conflicts: [],
  recipients: [],
  roster: [],
};

describe('Paket: import', () => {
  it('previews a package (sender, unknown key, signature, what is new, what will be refused) and applies it', async () => {
    const m = fakeMain([genesis(1), kommunAdded(2), memberAdded(3)]);
    m.handlers['packages.preview'] = () => PREVIEW;
    m.handlers['packages.apply'] = () => {
      m.log.push(memberKeyRegistered(4));
      const after = session({ sync: { unsent: 0, unconfirmed: 0, lastImport: { at: '2026-03-14T10:00:00.000Z', from: MEMBER.name }, lastExport: null } });
      m.handlers['session.get'] = () => after;
      return { newEvents: 1, newAttachments: 0, session: after };
    };
    install(m);
    go('packages');
    render(<App />);

    const input = (await screen.findByRole('region', { name: 'Ta emot ett paket' })).querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([80, 75, 3, 4])], PREVIEW.fileName)] } });

    const preview = await screen.findByRole('region', { name: `Förhandsgranskning: ${PREVIEW.fileName}` });
    expect(within(preview).getByText('okänd nyckel')).toBeTruthy();
    expect(within(preview).getByText('Signaturen stämmer')).toBeTruthy();
    expect(within(preview).getByRole('cell', { name: 'Datorns nyckel registrerades' })).toBeTruthy();
    expect(within(preview).getByText(/inte förbundschef och får inte lägga till förbundsmedlemmar/)).toBeTruthy();
    const sent = m.calls.find((c) => c.method === 'packages.preview')?.input as { fileName: string; bytes: Uint8Array };
    expect(sent.fileName).toBe(PREVIEW.fileName);
    expect([...sent.bytes]).toEqual([80, 75, 3, 4]);

    fireEvent.click(within(preview).getByRole('button', { name: 'Importera' }));
    expect(await screen.findByText('Paketet importerades')).toBeTruthy();
    expect(screen.getByText('1 ny datornyckel att godkänna.')).toBeTruthy(); // what changed, not a count of events
    expect(m.calls.find((c) => c.method === 'packages.apply')?.input).toEqual({ previewId: 'preview-0001' });
    // The header follows the session: the last import and who it came from.
    expect(await screen.findByText('Senast importerat: 2026-03-14 från Örjan Lind')).toBeTruthy();
  });

  it('shows a refused package as the Swedish message in an alert', async () => {
    const m = fakeMain([genesis(1)]);
    m.handlers['packages.preview'] = () => {
      throw new Error('Paketet kunde inte importeras: signaturen stämmer inte. Be avsändaren skicka paketet igen.');
    };
    install(m);
    go('packages');
    render(<App />);
    const input = (await screen.findByRole('region', { name: 'Ta emot ett paket' })).querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([1])], 'trasigt.sbpaket')] } });
    const message = await screen.findByText(/signaturen stämmer inte/);
    expect(message.closest('[role=alert]')?.textContent).toContain('trasigt.sbpaket importerades inte');
  });
});

describe('Förbundet', () => {
  it('lets the förbundschef add a member organisation and shows what the board still lacks', async () => {
    const m = fakeMain([genesis(1)]);
    m.handlers['log.append'] = (input: never) => {
      const { type, payload, prev } = input as { type: string; payload: Record<string, unknown>; prev: string[] };
      const e = stored(m.log.length + 1, { author: DIRECTOR.id, key: DIRECTOR_KEY, lamport: m.log.length + 1, type, payload, prev });
      m.log.push(e);
      return e;
    };
    install(m);
    go('forbund');
    render(<App />);

    expect(await screen.findByText('Inga förbundsmedlemmar ännu')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Lägg till förbundsmedlem' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lägg till förbundsmedlem' });
    fireEvent.change(within(dialog).getByLabelText(/^Namn/), { target: { value: 'Försäkringskassan' } });
    fireEvent.change(within(dialog).getByLabelText(/^Typ/), { target: { value: 'socialInsuranceAgency' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lägg till' }));

    await waitFor(() => expect(screen.getAllByTestId('organisation-row')).toHaveLength(1));
    const sent = m.calls.find((c) => c.method === 'log.append')?.input as { type: string; payload: Record<string, unknown>; prev: string[] };
    expect(sent.type).toBe('organisation.added');
    expect(sent.payload).toMatchObject({ name: 'Försäkringskassan', kind: 'socialInsuranceAgency', orgNr: null, contributions: {} });
    expect(sent.prev).toEqual([]);
    const lacks = screen.getByRole('region', { name: /Styrelsen behöver kompletteras/ });
    expect(within(lacks).getByText('Arbetsförmedlingen saknas bland förbundsmedlemmarna.')).toBeTruthy();
  });

  it('is read-only, with the reason, for someone who is not förbundschef', async () => {
    const m = fakeMain([genesis(1), kommunAdded(2), memberAdded(3), memberKeyRegistered(4)]);
    m.handlers['session.get'] = () => session({ device: { fingerprint: MEMBER_KEY, shortCode: 'AAAA-BBBB-CCCC-DDDD', deviceName: 'Örjans laptop', personId: MEMBER.id } });
    install(m);
    go('forbund');
    render(<App />);

    await screen.findByRole('heading', { level: 1, name: 'Förbundet' });
    expect(await screen.findByText(/Bara förbundschefen kan ändra/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lägg till person' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Ändra / })).toBeNull();
    // History is open to everyone.
    fireEvent.click(await screen.findByRole('button', { name: `Historik för ${MEMBER.name}` }));
    const drawer = await screen.findByRole('dialog', { name: `Historik: ${MEMBER.name}` });
    expect(within(drawer).getByText('Person lades till')).toBeTruthy();
    expect(within(drawer).getByText(`2026-03-14 ${new Date(Date.UTC(2026, 2, 14, 9, 0, 3)).getHours().toString().padStart(2, '0')}.00 · ${DIRECTOR.name}`)).toBeTruthy();
  });
});
