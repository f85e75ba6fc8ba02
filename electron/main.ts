// Electron adapter: windows, security settings and IPC wiring. Everything else is the
// Electron-free core (core/createCore.ts), which the tests run in plain Node.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, type WebContents } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_ENTRY, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, contentTypeOf, resolveAppFile } from './app/appProtocol';
import { appKeyProvider } from './app/keyStorage';
import { appMenuTemplate, mainWebPreferences, receiptWebPreferences } from './app/windowOptions';
import { createCore, type Core } from './core/createCore';
import type { SaveDialog } from './core/deps';
import { conflict } from './core/errors';
import { isOwnDataFile, OWN_FILE_MESSAGE } from './core/savePaths';
import type { KeyProvider } from './core/keys';
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
const dbPath = (): string => path.join(app.getPath('userData'), 'brewline.sqlite');

// One Brewline per user: a second start (a double-click on the icon) focuses the open till
// instead of opening a second core on the same database file.
const primaryInstance = app.requestSingleInstanceLock();
if (!primaryInstance) app.quit();
app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows().find((w) => !w.isDestroyed() && w.webContents.getURL().startsWith(APP_ORIGIN));
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
});

/** The keys, sealed by the OS keychain through safeStorage when it can (see app/keyStorage.ts). */
function keyProvider(): KeyProvider {
  const provider = appKeyProvider({
    dir: app.getPath('userData'),
    isPackaged: app.isPackaged,
    keychain: {
      available: safeStorage.isEncryptionAvailable(),
      backend: process.platform === 'linux' ? String(safeStorage.getSelectedStorageBackend()) : process.platform === 'darwin' ? 'Keychain' : 'DPAPI',
      encrypt: (text) => safeStorage.encryptString(text),
      decrypt: (blob) => safeStorage.decryptString(blob),
    },
  });
  provider.keys(); // read (or create) them now, so a key problem stops the start instead of failing later at the till
  return provider;
}

/** Renders receipt HTML in a hidden, script-less window and hands it to the OS printer or to PDF. */
async function withReceiptWindow<T>(html: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({ show: false, webPreferences: receiptWebPreferences() });
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
    // Never over the database or the keys (the CSV exports are guarded in core; see savePaths.ts).
    if (isOwnDataFile(target.filePath, dbPath())) throw conflict(OWN_FILE_MESSAGE);
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

/** Exports (CSV) ask where to save with the OS dialog, starting in Documents. */
const saveDialog: SaveDialog = {
  choosePath: async (suggestedName, filter) => {
    const target = await dialog.showSaveDialog({ defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [filter] });
    return target.canceled || !target.filePath ? null : target.filePath;
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
    webPreferences: mainWebPreferences({ isPackaged: app.isPackaged, preload: path.join(__dirname, '../preload/preload.js') }),
  });
  win.once('ready-to-show', () => win.show());
  // A closed window takes its session with it (the id is gone once the window is destroyed).
  const senderId = String(win.webContents.id);
  win.on('closed', () => core?.endWindow(senderId));
  void win.loadURL(APP_ENTRY);
  return win;
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents));

app.whenReady().then(() => {
  if (!primaryInstance) return;
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform, appName: app.getName() })));
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle(APP_SCHEME, serveApp);

  let keys: KeyProvider;
  try {
    keys = keyProvider();
  } catch (error) {
    dialog.showErrorBox('Brewline cannot start', error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  core = createCore({
    dbPath: dbPath(),
    trustedOrigins: [APP_ORIGIN],
    keys,
    printer,
    saveDialog,
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
