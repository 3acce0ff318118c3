// The studio is a local tool that can run code and write files, so the server trusts only this
// machine: it binds 127.0.0.1, and every request (HTTP or websocket upgrade) must name a loopback
// host and, when the browser sends an Origin, come from the studio's own origin. The Host check
// defeats DNS rebinding (evil.example resolving to 127.0.0.1 still sends `Host: evil.example`); the
// Origin check stops other sites, and other local servers on other ports, from driving the studio
// (starting renders over the control websocket). Files are served only from inside known roots,
// after resolving symlinks.

import fs from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';

/** localhost, 127.0.0.0/8 and ::1 (as written in a Host header or a URL). */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return !!m && m.slice(1).every((x) => Number(x) <= 255);
}

/** Splits a Host header into hostname and port ("[::1]:5173" → ["::1", 5173]). */
export function parseHost(host: string | undefined): { hostname: string; port?: number } | undefined {
  if (!host) return undefined;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.trim());
  if (!m) return undefined;
  return { hostname: m[1].replace(/^\[|\]$/g, ''), port: m[2] ? Number(m[2]) : undefined };
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * Host must be loopback; Origin, when present, must be the studio itself (http, loopback host,
 * the studio's port). Requests without Origin (address bar, curl, same-origin GETs) pass on Host.
 */
export function checkRequest(headers: IncomingMessage['headers'], port: number): Verdict {
  const host = parseHost(headers.host);
  if (!host || !isLoopbackHostname(host.hostname)) return { ok: false, reason: `Host "${headers.host ?? ''}" is not this machine` };
  const origin = headers.origin;
  if (origin !== undefined) {
    let u: URL;
    try {
      u = new URL(origin);
    } catch {
      return { ok: false, reason: `Origin "${origin}" is not a URL` };
    }
    const originPort = u.port ? Number(u.port) : u.protocol === 'http:' ? 80 : 443;
    if (u.protocol !== 'http:' || !isLoopbackHostname(u.hostname) || originPort !== port) return { ok: false, reason: `Origin "${origin}" is not the studio` };
  }
  return { ok: true };
}

export interface ServedRoots {
  /** The folder URLs without a prefix map to (Vite's root). */
  appDir: string;
  /** Folders anything may be served from (after resolving symlinks). */
  allow: string[];
}

function inside(file: string, roots: string[]): boolean {
  return roots.some((r) => {
    const root = r.replace(/[\\/]+$/, '');
    return file === root || file.startsWith(root + path.sep);
  });
}

/**
 * Refuses URL paths that climb (`..`, also percent-encoded), carry NUL bytes, or name a file —
 * under the app folder or through Vite's `/@fs/` — whose real path (symlinks resolved) lies
 * outside the allowed folders. Vite's own fs.allow check sees paths as written; this one sees
 * where a symlink really leads.
 */
export function checkPath(url: string | undefined, roots: ServedRoots): Verdict {
  const raw = (url ?? '/').split(/[?#]/)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false, reason: 'the path is not valid percent-encoding' };
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).some((seg) => seg === '..')) return { ok: false, reason: 'the path leaves the served folders' };
  if (decoded.startsWith('/__kino/') || decoded.startsWith('/@vite/') || decoded.startsWith('/@id/') || decoded === '/@react-refresh') return { ok: true };
  const file = decoded.startsWith('/@fs/') ? decoded.slice(4) : path.join(roots.appDir, decoded);
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return { ok: true }; // not a file: Vite answers (a module id, the SPA page, or a 404)
  }
  const allowed = roots.allow.map((r) => {
    try {
      return fs.realpathSync(r);
    } catch {
      return path.resolve(r);
    }
  });
  return inside(real, allowed) ? { ok: true } : { ok: false, reason: 'the file lies outside the served folders' };
}

/** Connect middleware: 403 for anything `checkRequest` or `checkPath` refuses. Install it before everything else. */
export function guardMiddleware(port: () => number, roots: ServedRoots) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    let v = checkRequest(req.headers, port());
    if (v.ok) v = checkPath(req.url, roots);
    if (v.ok) return next();
    res.statusCode = 403;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(`Forbidden: ${v.reason}.\n`);
  };
}

/**
 * Puts the same check in front of every websocket upgrade (Vite's HMR socket carries the studio's
 * control messages). The existing listeners run only for accepted requests.
 */
export function guardUpgrades(server: Server, port: () => number): void {
  const listeners = server.listeners('upgrade') as Array<(req: IncomingMessage, socket: Duplex, head: Buffer) => void>;
  server.removeAllListeners('upgrade');
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const v = checkRequest(req.headers, port());
    if (!v.ok) {
      socket.on('error', () => {});
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nForbidden: ${v.reason}.\r\n`);
      return;
    }
    for (const l of listeners) l.call(server, req, socket, head);
  });
}

/**
 * The real path of `rel` (a URL path, percent-decoded here) inside `root`, or undefined when it
 * escapes: `..` segments, NUL bytes, absolute paths, or a symlink (anywhere on the way) that
 * leads out of the root.
 */
export function resolveInside(root: string, rel: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).some((s) => s === '..') || path.isAbsolute(decoded.replace(/^[\\/]+/, '')) || /^[a-zA-Z]:/.test(decoded)) return undefined;
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return undefined;
  }
  const joined = path.resolve(realRoot, decoded.replace(/^[\\/]+/, ''));
  let real: string;
  try {
    real = fs.realpathSync(joined);
  } catch {
    return undefined;
  }
  return real === realRoot || real.startsWith(realRoot + path.sep) ? real : undefined;
}
