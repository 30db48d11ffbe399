/**
 * The native menu, in Swedish. Built as a plain template (types only from
 * electron) so it can be checked in a unit test; index.ts turns it into a Menu.
 *
 * Role items get explicit Swedish labels: without them Electron shows its
 * English defaults on Windows and Linux.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** process.platform === 'darwin' */
  isMac: boolean;
  /** Not packaged: adds reload and developer tools. */
  isDev: boolean;
  appName: string;
  /** Shows the about box (index.ts owns the dialog). */
  onAbout: () => void;
  /** "Arkiv → Importera paket…": a file dialog, then the import preview in the window. */
  onImportPackage: () => void;
  /** "Arkiv → Kontrollera ett protokoll…": a file dialog for a PDF, then the check in the window. */
  onVerifyProtokoll?: () => void;
}

const sep: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isDev, appName, onAbout, onImportPackage, onVerifyProtokoll } = opts;
  const importPackage: MenuItemConstructorOptions = { label: 'Importera paket…', accelerator: 'CmdOrCtrl+O', click: () => onImportPackage() };
  const verify: MenuItemConstructorOptions[] = onVerifyProtokoll ? [{ label: 'Kontrollera ett protokoll…', click: () => onVerifyProtokoll() }] : [];
  const about: MenuItemConstructorOptions = { label: `Om ${appName}`, click: () => onAbout() };

  const macApp: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      sep,
      { role: 'services', label: 'Tjänster' },
      sep,
      { role: 'hide', label: `Göm ${appName}` },
      { role: 'hideOthers', label: 'Göm övriga' },
      { role: 'unhide', label: 'Visa alla' },
      sep,
      { role: 'quit', label: `Avsluta ${appName}` },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: 'Arkiv',
    // On macOS quitting lives in the app menu; Arkiv closes the window instead.
    submenu: isMac ? [importPackage, ...verify, sep, { role: 'close', label: 'Stäng fönster' }] : [importPackage, ...verify, sep, { role: 'quit', label: 'Avsluta' }],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Redigera',
    submenu: [
      { role: 'undo', label: 'Ångra' },
      { role: 'redo', label: 'Gör om' },
      sep,
      { role: 'cut', label: 'Klipp ut' },
      { role: 'copy', label: 'Kopiera' },
      { role: 'paste', label: 'Klistra in' },
      { role: 'selectAll', label: 'Markera allt' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'Visa',
    submenu: [
      // Reloading drops unsaved renderer state; only useful while developing.
      ...(isDev
        ? ([
            { role: 'reload', label: 'Ladda om' },
            { role: 'toggleDevTools', label: 'Utvecklarverktyg' },
            sep,
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'zoomIn', label: 'Zooma in' },
      { role: 'zoomOut', label: 'Zooma ut' },
      { role: 'resetZoom', label: 'Återställ zoom' },
      sep,
      { role: 'togglefullscreen', label: 'Helskärm' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Fönster',
    submenu: isMac
      ? [
          { role: 'minimize', label: 'Minimera' },
          { role: 'zoom', label: 'Zooma' },
          sep,
          { role: 'front', label: 'Lägg alla överst' },
        ]
      : [
          { role: 'minimize', label: 'Minimera' },
          { role: 'close', label: 'Stäng' },
        ],
  };

  const help: MenuItemConstructorOptions = {
    label: 'Hjälp',
    // role 'help' lets macOS add its menu search field.
    ...(isMac ? { role: 'help' as const } : {}),
    submenu: [about],
  };

  return [...(isMac ? [macApp] : []), file, edit, view, windowMenu, help];
}
