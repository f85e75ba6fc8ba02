// The `app` fixture: the real renderer build (out/renderer) in Chromium, with window.pos wired
// to a real core (real SQLite file, fresh per test) running in the Playwright process.
//
//   import { test, expect } from './fixtures';
//   test('…', async ({ app }) => { await app.page.getByRole('button', { name: 'Sign in' }).click(); });
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, contentTypeOf } from '../../electron/app/appProtocol';
import type { ChannelInput } from '../../electron/shared/contract';
import { makeTestCore, openShift, OWNER, setupInput, ShiftableClock, TEST_ORIGIN, type TestCore } from '../support/testCore';

const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-results/screenshots');
export const E2E_WINDOW = 'e2e-window';

export interface BrewlineApp {
  page: Page;
  /** The real core behind window.pos (services, sqlite) for setup shortcuts and assertions. */
  t: TestCore<ShiftableClock>;
  /** Open (or reload) the app. */
  open(): Promise<void>;
  /** First-run setup done through the core instead of the UI (shop + owner "olivia", PIN 482913). */
  setUpShop(shop?: Partial<ChannelInput<'setup.complete'>['shop']>, options?: { openShift?: boolean }): Promise<void>;
  /** Tap a person on the sign-in screen and type their PIN (defaults: the owner from setUpShop). */
  signIn(name?: RegExp, pin?: string): Promise<void>;
  /** Tap a menu item; when it opens the options chooser, take the preselected choices. */
  addItem(name: string): Promise<void>;
  /** Save a full-page screenshot as test-results/screenshots/<name>.png. */
  screenshot(name: string): Promise<void>;
}

export { OWNER };

export const test = base.extend<{ app: BrewlineApp }>({
  app: async ({ page }, use) => {
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
      throw new Error('out/renderer is missing: run `npm run build:renderer` (npm run test:e2e does it for you)');
    }
    const t = makeTestCore({ clock: new ShiftableClock() });

    // Serve the build from a fixed https origin, with the same CSP the app:// protocol sends.
    await page.route(`${TEST_ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = path.resolve(RENDERER_DIR, rel);
      if (!file.startsWith(RENDERER_DIR + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
      return route.fulfill({
        status: 200,
        body: fs.readFileSync(file),
        headers: { 'content-type': contentTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    });

    // The preload's job, done by the test: window.pos.invoke → router, with the real sender checks.
    await page.exposeBinding('__brewlineInvoke', (source, channel: unknown, input: unknown) =>
      t.core.call(
        { senderId: E2E_WINDOW, frameUrl: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() },
        channel,
        input,
      ),
    );
    await page.addInitScript(() => {
      type Listener = (event: string, payload: unknown) => void;
      const listeners = new Set<Listener>();
      const w = globalThis as unknown as {
        pos: unknown;
        __brewlineInvoke: (c: string, i: unknown) => Promise<unknown>;
        __brewlineEmit: (e: string, p: unknown) => void;
      };
      w.__brewlineEmit = (event, payload) => listeners.forEach((l) => l(event, payload));
      w.pos = Object.freeze({
        invoke: (channel: string, input: unknown) => w.__brewlineInvoke(channel, input),
        on(listener: Listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      });
    });
    const off = t.core.onEvent((senderId, event, payload) => {
      if (senderId === E2E_WINDOW) void page.evaluate(([e, p]) => (globalThis as never as { __brewlineEmit(e: string, p: unknown): void }).__brewlineEmit(e, p), [event, payload] as const).catch(() => {});
    });

    const app: BrewlineApp = {
      page,
      t,
      async open() {
        await page.goto(`${TEST_ORIGIN}/index.html`);
      },
      async setUpShop(shop, options = {}) {
        // The owner's session from setup stays on 'window-1', so support helpers (addStaff…) can act as the owner.
        await t.must('setup.complete', setupInput(shop), 'window-1');
        // Cash sales need an open shift on the till: the owner opens one with no float (unless the test opens its own).
        if (options.openShift !== false) await openShift(t);
      },
      async signIn(name = /Olivia/, pin = OWNER.pin) {
        await page.getByRole('list', { name: 'Staff' }).getByRole('button', { name }).click();
        await page.keyboard.type(pin);
        await page.keyboard.press('Enter');
        await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      },
      async addItem(name) {
        await page.getByRole('button', { name: new RegExp(`^${name} ₱`) }).click();
        const chooser = page.getByRole('dialog', { name, exact: true });
        if (await chooser.isVisible().catch(() => false)) {
          await chooser.getByRole('button', { name: 'Add to order' }).click();
          await expect(chooser).toBeHidden();
        }
      },
      async screenshot(name) {
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
      },
    };
    await use(app);
    off();
    t.close();
  },
});

export { expect };
