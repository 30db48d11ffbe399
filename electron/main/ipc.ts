/**
 * Connects the contract to Electron IPC: one `ipcMain.handle` per method,
 * nothing else. Every call is checked for its sender first, then validated by
 * `dispatch` (input in, output out), so IPC and the browser host enforce the
 * same contract.
 *
 * No runtime import of electron here (types only), so the contract test can
 * pass a fake ipcMain and fake events without an Electron binary.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { METHODS, channelFor } from '../../shared/contract/methods';
import { dispatch, forbidden } from '../../shared/contract/dispatch';
import type { Envelope } from '../../shared/contract/errors';
import type { Handlers } from '../../shared/contract/schemas';
import { isAppUrl } from '../security/urls';

export type TrustCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * The default sender check: the call must come from the top frame of a page
 * on the app's own origin. A subframe, another origin, or a frame that has
 * already gone away (senderFrame null) is refused.
 */
export function isAppMainFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (!isAppUrl(frame.url)) return false;
  return frame === event.sender?.mainFrame || frame.parent === null;
}

/**
 * Registers the handlers. `isTrustedSender` defaults to `isAppMainFrame`; the
 * shell passes a stricter check that also pins the sender to its own window.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  isTrustedSender: TrustCheck = isAppMainFrame,
): void {
  for (const method of METHODS) {
    ipcMain.handle(channelFor(method), async (event, input: unknown): Promise<Envelope<unknown>> => {
      let trusted = false;
      try {
        trusted = isTrustedSender(event);
      } catch {
        // Reading a disposed frame throws; a caller we cannot identify is not trusted.
        trusted = false;
      }
      if (!trusted) return forbidden();
      return dispatch(handlers, method, input);
    });
  }
}
