// Browser smoke test: start `sailau serve --demo`, open the home page in the three languages,
// sign in as the demo administrator, add a polling station through the form, and see it listed
// and in the public ledger. Drives Debian's Chromium with playwright-core (no browser download).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, check, expect, finish, freePort, launchBrowser, startDemo } from './lib.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'sailau-e2e-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const { child, passwords } = await startDemo(port, dataDir);
const browser = await launchBrowser();

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  const headings = {};
  for (const lang of ['ru', 'kk', 'en']) {
    await check(`home page in ${lang}`, async () => {
      const response = await page.goto(`${base}/?lang=${lang}`);
      expect(response.status() === 200, `status ${response.status()}`);
      expect(await page.getAttribute('html', 'lang') === lang, `html lang is not ${lang}`);
      const h1 = (await page.textContent('h1')).trim();
      expect(h1.length > 0, 'no heading');
      headings[lang] = h1;
      const body = await page.textContent('body');
      expect(/1[\s\u00a0 ,.]?491/.test(body), 'the 1,491 polling stations are not shown');
      if (lang === 'kk') expect(/[әғқңөұүһі]/.test(body), 'no Kazakh letters on the Kazakh page');
      await page.screenshot({ path: join(artifacts, `home-${lang}.png`), fullPage: true });
    });
  }
  await check('the three languages differ and the choice is remembered', async () => {
    expect(new Set(Object.values(headings)).size === 3, `headings: ${JSON.stringify(headings)}`);
    await page.goto(`${base}/territories`);
    expect(await page.getAttribute('html', 'lang') === 'en', 'language not remembered');
  });

  await check('log in as the demo administrator', async () => {
    expect(passwords.admin, 'no admin password printed at start');
    await page.goto(`${base}/login`);
    await page.fill('#f-username', 'admin');
    await page.fill('#f-password', passwords.admin);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
    const body = await page.textContent('body');
    expect(body.includes('admin'), 'the signed-in user is not shown');
    expect(!page.url().includes('/login'), `still on ${page.url()}`);
  });

  const number = '9876';
  await check('add a polling station through the form', async () => {
    await page.goto(`${base}/territories/155200000`);
    await page.fill('#f-number', number);
    await page.fill('#f-address', 'с. Уил, ул. Абая, 1, e2e');
    await page.fill('#f-voters', '321');
    await Promise.all([
      page.waitForNavigation(),
      page.click('form[action^="/territories/155200000/precincts"] button[type=submit]'),
    ]);
    await page.goto(`${base}/territories/155200000`);
    const rows = await page.textContent('main');
    expect(rows.includes(number), `precinct ${number} is not listed`);
    await page.screenshot({ path: join(artifacts, 'territory.png'), fullPage: true });
  });

  await check('the new polling station is in the public ledger', async () => {
    await page.goto(`${base}/ledger`);
    const text = await page.textContent('main');
    expect(text.includes(number), 'the ledger does not show the new entry');
    await page.screenshot({ path: join(artifacts, 'ledger.png'), fullPage: true });
  });

  await check('an invalid form shows the error next to the field and writes nothing', async () => {
    await page.goto(`${base}/territories/155200000`);
    const submit = 'form[action^="/territories/155200000/precincts"] button[type=submit]';
    await page.fill('#f-number', '9877');
    await page.fill('#f-address', 'ул. Абая, 2');
    await page.fill('#f-voters', 'abc');
    await Promise.all([page.waitForNavigation(), page.click(submit)]);
    expect(await page.getAttribute('#f-voters', 'aria-invalid') === 'true', 'voters not marked invalid');
    const message = await page.textContent(`#${await page.getAttribute('#f-voters', 'aria-describedby').then((v) => v.split(' ').pop())}`);
    expect(message.trim().length > 0, 'no message next to voters');
    await page.fill('#f-number', number);
    await page.fill('#f-voters', '10');
    await Promise.all([page.waitForNavigation(), page.click(submit)]);
    expect(await page.getAttribute('#f-number', 'aria-invalid') === 'true', 'a taken number is not marked invalid');
    await page.screenshot({ path: join(artifacts, 'invalid.png'), fullPage: true });
    await page.goto(`${base}/ledger`);
    // The number as a number, not four digits inside an entry's hash.
    const ledger = await page.textContent('main');
    const found = ledger.match(/(?<![0-9a-f])9877(?![0-9a-f])/);
    const at = found ? found.index : -1;
    expect(at < 0, `a refused command reached the ledger: …${ledger.slice(Math.max(0, at - 120), at + 40)}…`);
  });
} finally {
  await browser.close();
  child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}

finish();
