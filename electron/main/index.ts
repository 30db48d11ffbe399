/**
 * Electron main process: lifecycle glue only. Security rules, IPC, the
 * protocol, the menu and the window options each live in their own module;
 * all app logic is in the services.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, safeStorage, session, shell, type IpcMainInvokeEvent } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../services/index';
import { createOpenedPackages } from '../services/sync/opened-packages';
import { createSavedFiles } from '../services/files/reveal';
import { recordDownloads } from './downloads';
import { createPackageDialogs } from './package-dialogs';
import { safeStorageBox } from './safe-storage-box';
import { safeStorageKeyWrap } from './safe-storage-wrap';
import { APP_ENTRY_URL } from '../security/urls';
import { findPackagePaths, parseDataArg, profileDirFor } from './args';
import { isAppMainFrame, registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { hardenSession, installSecurityGuards } from './security';
import { mainWindowOptions } from './window';

// out/main/index.js → out/preload/index.cjs and out/renderer/ (the layout electron-vite builds).
const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = join(here, '../preload/index.cjs');
const RENDERER_DIR = join(here, '../renderer');

// Everything below up to whenReady() must run before the app is ready.
registerAppScheme();
installSecurityGuards();

const dataOverride = parseDataArg(process.argv);
if (dataOverride) app.setPath('userData', profileDirFor(dataOverride));
const dataDir = dataOverride ?? join(app.getPath('userData'), 'data');

let mainWindow: BrowserWindow | null = null;

/**
 * `.sbpaket` files the user asked to open (double-click, command line, the
 * menu). The renderer takes them with `packages.nextOpened` and shows the
 * import preview; nothing is imported without the user's yes.
 */
const openedPackages = createOpenedPackages();
function queuePackages(paths: readonly string[]): void {
  for (const p of paths) openedPackages.push(p);
}

async function chooseAndOpenPackage(): Promise<void> {
  const options = {
    title: 'Importera paket',
    buttonLabel: 'Importera',
    properties: ['openFile' as const],
    filters: [{ name: 'Styrelsebordet-paket', extensions: ['sbpaket'] }],
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  if (!result.canceled) queuePackages(result.filePaths);
}

/** "Arkiv → Kontrollera ett protokoll…": the chosen PDF goes the same way as a package; the renderer routes a .pdf to the check. */
async function chooseAndVerifyProtokoll(): Promise<void> {
  const options = {
    title: 'Kontrollera ett protokoll',
    buttonLabel: 'Kontrollera',
    properties: ['openFile' as const],
    filters: [{ name: 'Protokoll (PDF)', extensions: ['pdf'] }],
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  if (!result.canceled) queuePackages(result.filePaths);
}

// macOS delivers double-clicked files as events, also before ready.
app.on('open-file', (event, path) => {
  event.preventDefault();
  queuePackages(findPackagePaths([path], process.cwd()));
});

if (!app.requestSingleInstanceLock()) {
  // Another Styrelsebordet already runs on this data; it gets our argv via 'second-instance'.
  app.quit();
} else {
  queuePackages(findPackagePaths(process.argv.slice(1), process.cwd()));

  app.on('second-instance', (_event, argv, workingDirectory) => {
    queuePackages(findPackagePaths(argv.slice(1), workingDirectory));
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
    }
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createWindow();
  });

  app.whenReady().then(start).catch(fatal);
}

async function start(): Promise<void> {
  try {
    process.umask(0o077); // the data folder and everything in it are the user's alone
    hardenSession(session.defaultSession);
    setSwedishSpellcheck();
    serveAppProtocol(RENDERER_DIR);

    // "Visa i mappen": where the save dialog put each file, and the file manager (only for paths the services allow).
    const saved = createSavedFiles();
    recordDownloads(session.defaultSession, saved);
    const reveal = { show: async (path: string) => shell.showItemInFolder(path), saved };
    // The services own the data folder (they create and check it).
    const handlers = await createServices({ dataDir, host: 'electron', version: app.getVersion(), secretBox: safeStorageBox(), keyWrap: safeStorageKeyWrap(safeStorage), openedPackages, reveal, dialogs: createPackageDialogs(dialog, () => mainWindow, () => app.getPath('downloads')) });
    // The default check (top frame on app://styrelsebordet/) plus: the sender is our own window.
    const trusted = (event: IpcMainInvokeEvent): boolean =>
      isAppMainFrame(event) && mainWindow !== null && event.sender.id === mainWindow.webContents.id;
    registerIpc(ipcMain, handlers, trusted);

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          isMac: process.platform === 'darwin',
          isDev: !app.isPackaged,
          appName: 'Styrelsebordet',
          onAbout: showAbout,
          onImportPackage: () => void chooseAndOpenPackage(),
          onVerifyProtokoll: () => void chooseAndVerifyProtokoll(),
        }),
      ),
    );
    createWindow();
  } catch (err) {
    fatal(err);
  }
}

function createWindow(): void {
  const win = new BrowserWindow(mainWindowOptions(PRELOAD_PATH));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(APP_ENTRY_URL).catch((err: unknown) => console.error('[main] could not load the app', err));
}

/**
 * Chromium accepts only codes from its own list ('sv' on some builds, 'sv-SE'
 * on others) and throws on anything else. macOS uses the system spellchecker.
 */
function setSwedishSpellcheck(): void {
  if (process.platform === 'darwin') return;
  const ses = session.defaultSession;
  const lang = ['sv-SE', 'sv'].find((l) => ses.availableSpellCheckerLanguages.includes(l));
  if (!lang) return;
  try {
    ses.setSpellCheckerLanguages([lang]);
  } catch (err) {
    console.warn('[main] spellcheck language not set', err);
  }
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: 'Om Styrelsebordet',
    message: 'Styrelsebordet',
    detail: `Version ${app.getVersion()}\nStyrelsearbete för samordningsförbund, helt utan internet.\n\nDatamapp: ${dataDir}`,
    buttons: ['Stäng'],
  };
  const shown = mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
  shown.catch(() => undefined);
}

/** Startup failed before a window could explain it: tell the user in Swedish, then quit. */
function fatal(err: unknown): void {
  console.error('[main] startup failed', err);
  dialog.showErrorBox(
    'Styrelsebordet kunde inte starta',
    `Programmet kunde inte starta. Kontrollera att datamappen går att skriva till:\n${dataDir}\n\nTekniskt fel: ${String(err)}`,
  );
  app.exit(1);
}
