import { useEffect } from 'react';
import { api } from '../../api/client';
import { checkProtokoll, receivePackage } from '../../state/incoming-files';

/**
 * In the desktop app, packages can be opened from outside the window
 * (double-click in the file manager, "Arkiv → Importera paket…"). The main
 * side queues them; this loop asks for the next one (a long poll) and hands
 * it to the Paket screen, which shows the preview. Nothing is imported
 * without the user's yes. The browser host has no such source, so the loop
 * runs only where the preload bridge exists.
 */
export function useOpenedPackages(): void {
  useEffect(() => {
    if (!window.styrelsebordet) return;
    let live = true;
    void (async () => {
      while (live) {
        try {
          const { file } = await api['packages.nextOpened']({});
          // A PDF comes from "Arkiv → Kontrollera ett protokoll…"; anything else is a package.
          if (live && file) {
            if (file.fileName.toLowerCase().endsWith('.pdf')) checkProtokoll(file);
            else receivePackage(file);
          }
        } catch {
          // The main side is gone or restarting: try again shortly rather than spin.
          await new Promise((r) => setTimeout(r, 5_000));
        }
      }
    })();
    return () => {
      live = false;
    };
  }, []);
}
