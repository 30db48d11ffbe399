/**
 * The main side's dialogs for package files (issue #16: packages by path,
 * not by bytes). The renderer asks with `packages.choose` / `packages.save`
 * and gets an opaque id or a yes/no; the paths stay here. Types only from
 * electron, so the services can be tested with a fake.
 */
import type { BrowserWindow, Dialog } from 'electron';
import { join } from 'node:path';
import type { PackageDialogs } from '../services/packages/outgoing';

const FILTERS = [{ name: 'Styrelsebordet-paket', extensions: ['sbpaket'] }];

export function createPackageDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, window: () => BrowserWindow | null, downloadsDir: () => string): PackageDialogs {
  return {
    async open() {
      const options = { title: 'Importera paket', buttonLabel: 'Importera', properties: ['openFile' as const], filters: FILTERS };
      const w = window();
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveAs(fileName) {
      const options = { title: 'Spara paketet', buttonLabel: 'Spara', defaultPath: join(downloadsDir(), fileName), filters: FILTERS };
      const w = window();
      const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
