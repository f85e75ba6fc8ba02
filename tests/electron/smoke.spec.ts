// Launches the real Electron app. Runs where an Electron binary is installed (a normal
// `npm install` downloads one); in this workplace installs skip the download, so it reports
// itself skipped with the reason.
import { _electron as electron, expect, test } from '@playwright/test';
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

test('the packaged-style app starts, shows first-run setup, and keeps Node out of the renderer', async () => {
  test.skip(!binary, 'No Electron binary here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); run where `npm install` can download Electron.');
  test.skip(
    !fs.existsSync(path.join(root, 'out/main/main.js')) || !fs.existsSync(path.join(root, 'out/native/better_sqlite3.node')),
    'Build first: `npm run build && npm run build:native-electron`.',
  );
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'brewline-electron-'));
  const app = await electron.launch({ args: [root, `--user-data-dir=${userData}`], cwd: root });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/Brewline/);
    await expect(window.getByRole('heading', { name: 'Welcome to Brewline' })).toBeVisible();
    expect(window.url()).toMatch(/^app:\/\/brewline\//);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { pos?: { invoke?: unknown } }).pos?.invoke)).toBe('function');
  } finally {
    await app.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
});
