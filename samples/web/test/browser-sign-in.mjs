#!/usr/bin/env node
// Drives the built sample page in headless Chromium (Debian's chromium, through playwright-core,
// pinned) and reports what a person would see, as one JSON line on stdout:
// a sign-up with a refused email domain, a sign-in, the tenant, groups and GET /me shown, a
// screenshot of the signed-in page, and sign-out clearing the session. The caller asserts.
//
//   node samples/web/test/browser-sign-in.mjs --site DIR --origin http://localhost:5173 --username U \
//     --password P --refused-email x@elsewhere.test --screenshot artifacts/web/signed-in.png
//
// The page is served at --origin (an origin the stage's API allows by CORS).
//
// Exit 0 with the report; 1 when the page could not be driven (the error on stderr); 2 bad arguments.
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    site: { type: 'string' }, origin: { type: 'string', default: 'http://localhost:5173' }, username: { type: 'string' }, password: { type: 'string' },
    'refused-email': { type: 'string' }, screenshot: { type: 'string' }, chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
for (const required of ['site', 'username', 'password', 'refused-email', 'screenshot']) {
  if (!values[required]) {
    console.error(`browser-sign-in: give --${required}`);
    process.exit(2);
  }
}
if (!existsSync(values.chromium)) {
  console.error(`browser-sign-in: no Chromium at ${values.chromium}; install Debian's chromium package (./build.sh test does)`);
  process.exit(2);
}

const siteDir = resolve(values.site);
const origin = new URL(values.origin);
if (origin.protocol !== 'http:' || !['localhost', '127.0.0.1'].includes(origin.hostname) || !origin.port) {
  console.error(`browser-sign-in: --origin ${values.origin} is not http://localhost:PORT`);
  process.exit(2);
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const server = createServer((request, response) => {
  const path = normalize(new URL(request.url, 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
  const file = join(siteDir, path === '/' ? 'index.html' : path);
  if (!file.startsWith(siteDir) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
// No host: both 127.0.0.1 and ::1, whichever "localhost" is for Chromium.
await new Promise((done, failed) => server.once('error', failed).listen(Number(origin.port), done));
const site = `${origin.origin}/`;

const browser = await chromium.launch({ executablePath: values.chromium, args: ['--no-sandbox', '--disable-gpu'] });
const consoleErrors = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const status = async (text) => page.waitForFunction((t) => document.getElementById('status')?.textContent === t, text, { timeout: 20000 });

  await page.goto(site);
  await status('Signed out.');

  await page.fill('#sign-up [name=username]', `refused-${Date.now()}`);
  await page.fill('#sign-up [name=email]', values['refused-email']);
  await page.fill('#sign-up [name=password]', values.password);
  await page.click('#sign-up button');
  await page.waitForSelector('#error:not([hidden])', { timeout: 20000 });
  const refused = await page.textContent('#error');

  await page.fill('#sign-in [name=username]', values.username);
  await page.fill('#sign-in [name=password]', values.password);
  await page.click('#sign-in button');
  await status('Signed in.').catch(async (error) => {
    throw new Error(`not signed in: ${await page.textContent('#error')} (${error.message})`);
  });
  const shown = {
    user: await page.textContent('#user'),
    tenant: await page.textContent('#tenant'),
    groups: await page.textContent('#groups'),
    me: await page.textContent('#me'),
    formsVisible: await page.isVisible('#sign-in'),
  };
  mkdirSync(dirname(values.screenshot), { recursive: true });
  await page.screenshot({ path: values.screenshot, fullPage: true });

  await page.click('#sign-out');
  await status('Signed out.');
  const tokensLeft = await page.evaluate(() => Object.keys(localStorage).filter((k) => /(idToken|accessToken|refreshToken)$/.test(k)));

  const afterSignOut = { status: await page.textContent('#status'), tokensLeft, formsVisible: await page.isVisible('#sign-in'), accountVisible: await page.isVisible('#signed-in') };
  console.log(JSON.stringify({ refused, ...shown, afterSignOut, consoleErrors }));
} catch (error) {
  console.error(`browser-sign-in: ${error.message}; page errors: ${JSON.stringify(consoleErrors)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
