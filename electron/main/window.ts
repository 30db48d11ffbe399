/**
 * Options for the one app window. Pure (types only from electron) so a unit
 * test can pin the security-relevant preferences without launching Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Matches the renderer's light background so the window does not flash white/black before paint. */
export const WINDOW_BACKGROUND = '#f8f9fa';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Styrelsebordet',
    backgroundColor: WINDOW_BACKGROUND,
    // Shown on 'ready-to-show' to avoid an empty frame while the page loads.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // On Linux Chromium fetches hunspell dictionaries from the network; an offline
      // app must not. Windows and macOS use the system's own spellchecker.
      spellcheck: process.platform !== 'linux',
    },
  };
}
