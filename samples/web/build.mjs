#!/usr/bin/env node
// Builds the sample page into one folder: index.html, style.css and app.js bundled with Amplify JS
// (esbuild, pinned). Copy amplify_outputs.json beside them and serve the folder.
//
//   node samples/web/build.mjs --out DIR
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: join(here, 'dist') } } });
mkdirSync(values.out, { recursive: true });
await build({
  entryPoints: [join(here, 'app.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  outfile: join(values.out, 'app.js'),
  logLevel: 'warning',
});
for (const file of ['index.html', 'style.css']) copyFileSync(join(here, file), join(values.out, file));
console.log(`sample web: built into ${values.out}`);
