/**
 * The parts of the Electron shell that need no Electron binary: command-line
 * parsing, the window's security preferences, the Swedish menu, and the
 * preload's bridge (with `electron` replaced by a fake; the real module is
 * never loaded).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findPackagePaths, parseDataArg, profileDirFor } from '../../../../electron/main/args';
import { buildMenuTemplate } from '../../../../electron/main/menu';
import { mainWindowOptions } from '../../../../electron/main/window';
import { METHODS, channelFor } from '../../../../shared/contract/methods';

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.set(key, value) },
  ipcRenderer: { invoke: bridge.invoke },
}));

describe('parseDataArg', () => {
  it('reads --data <folder> and --data=<folder>, resolved against cwd', () => {
    expect(parseDataArg(['electron', 'out/main/index.js', '--data', '/tmp/sb'], '/home/a')).toBe('/tmp/sb');
    expect(parseDataArg(['app', '--data=rel/dir'], '/home/a')).toBe(resolve('/home/a', 'rel/dir'));
  });

  it('is null without the flag or without a value', () => {
    expect(parseDataArg(['app'], '/')).toBeNull();
    expect(parseDataArg(['app', '--data'], '/')).toBeNull();
    expect(parseDataArg(['app', '--data', '--other'], '/')).toBeNull();
    expect(parseDataArg(['app', '--data='], '/')).toBeNull();
  });

  it('gives each data folder its own Chromium profile', () => {
    expect(profileDirFor('/tmp/a')).not.toBe(profileDirFor('/tmp/b'));
    expect(profileDirFor('/tmp/a')).toBe(profileDirFor('/tmp/a'));
  });
});

describe('findPackagePaths', () => {
  it('finds .sbpaket files, absolute or relative to the launching cwd', () => {
    const argv = ['/opt/Styrelsebordet/styrelsebordet', '--data', 'x.sbpaket', 'möte.SBPAKET', '/abs/b.sbpaket', '--flag=a.sbpaket', 'c.pdf'];
    expect(findPackagePaths(argv, '/home/a')).toEqual([join('/home/a', 'möte.SBPAKET'), '/abs/b.sbpaket']);
  });
});

describe('mainWindowOptions', () => {
  const o = mainWindowOptions('/app/out/preload/index.cjs');
  it('ships the security settings from STACK.md', () => {
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
  });
  it('has the agreed size and title and waits for ready-to-show', () => {
    expect(o).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 700, title: 'Styrelsebordet', show: false });
    expect(o.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('buildMenuTemplate', () => {
  const labels = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((i) => [i.label ?? '', ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]).filter(Boolean);
  const base = { appName: 'Styrelsebordet', onAbout: vi.fn(), onImportPackage: vi.fn() };

  it('is in Swedish on Windows/Linux, without dev items when packaged', () => {
    const t = buildMenuTemplate({ ...base, isMac: false, isDev: false });
    expect(t.map((m) => m.label)).toEqual(['Arkiv', 'Redigera', 'Visa', 'Fönster', 'Hjälp']);
    const all = labels(t);
    for (const l of ['Avsluta', 'Ångra', 'Gör om', 'Klipp ut', 'Kopiera', 'Klistra in', 'Markera allt', 'Zooma in', 'Zooma ut', 'Helskärm', 'Om Styrelsebordet']) {
      expect(all).toContain(l);
    }
    expect(all).not.toContain('Ladda om');
    expect(all).not.toContain('Utvecklarverktyg');
  });

  it('every role item has a Swedish label (no English defaults)', () => {
    const walk = (items: MenuItemConstructorOptions[]): void =>
      items.forEach((i) => {
        if (i.role && i.type !== 'separator') expect(i.label, i.role).toBeTruthy();
        if (Array.isArray(i.submenu)) walk(i.submenu);
      });
    walk(buildMenuTemplate({ ...base, isMac: true, isDev: true }));
    walk(buildMenuTemplate({ ...base, isMac: false, isDev: true }));
  });

  it('adds the macOS app menu and dev-only reload', () => {
    const t = buildMenuTemplate({ ...base, isMac: true, isDev: true });
    expect(t[0]?.label).toBe('Styrelsebordet');
    expect(labels(t)).toContain('Ladda om');
    expect(labels(t)).toContain('Avsluta Styrelsebordet');
  });

  it('Om Styrelsebordet calls the about handler', () => {
    const onAbout = vi.fn();
    const t = buildMenuTemplate({ ...base, onAbout, isMac: false, isDev: false });
    const help = t.find((m) => m.label === 'Hjälp');
    const about = (help?.submenu as MenuItemConstructorOptions[])[0];
    (about?.click as () => void)();
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('Arkiv → Importera paket… (Ctrl/Cmd+O) starts an import on every platform', () => {
    for (const isMac of [true, false]) {
      const onImportPackage = vi.fn();
      const t = buildMenuTemplate({ ...base, onImportPackage, isMac, isDev: false });
      const file = t.find((m) => m.label === 'Arkiv');
      const item = (file?.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'Importera paket…');
      expect(item?.accelerator).toBe('CmdOrCtrl+O');
      (item?.click as () => void)();
      expect(onImportPackage).toHaveBeenCalledOnce();
    }
  });
});

describe('preload bridge', () => {
  it('exposes exactly one frozen function per contract method, each invoking its own channel', async () => {
    await import('../../../../electron/preload/index');
    expect([...bridge.exposed.keys()]).toEqual(['styrelsebordet']);
    const api = bridge.exposed.get('styrelsebordet') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...METHODS].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const m of METHODS) {
      expect(typeof api[m]).toBe('function');
      bridge.invoke.mockClear();
      await api[m]!({ probe: m });
      expect(bridge.invoke).toHaveBeenCalledExactlyOnceWith(channelFor(m), { probe: m });
    }
  });
});
