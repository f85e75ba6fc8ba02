// Bundles the Electron main process and the preload into out/ (CommonJS, as Electron loads them).
// node_modules stay external: electron-builder ships the production dependencies.
//   --release     for `npm run dist`: no source maps (they would ship the main process's readable
//                 source), and stale maps from a development build are removed first.
//   --outdir=DIR  another output folder (tests); entry points below write under `out(...)`.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const release = args.includes('--release');
const outDir = args.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) || 'out';
const out = (...parts) => path.join(outDir, ...parts);

if (release) {
  for (const dir of [out('main'), out('preload')]) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) if (name.endsWith('.map')) fs.rmSync(path.join(dir, name));
  }
}

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: !release, logLevel: 'info' };

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: out('main', 'main.js'), packages: 'external' });
// The audit chain's full check runs on a worker thread; main.js finds it next to itself (chainVerifier.ts).
await build({ ...common, entryPoints: ['electron/audit/verifyWorker.ts'], outfile: out('main', 'verifyWorker.js'), packages: 'external' });
// History searches, reports and exports run on read workers (core/readPool.ts), found the same way.
await build({ ...common, entryPoints: ['electron/core/readWorker.ts'], outfile: out('main', 'readWorker.js'), packages: 'external' });
// A sandboxed preload may only require 'electron': everything else is bundled in.
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: out('preload', 'preload.js'), external: ['electron'] });
