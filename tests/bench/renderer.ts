// Cold load of the renderer build in Chromium, to the sign-in screen painted, against a real core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeTestCore, setupInput } from '../support/testCore';
import { BenchClock } from './counter';
import { ms, SIZES, stats, type Table } from './report';

export async function rendererColdLoad(table: Table): Promise<void> {
  const { chromium } = await import('@playwright/test');
  const { CONTENT_SECURITY_POLICY, contentTypeOf } = await import('../../electron/app/appProtocol');
  const built = path.resolve(__dirname, '../../out/renderer');
  if (!fs.existsSync(path.join(built, 'index.html'))) {
    table.add('renderer cold load → sign-in painted', {}, '< 1 s', 'SKIPPED', 'run `npm run build:renderer` first');
    return;
  }
  // A snapshot, so a `npm run build:renderer` running meanwhile (it empties out/renderer) cannot pull files away.
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brewline-bench-renderer-'));
  fs.cpSync(built, rendererDir, { recursive: true });
  const t = makeTestCore({ clock: new BenchClock() });
  await t.must('setup.complete', setupInput());
  const browser = await chromium.launch({
    executablePath: process.env.BREWLINE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const samples: number[] = [];
  try {
    for (let i = 0; i < SIZES.rendererLoads; i++) {
      const context = await browser.newContext(); // no cache: every load is cold
      const page = await context.newPage();
      await page.route('https://brewline.test/**', (route) => {
        const rel = new URL(route.request().url()).pathname.replace(/^\/+/, '') || 'index.html';
        const file = path.join(rendererDir, rel);
        return route.fulfill({ body: fs.readFileSync(file), headers: { 'content-type': contentTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY } });
      });
      await page.exposeBinding('__invoke', (source, channel: unknown, input: unknown) =>
        t.core.call({ senderId: `bench-${i}`, frameUrl: source.frame.url(), isMainFrame: true }, channel, input),
      );
      // A string, not a function: tsx's transpiled output may reference helpers the page lacks.
      await page.addInitScript(`window.pos = { invoke: (c, i) => window.__invoke(c, i), on: () => () => {} };`);
      const start = performance.now();
      await page.goto('https://brewline.test/index.html');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
      samples.push(performance.now() - start);
      await context.close();
    }
  } catch (error) {
    table.add('renderer cold load → sign-in painted', {}, '< 1 s', 'SKIPPED', `the build changed while it was copied? ${String(error).split('\n')[0]}`);
    return;
  } finally {
    await browser.close();
    t.close();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  }
  const r = stats(samples.slice(2)); // the first loads also start Chromium's own processes
  table.add('renderer cold load → sign-in painted', { p50: ms(r.p50), p99: ms(r.max) }, 'max < 1 s', r.max < 1000, `${r.n} loads after 2 warm-ups`);
}
