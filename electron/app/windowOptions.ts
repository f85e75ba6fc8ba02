// The till window's security settings and the application menu, as plain data so they are
// tested in Node (tests/unit/packaging.test.ts). main.ts hands them to Electron.
import type { MenuItemConstructorOptions, WebPreferences } from 'electron';

/**
 * The main window's webPreferences. DevTools only in development: in a packaged build a console
 * would give whoever stands at the till `window.pos` and every channel the signed-in person may call.
 */
export function mainWebPreferences(options: { isPackaged: boolean; preload: string }): WebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
    devTools: !options.isPackaged,
  };
}

/** The hidden, script-less window a receipt is printed from. */
export function receiptWebPreferences(): WebPreferences {
  return { sandbox: true, javascript: false, contextIsolation: true, devTools: false };
}

/**
 * A minimal menu instead of Electron's default one (which offers View › Toggle Developer Tools
 * and Reload): Quit, and Edit so copy/paste and their shortcuts keep working in text fields.
 * Development builds add a Developer menu.
 */
export function appMenuTemplate(options: { isPackaged: boolean; platform: NodeJS.Platform; appName: string }): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const template: MenuItemConstructorOptions[] =
    options.platform === 'darwin'
      ? [{ label: options.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }, edit]
      : [{ label: 'File', submenu: [{ role: 'quit' }] }, edit];
  if (!options.isPackaged) {
    template.push({ label: 'Developer', submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] });
  }
  return template;
}

/** Roles anywhere in a menu template (for tests and checks). */
export function menuRoles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? menuRoles(item.submenu) : []),
  ]);
}
