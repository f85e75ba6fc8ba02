// Electron adapter: windows, security settings and IPC wiring. Everything else is the
// Electron-free core (core/createCore.ts), which the tests run in plain Node.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, type WebContents } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_ENTRY, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, contentTypeOf, resolveAppFile } from './app/appProtocol';
import { createCore, type Core } from './core/createCore';
import { FileKeyProvider, SealedKeyProvider, type KeyProvider } from './core/keys';
import type { ReceiptPrinter } from './receipts/receiptService';
import { IPC_EVENT, IPC_INVOKE } from './shared/bridge';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const rendererDir = path.join(__dirname, '../renderer');
const resources = app.isPackaged ? process.resourcesPath : path.join(__dirname, '..', '..');
const migrationsFolder = app.isPackaged ? path.join(resources, 'migrations') : path.join(resources, 'db', 'migrations');
// better-sqlite3 built against Electron's ABI (see electron/build/native-electron.mjs); node_modules keeps the Node build for tests.
const nativeBinding = app.isPackaged
  ? path.join(resources, 'native', 'better_sqlite3.node')
  : path.join(__dirname, '..', 'native', 'better_sqlite3.node');

let core: Core | null = null;

/** The email keys, sealed by the OS keychain through safeStorage when it can. */
function keyProvider(): KeyProvider {
  const dir = app.getPath('userData');
  if (!safeStorage.isEncryptionAvailable()) {
    return new FileKeyProvider(path.join(dir, 'brewline.keys'));
  }
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'Keychain' : 'DPAPI';
  const unprotected = backend === 'basic_text';
  return new SealedKeyProvider(
    path.join(dir, 'brewline.keys.sealed'),
    { encrypt: (text) => safeStorage.encryptString(text), decrypt: (blob) => safeStorage.decryptString(blob) },
    {
      name: String(backend),
      protected: !unprotected,
      warning: unprotected
        ? 'This computer has no keyring, so the key that protects staff emails is stored without OS protection. Set up GNOME Keyring or KWallet for this user.'
        : null,
    },
  );
}

/** Renders receipt HTML in a hidden, script-less window and hands it to the OS printer or to PDF. */
async function withReceiptWindow<T>(html: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, javascript: false, contextIsolation: true } });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await use(win.webContents);
  } finally {
    win.destroy();
  }
}

const printer: ReceiptPrinter = {
  print: (html, { silent, deviceName }) =>
    withReceiptWindow(
      html,
      (contents) =>
        new Promise((resolve, reject) =>
          contents.print({ silent, deviceName: deviceName || undefined, printBackground: true }, (ok, reason) =>
            ok ? resolve({ printer: deviceName || 'default printer' }) : reject(new Error(`printing failed: ${reason}`)),
          ),
        ),
    ),
  savePdf: async (html, suggestedName) => {
    const target = await dialog.showSaveDialog({
      defaultPath: path.join(app.getPath('documents'), suggestedName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (target.canceled || !target.filePath) return { saved: false, path: null };
    const pdf = await withReceiptWindow(html, (contents) => contents.printToPDF({ pageSize: { width: 3.15, height: 11 }, printBackground: true }));
    await fs.writeFile(target.filePath, pdf);
    return { saved: true, path: target.filePath };
  },
  printers: async () => {
    const win = BrowserWindow.getAllWindows()[0];
    const list = win ? await win.webContents.getPrintersAsync() : [];
    return list.map((p) => ({ name: p.name, isDefault: (p as { isDefault?: boolean }).isDefault === true }));
  },
};

function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

async function serveApp(request: Request): Promise<Response> {
  const file = resolveAppFile(rendererDir, request.url);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const body = await fs.readFile(file);
    return new Response(body, {
      headers: {
        'content-type': contentTypeOf(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Brewline',
    backgroundColor: '#f6f1ea',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents));

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle(APP_SCHEME, serveApp);

  core = createCore({
    dbPath: path.join(app.getPath('userData'), 'brewline.sqlite'),
    trustedOrigins: [APP_ORIGIN],
    keys: keyProvider(),
    printer,
    migrationsFolder,
    nativeBinding,
    appVersion: app.getVersion(),
  });
  const live = core;

  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) => {
    const frame = event.senderFrame;
    return live.call(
      {
        senderId: String(event.sender.id),
        frameUrl: frame?.url ?? '',
        isMainFrame: !!frame && frame === event.sender.mainFrame,
      },
      channel,
      input,
    );
  });
  live.onEvent((senderId, name, payload) => {
    const win = BrowserWindow.getAllWindows().find((w) => String(w.webContents.id) === senderId);
    win?.webContents.send(IPC_EVENT, name, payload);
  });
  // Lock idle tills even when nobody touches them, so the screen does not stay open.
  setInterval(() => live.sweepIdle(), 15_000).unref();

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => core?.close());
