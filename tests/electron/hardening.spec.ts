// Issue 7 item 14, the parts only the real Electron can show: the application menu that replaced
// the default one, and the single-instance lock. (DevTools being off needs a packaged build:
// `devTools: !app.isPackaged` is unit-tested in tests/unit/packaging.test.ts.) Skipped, with the
// reason, where no Electron binary is installed.
import { _electron as electron, expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function electronBinary(): string | null {
  try {
    const bin = require('electron') as unknown as string; // the package exports the binary's path
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.beforeEach(() => {
  test.skip(!binary, 'No Electron binary here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); run where `npm install` can download Electron.');
  test.skip(
    !fs.existsSync(path.join(root, 'out/main/main.js')) || !fs.existsSync(path.join(root, 'out/native/better_sqlite3.node')),
    'Build first: `npm run build && npm run build:native-electron`.',
  );
});

test('the default menu is replaced: no View menu, Edit keeps copy and paste, and a second start only focuses the first', async () => {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'brewline-electron-'));
  const app = await electron.launch({ args: [root, `--user-data-dir=${userData}`], cwd: root });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Welcome to Brewline' })).toBeVisible();
    const menu = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items ?? []).map((item) => ({ label: item.label, roles: (item.submenu?.items ?? []).map((s) => String(s.role ?? '')) })),
    );
    expect(menu.map((m) => m.label)).not.toContain('View');
    const edit = menu.find((m) => m.label === 'Edit');
    expect(edit?.roles).toEqual(expect.arrayContaining(['copy', 'paste']));

    // A second start with the same profile exits at once and leaves one window.
    const second = spawn(binary!, [root, `--user-data-dir=${userData}`], { cwd: root, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the second instance did not quit')), 15_000);
      second.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).toBe(0);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((w) => w.isVisible()).length)).toBe(1);
  } finally {
    await app.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
});
