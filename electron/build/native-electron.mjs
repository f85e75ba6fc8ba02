// Builds better-sqlite3 against Electron's ABI into out/native/better_sqlite3.node.
//
// Why a separate copy: node_modules/better-sqlite3 stays built for plain Node (tests, bench),
// and the app loads this copy through better-sqlite3's `nativeBinding` option. Nobody has to
// rebuild back and forth. `npm start` and `npm run dist` call this; it is skipped when the
// existing build already matches the installed Electron and better-sqlite3 versions.
//
// Needs the network on first run (a prebuilt binary from better-sqlite3's releases, or
// Electron's headers for a source build).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..');
const outDir = path.join(root, 'out', 'native');
const target = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');

const electronVersion = require('electron/package.json').version;
const sqliteVersion = require('better-sqlite3/package.json').version;
const arch = process.env.npm_config_arch || process.arch;
const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch };

if (fs.existsSync(target) && fs.existsSync(stampFile) && JSON.stringify(JSON.parse(fs.readFileSync(stampFile, 'utf8'))) === JSON.stringify(stamp)) {
  console.log(`better-sqlite3 for Electron ${electronVersion} is up to date: ${path.relative(root, target)}`);
  process.exit(0);
}

// Work on a copy inside the project so its dependencies resolve from our node_modules.
const work = path.join(outDir, 'work', 'better-sqlite3');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
  fs.cpSync(path.join(source, entry), path.join(work, entry), { recursive: true });
}

const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: work, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });

try {
  console.log(`Fetching prebuilt better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})…`);
  run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--verbose']);
} catch {
  console.log('No prebuilt binary; building from source against Electron headers…');
  try {
    run(bin('node-gyp'), [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
    ], { npm_config_nodedir: '' });
  } catch {
    console.error(
      '\nCould not get better-sqlite3 for Electron: this step needs the network once (GitHub releases or electronjs.org headers).',
    );
    process.exit(1);
  }
}

const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
if (!fs.existsSync(built)) {
  console.error('better-sqlite3 for Electron was not produced; see the output above.');
  process.exit(1);
}
fs.copyFileSync(built, target);
fs.writeFileSync(stampFile, JSON.stringify(stamp));
fs.rmSync(path.join(outDir, 'work'), { recursive: true, force: true });
console.log(`Wrote ${path.relative(root, target)}`);
