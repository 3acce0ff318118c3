// The studio's request checks, table-driven: loopback hosts, the studio's own origin, and paths
// that try to leave the served folders (.., encoded .., NUL, symlinks out).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPath, checkRequest, isLoopbackHostname, parseHost, resolveInside } from '../../src/studio/security';

describe('loopback hosts', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['[::1]', true],
    ['127.0.0.256', false],
    ['evil.example', false],
    ['localhost.evil.example', false],
    ['10.0.0.5', false],
    ['0.0.0.0', false],
    ['192.168.1.2', false],
  ])('%s → %s', (h, ok) => expect(isLoopbackHostname(h)).toBe(ok));

  it('splits Host headers', () => {
    expect(parseHost('127.0.0.1:3210')).toEqual({ hostname: '127.0.0.1', port: 3210 });
    expect(parseHost('[::1]:80')).toEqual({ hostname: '::1', port: 80 });
    expect(parseHost('localhost')).toEqual({ hostname: 'localhost', port: undefined });
    expect(parseHost(undefined)).toBeUndefined();
  });
});

describe('checkRequest', () => {
  const port = 3210;
  it.each([
    [{ host: '127.0.0.1:3210' }, true],
    [{ host: 'localhost:3210', origin: 'http://localhost:3210' }, true],
    [{ host: '127.0.0.1:3210', origin: 'http://127.0.0.1:3210' }, true],
    [{ host: 'evil.example:3210' }, false],
    [{}, false],
    [{ host: '127.0.0.1:3210', origin: 'http://evil.example' }, false],
    [{ host: '127.0.0.1:3210', origin: 'http://127.0.0.1:9999' }, false],
    [{ host: '127.0.0.1:3210', origin: 'https://127.0.0.1:3210' }, false],
    [{ host: '127.0.0.1:3210', origin: 'null' }, false],
  ])('%j → %s', (headers, ok) => expect(checkRequest(headers, port).ok).toBe(ok));
});

describe('served paths', () => {
  let dir: string;
  let app: string;
  let outside: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kino-sec-'));
    app = path.join(dir, 'app');
    outside = path.join(dir, 'secret');
    fs.mkdirSync(app);
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(app, 'main.tsx'), 'ok');
    fs.writeFileSync(path.join(outside, 'key.txt'), 'secret');
    fs.symlinkSync(path.join(outside, 'key.txt'), path.join(app, 'link-out.txt'));
    fs.symlinkSync(outside, path.join(app, 'dir-out'));
    fs.symlinkSync(path.join(app, 'main.tsx'), path.join(app, 'link-in.tsx'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves files inside, and ids that are not files', () => {
    const roots = { appDir: app, allow: [app] };
    expect(checkPath('/main.tsx?v=1', roots).ok).toBe(true);
    expect(checkPath('/link-in.tsx', roots).ok).toBe(true);
    expect(checkPath(`/@fs${app}/main.tsx`, roots).ok).toBe(true);
    expect(checkPath('/@vite/client', roots).ok).toBe(true);
    expect(checkPath('/no/such/module.ts', roots).ok).toBe(true);
  });

  it.each(['/../secret/key.txt', '/%2e%2e/secret/key.txt', '/..%2fsecret%2fkey.txt', '/a/%2E%2E/%2E%2E/etc/passwd', '/__kino/out/..%2F..%2Fetc%2Fpasswd', '/main.tsx%00.png', '/%E0%A4%A'])('refuses %s', (url) => {
    expect(checkPath(url, { appDir: app, allow: [app] }).ok).toBe(false);
  });

  it('refuses symlinks that lead out, and /@fs/ outside the allowed folders', () => {
    const roots = { appDir: app, allow: [app] };
    expect(checkPath('/link-out.txt', roots)).toEqual({ ok: false, reason: 'the file lies outside the served folders' });
    expect(checkPath('/dir-out/key.txt', roots).ok).toBe(false);
    expect(checkPath(`/@fs${outside}/key.txt`, roots).ok).toBe(false);
    expect(checkPath('/@fs/etc/passwd', roots).ok).toBe(false);
  });

  it('resolveInside keeps to its root', () => {
    expect(resolveInside(app, 'main.tsx')).toBe(fs.realpathSync(path.join(app, 'main.tsx')));
    expect(resolveInside(app, 'link-in.tsx')).toBe(fs.realpathSync(path.join(app, 'main.tsx')));
    for (const bad of ['../secret/key.txt', '..%2fsecret%2fkey.txt', 'link-out.txt', 'dir-out/key.txt', '/etc/passwd', '%00', 'missing.txt']) expect(resolveInside(app, bad)).toBeUndefined();
  });
});
