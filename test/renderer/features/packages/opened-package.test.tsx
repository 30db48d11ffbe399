import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PackagePreview } from '../../../../shared/contract';
import { App } from '../../../../renderer/src/App';
import { currentRoute, go } from '../../../../renderer/src/routes/router';
import { useIncoming } from '../../../../renderer/src/state/incoming-files';
import { FORBUND, MEMBER, MEMBER_KEY, fakeMain, genesis, resetStores } from '../../fixtures';

vi.mock('../../../../renderer/src/components/pdf/PdfViewer', () => ({ PdfViewer: () => null }));

afterEach(() => {
  delete (window as unknown as { styrelsebordet?: unknown }).styrelsebordet;
});

const preview: PackagePreview = {
  previewId: 'preview-123456',
  kind: 'changes',
  fileName: 'fran-orjan.sbpaket',
  forbund: { id: FORBUND, name: 'Samordningsförbundet Östra Skåne' },
  sender: { personId: MEMBER.id, name: MEMBER.name, fingerprint: MEMBER_KEY, shortCode: 'AAAA-BBBB-CCCC-DDDD', known: false },
  createdAt: '2026-03-14T09:00:00.000Z',
  signatureValid: true,
  newEvents: [{ type: 'key.registered', label: 'Datorns nyckel registrerades', count: 1 }],
  newAttachments: 0,
  alreadyKnown: 0,
  refused: [],
  held: [],
  conflicts: [],
  recipients: [],
  roster: [],
};

describe('a package opened outside the window (double-click, Arkiv → Importera paket…)', () => {
  it('takes the user to Paket and shows its preview, without importing it', async () => {
    resetStores();
    go('overview');
    useIncoming.setState({ incomingPackage: null });
    const main = fakeMain([genesis(1)]);
    let handedOut = false;
    main.handlers['packages.nextOpened'] = () => {
      if (handedOut) return new Promise(() => {}); // the long poll simply waits
      handedOut = true;
      return { file: { fileName: 'fran-orjan.sbpaket', bytes: new Uint8Array([80, 75, 3, 4]) } };
    };
    main.handlers['packages.preview'] = () => preview;
    (window as unknown as { styrelsebordet: unknown }).styrelsebordet = main.bridge;

    render(<App />);
    expect(await screen.findByRole('region', { name: 'Förhandsgranskning: fran-orjan.sbpaket' })).toBeTruthy();
    expect(currentRoute().section).toBe('packages');
    expect(main.calls.find((c) => c.method === 'packages.preview')?.input).toMatchObject({ fileName: 'fran-orjan.sbpaket' });
    expect(main.calls.some((c) => c.method === 'packages.apply')).toBe(false);
  });
});
