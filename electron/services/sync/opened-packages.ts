import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { LIMITS } from '../packages/format';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/contract/primitives';

/**
 * Package files the user opened outside the window: double-clicked in the
 * file manager (file association), passed on the command line, or chosen
 * with the menu command "Arkiv → Importera paket…". The renderer asks for the
 * next one with `packages.nextOpened` (a long poll), so the contract stays
 * request/response and the preload exposes nothing but the contract.
 */
export interface OpenedPackages {
  push(path: string): void;
  /**
   * The next opened file, or null when none arrives within `waitMs`. A package is named by its path (read
   * where it is, by id, issue #16); a protokoll PDF to check comes with its bytes (at most an attachment's cap).
   */
  next(waitMs: number): Promise<OpenedPath | null>;
}

export type OpenedPath = { kind: 'package'; path: string } | { kind: 'pdf'; fileName: string; bytes: Uint8Array };

export function createOpenedPackages(): OpenedPackages {
  const queue: string[] = [];
  const waiting: (() => void)[] = [];

  async function take(): Promise<OpenedPath | null> {
    while (queue.length > 0) {
      const path = queue.shift()!;
      try {
        const stat = await fs.stat(path);
        if (!stat.isFile()) continue;
        if (!basename(path).toLowerCase().endsWith('.pdf')) {
          if (stat.size > LIMITS.maxTotalBytes) continue;
          return { kind: 'package', path };
        }
        if (stat.size > MAX_ATTACHMENT_BYTES) continue;
        return { kind: 'pdf', fileName: basename(path), bytes: await fs.readFile(path) };
      } catch {
        // Gone or unreadable since it was opened: the preview would only say so again.
        continue;
      }
    }
    return null;
  }

  return {
    push(path) {
      if (!queue.includes(path)) queue.push(path);
      waiting.splice(0).forEach((wake) => wake());
    },
    async next(waitMs) {
      if (queue.length === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            const i = waiting.indexOf(wake);
            if (i >= 0) waiting.splice(i, 1);
            resolve();
          }, waitMs);
          const wake = () => {
            clearTimeout(timer);
            resolve();
          };
          waiting.push(wake);
        });
      }
      return take();
    },
  };
}
