import path from 'node:path';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveAppFile } from '../../electron/app/appProtocol';
import { originOf } from '../../electron/ipc/router';

const root = path.resolve('/opt/brewline/renderer');

test('app:// maps to files inside the renderer folder only', () => {
  expect(resolveAppFile(root, 'app://brewline/')).toBe(path.join(root, 'index.html'));
  expect(resolveAppFile(root, 'app://brewline/index.html')).toBe(path.join(root, 'index.html'));
  expect(resolveAppFile(root, 'app://brewline/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
});

test('path traversal never escapes the renderer folder', () => {
  for (const url of [
    'app://brewline/../../etc/passwd',
    'app://brewline/%2e%2e/%2e%2e/etc/passwd',
    'app://brewline/assets/..%2f..%2f..%2fetc/passwd',
    'app://brewline/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd',
  ]) {
    const file = resolveAppFile(root, url);
    expect(file === null || file.startsWith(root + path.sep), `${url} → ${file}`).toBe(true);
  }
});

test('other hosts, other schemes, NUL bytes and backslashes are refused', () => {
  for (const url of [
    'app://brewline/..%5c..%5cwindows',
    'app://brewline/a%00.js',
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://brewline/index.html',
    'not a url',
  ]) {
    expect(resolveAppFile(root, url), url).toBeNull();
  }
});

test('the CSP allows only our own scripts', () => {
  expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
});

test('origins of custom schemes are compared by scheme and host', () => {
  expect(originOf('app://brewline/index.html')).toBe('app://brewline');
  expect(originOf('https://brewline.test/x')).toBe('https://brewline.test');
  expect(originOf('about:blank')).toBeNull();
  expect(originOf('garbage')).toBeNull();
});
