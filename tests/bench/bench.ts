// `npm run bench` (`-- --quick` for small sizes): performance figures against DESIGN.md §6.
// Every figure goes through the real router (validation, session, permission, transaction) on a
// real SQLite file with the app's pragmas; ratios are judged against a floor measured in the same
// loop (counter.ts, floor.ts). Absolute times on a shared 2-core machine are noise; ratios are not.
import { performance } from 'node:perf_hooks';
import { ensureBigDb } from './bigDb';
import { bigDbFigures } from './bigFigures';
import { addToCartFigures, interleavedCheckouts, setUpCounter, standardSpecs } from './counter';
import { menuFigures } from './menu';
import { shiftFigures } from './shiftFigures';
import { fileSystemOf, machine, QUICK, SIZES, Table } from './report';
import { rendererColdLoad } from './renderer';

/** `npm run bench -- --only=shifts,scale` runs those sections only (counter, menu, scale, shifts, renderer). */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const runs = (section: string): boolean => !ONLY || ONLY.includes(section);

async function main(): Promise<void> {
  const began = performance.now();
  const loadBefore = machine();
  const table = new Table();
  console.log(`Brewline bench${QUICK ? ' (quick)' : ''}: ${SIZES.iterations} samples per figure, ${SIZES.bigOrders.toLocaleString('en')} orders for the scale figures`);

  // First, before anything in this process stamps "now": db/ids is monotonic per process, and
  // the generator stamps two years of history.
  const big = await ensureBigDb(SIZES.bigOrders);

  const { t, items } = await setUpCounter();
  const fileSystem = fileSystemOf(t.dir);
  const journal = `journal_mode=${String(t.core.sqlite.pragma('journal_mode', { simple: true }))}, synchronous=${['OFF', 'NORMAL', 'FULL', 'EXTRA'][t.core.sqlite.pragma('synchronous', { simple: true }) as number]}`;
  try {
    if (runs('counter')) {
      console.log('\nCounter, fresh database:');
      await addToCartFigures(t, items, table);
      await interleavedCheckouts(t, standardSpecs(items), table);
    }
  } finally {
    t.close();
  }
  if (runs('menu')) {
    console.log('\nMenu, 2,000 items and 100 modifier groups:');
    await menuFigures(table);
  }
  if (runs('scale')) {
    console.log(`\nScale (${SIZES.bigOrders.toLocaleString('en')} orders${big.generatedInS === null ? ', cached' : `, generated in ${big.generatedInS.toFixed(0)} s`}):`);
    await bigDbFigures(big, table);
  }
  if (runs('shifts')) {
    console.log(`\nShifts, Z close and refunds (${SIZES.bigOrders.toLocaleString('en')} orders):`);
    await shiftFigures(big, table);
  }
  if (runs('renderer')) {
    console.log('\nRenderer:');
    await rendererColdLoad(table);
  }

  table.print(
    [
      `Brewline bench${QUICK ? ' (quick)' : ''} — ${((performance.now() - began) / 1000).toFixed(0)} s`,
      `database: ${fileSystem}; ${journal} (router and floor alike)`,
      `machine: ${loadBefore} at start, ${machine().replace(/^\d+ CPUs, /, '')} at end`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
