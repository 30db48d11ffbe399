import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METHODS } from '../../../shared/contract';
import { SavedFileLine } from '../../../renderer/src/components/SavedFile';

/** Issue #15 item 11: "Visa i mappen" in Electron only, asking by file name; the browser says where downloads go. */
afterEach(() => {
  delete (window as unknown as { styrelsebordet?: unknown }).styrelsebordet;
});

describe('where a saved file is', () => {
  it('in the browser: names the download folder and offers no button', () => {
    render(<MantineProvider><SavedFileLine fileName="kallelse-2026-12-17.pdf" /></MantineProvider>);
    expect(screen.getByTestId('saved-file').textContent).toBe('Filen kallelse-2026-12-17.pdf har laddats ned till webbläsarens mapp för hämtade filer. ');
    expect(screen.queryByRole('button', { name: /i mappen/ })).toBeNull();
  });

  it('in Electron: "Visa i mappen" asks the main side by the file name only', async () => {
    const bridge = Object.fromEntries(METHODS.map((m) => [m, vi.fn(async () => ({ ok: true, value: {} }))]));
    (window as unknown as { styrelsebordet: unknown }).styrelsebordet = bridge;
    render(<MantineProvider><SavedFileLine fileName="kallelse-2026-12-17.pdf" /></MantineProvider>);
    expect(screen.getByTestId('saved-file').textContent).toContain('kallelse-2026-12-17.pdf sparades där du valde.');
    fireEvent.click(screen.getByRole('button', { name: 'Visa kallelse-2026-12-17.pdf i mappen' }));
    await waitFor(() => expect(bridge['files.showInFolder']).toHaveBeenCalledWith({ fileName: 'kallelse-2026-12-17.pdf' }));
  });
});
