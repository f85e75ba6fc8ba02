import type Database from 'better-sqlite3';

/** Row counts of every table plus a content checksum, to prove a refused call changed nothing. */
export function dbFingerprint(sqlite: Database.Database): Record<string, string> {
  const tables = sqlite
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`)
    .all() as { name: string }[];
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = sqlite.prepare(`select * from "${name}"`).all();
    out[name] = `${rows.length}:${JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)).length}`;
  }
  return out;
}
