// Builds ../noble.js from entry.mjs with the pinned esbuild, @noble/curves and @noble/hashes of
// package-lock.json. Deterministic: the same lock file gives the same bytes.
//
//   npm ci                  install exactly the locked versions
//   npm run bundle          rewrite ../noble.js
//   npm run check-bundle    build into memory and a temporary file, and fail (exit 1) if it
//                           differs from the committed ../noble.js (CI runs this)
//
// The bundle starts with a header naming the packages and versions, the licence notices that
// esbuild collects from the sources (legalComments: 'external', placed in the header here), and
// the MIT licence text of the noble packages; NOTICE beside noble.js says the same.

import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', 'noble.js');
const check = process.argv.includes('--check');

const version = (name) =>
  JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
const pinned = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).devDependencies;
for (const [name, want] of Object.entries(pinned)) {
  const have = version(name);
  if (have !== want) {
    console.error(`${name} ${have} is installed but package.json pins ${want}: run npm ci`);
    process.exit(1);
  }
}

const result = await esbuild.build({
  entryPoints: [join(here, 'entry.mjs')],
  absWorkingDir: here,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  charset: 'utf8',
  legalComments: 'external',
  minify: false,
  treeShaking: true,
  write: false,
  outfile: target,
  logLevel: 'warning',
});

let code = null;
let legal = '';
for (const f of result.outputFiles) {
  if (f.path.endsWith('.LEGAL.txt')) legal = f.text;
  else if (f.path === target) code = f.text;
}
if (code === null) throw new Error('esbuild produced no noble.js');

const licence = readFileSync(join(here, 'node_modules', '@noble', 'curves', 'LICENSE'), 'utf8')
  .trimEnd()
  .split('\n')
  .map((l) => (l ? ` * ${l}` : ' *'))
  .join('\n');
if (readFileSync(join(here, 'node_modules', '@noble', 'hashes', 'LICENSE'), 'utf8') !==
    readFileSync(join(here, 'node_modules', '@noble', 'curves', 'LICENSE'), 'utf8')) {
  throw new Error('the licences of @noble/curves and @noble/hashes differ: update the header');
}

const header = `/*
 * noble.js — GENERATED FILE, do not edit. The cryptographic primitives of the sailau voting
 * client (sailau-vote.js): ristretto255 from @noble/curves ${version('@noble/curves')} and
 * SHA-512 from @noble/hashes ${version('@noble/hashes')}, bundled by esbuild ${version('esbuild')}
 * from build/entry.mjs (regenerate: cd build && npm ci && npm run bundle; CI runs
 * npm run check-bundle). See NOTICE.
 *
 * Licence of @noble/curves and @noble/hashes:
 *
${licence}
 */
${legal
  .trim()
  .split('\n')
  .map((l) => (l.trim() ? `// ${l}` : '//'))
  .join('\n')}

`;
const out = header + code;

if (check) {
  const dir = mkdtempSync(join(tmpdir(), 'sailau-noble-'));
  try {
    const tmp = join(dir, 'noble.js');
    writeFileSync(tmp, out);
    const fresh = readFileSync(tmp, 'utf8');
    const committed = readFileSync(target, 'utf8');
    if (fresh !== committed) {
      const a = committed.split('\n');
      const b = fresh.split('\n');
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      console.error(`noble.js differs from what npm run bundle produces, first at line ${i + 1}:`);
      console.error(`  committed: ${JSON.stringify(a[i] ?? '<end of file>').slice(0, 200)}`);
      console.error(`  built:     ${JSON.stringify(b[i] ?? '<end of file>').slice(0, 200)}`);
      console.error('Regenerate it: cd crates/web/assets/vote/build && npm ci && npm run bundle');
      process.exitCode = 1;
    } else {
      console.log(`noble.js is up to date (${out.length} bytes)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  writeFileSync(target, out);
  console.log(`wrote ${target} (${out.length} bytes)`);
}
