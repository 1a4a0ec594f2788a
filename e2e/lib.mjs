// What every browser test shares: the sailau binary, a free port, starting and stopping
// `sailau serve`, Debian's Chromium through playwright-core, and the check/expect/finish report.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const binary = process.env.SAILAU_BIN ?? join(root, 'target', 'debug', 'sailau');
export const artifacts = join(root, 'e2e', 'artifacts');
mkdirSync(artifacts, { recursive: true });

export const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

// Starts `sailau <args> --addr 127.0.0.1:<port>` and waits for "listening on" (the demo takes
// up to a minute in a debug build on a busy machine); resolves with the child, the demo accounts'
// passwords by username and the output so far.
export function startServer(port, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args, '--addr', `127.0.0.1:${port}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SAILAU_LOG: 'warn' },
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 300 s:\n${out}`)), 300_000);
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('listening on')) {
        clearTimeout(timer);
        const passwords = {};
        for (const m of out.matchAll(/^\s+(\S+)\s+\S+\s+.*password: (\S+)$/gm)) passwords[m[1]] = m[2];
        resolve({ child, passwords, out });
      }
    });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${out}`)); });
  });
}

// `sailau serve --demo` on a fresh demo database in `dataDir`.
export const startDemo = (port, dataDir) => startServer(port, ['serve', '--demo', '--data-dir', dataDir]);

// Stops the server: SIGTERM (graceful), then SIGKILL if it has not exited within 10 s.
export function stopServer(child) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
    const timer = setTimeout(() => {
      console.log('the server did not stop within 10 s of SIGTERM: killed');
      child.kill('SIGKILL');
    }, 10_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

// Debian's Chromium (or $CHROMIUM), headless, without any outside network.
export const launchBrowser = () => chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});

const results = [];

// Runs one named step; a failure is reported and the next step still runs.
export async function check(name, fn) {
  try {
    await fn();
    results.push([name, null]);
    console.log(`ok   ${name}`);
  } catch (e) {
    results.push([name, e]);
    console.log(`FAIL ${name}\n     ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n     ')}`);
  }
}

export function expect(cond, message) { if (!cond) throw new Error(message); }

// Prints the count and exits non-zero when a step failed.
export function finish() {
  const failed = results.filter(([, e]) => e).length;
  console.log(`\n${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
