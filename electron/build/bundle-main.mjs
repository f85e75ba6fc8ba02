// Bundles the Electron main process and the preload into out/ (CommonJS, as Electron loads them).
// node_modules stay external: electron-builder ships the production dependencies.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'info' };

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'out/main/main.js', packages: 'external' });
// A sandboxed preload may only require 'electron': everything else is bundled in.
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'out/preload/preload.js', external: ['electron'] });
