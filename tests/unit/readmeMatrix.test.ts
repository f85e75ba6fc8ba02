import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../../electron/shared/permissions';

// The README's permission table is documentation people rely on: keep it equal to the matrix.
test('README permission table matches the matrix in code', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const rows = new Map<string, boolean[]>();
  for (const line of readme.split('\n')) {
    const m = /^\| `([a-z.A-Z]+)` \|[^|]*\|(.*)\|\s*$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!.split('|').map((cell) => cell.trim() === '✓'));
  }
  expect([...rows.keys()].sort()).toEqual([...PERMISSIONS].sort());
  for (const [permission, cells] of rows) {
    ROLES.forEach((role, i) => expect(cells[i], `${role} × ${permission}`).toBe(ROLE_PERMISSIONS[role].includes(permission as never)));
  }
});
