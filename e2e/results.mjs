// Browser test of election night (issue 12, item 10): on `sailau serve --demo`, the demo's
// precinct commission enters its precinct's protocol with numbers that fail a control relation
// (the relation's message and numbers appear next to the field as it types), corrects them and
// submits; in a second browser context the public unit results page shows the new numbers
// without a reload (server-sent events). In Russian, Kazakh and English (the second and third
// submissions amend the accepted protocol, with a reason); with JavaScript off the server refuses
// the same way. Drives Debian's Chromium with playwright-core.
//
// The demo's 5 Nov 2023 election has closed its polls long ago on the real clock, so protocols
// can be entered; whether the demo already holds a protocol for the precinct or not, the form is
// the same (an amendment then needs a reason).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, check, expect, finish, freePort, launchBrowser, startDemo } from './lib.mjs';

// The form's inputs have dots in their ids (`f-fields.ballots_received`).
const field = (page, name) => page.locator(`[id="f-${name}"]`);

// Per language: the relation's message, the voters on the list typed (so each submission gives
// a turnout of its own: 750 ballots issued), and that turnout as the public page writes it.
const runs = [
  { lang: 'ru', relation: 'Число полученных бюллетеней должно равняться сумме выданных и погашенных', voters: '2000', turnout: '37,50%', reason: 'ошибка при вводе' },
  { lang: 'kk', relation: 'Алынған бюллетеньдер саны берілген және жойылған бюллетеньдердің қосындысына тең болуы тиіс', voters: '2500', turnout: '30,00%', reason: 'енгізу қатесі' },
  { lang: 'en', relation: 'Ballots received must equal ballots issued plus ballots cancelled', voters: '4000', turnout: '18.75%', reason: 'a typing error' },
];

// Fills the protocol: 1000 received, 700 + 50 issued, `cancelled` cancelled (200 fails the
// balance: 950 ≠ 1000; 250 holds), 700 found = 10 invalid + 20 against all + 670 for the first
// candidate (0 for the others).
async function fill(page, voters, cancelled) {
  await field(page, 'fields.voters_on_list').fill(voters);
  await field(page, 'fields.ballots_received').fill('1000');
  await field(page, 'fields.issued_inside').fill('700');
  await field(page, 'fields.issued_outside').fill('50');
  await field(page, 'fields.issued_absentee').fill('0');
  await field(page, 'fields.found_in_boxes').fill('700');
  await field(page, 'fields.invalid').fill('10');
  await field(page, 'fields.against_all').fill('20');
  const candidates = await page.locator('input[name^="candidates."]').all();
  expect(candidates.length > 0, 'no candidate lines on the form');
  for (const [i, c] of candidates.entries()) await c.fill(i === 0 ? '670' : '0');
  await field(page, 'fields.cancelled').fill(cancelled);
}

const dataDir = mkdtempSync(join(tmpdir(), 'sailau-e2e-results-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const { child, passwords } = await startDemo(port, dataDir);
const browser = await launchBrowser();

async function signIn(page, user) {
  await page.goto(`${base}/login?lang=ru`);
  await page.fill('#f-username', user);
  await page.fill('#f-password', passwords[user]);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
  expect(!page.url().includes('/login'), `still on ${page.url()}`);
}

try {
  const operator = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await operator.newPage();
  const publicContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const watcher = await publicContext.newPage();
  let protocolUrl = '';
  let unitUrl = '';

  await check('the precinct commission finds its precinct from its account', async () => {
    expect(passwords.precinct, 'no precinct commission password printed at start');
    await signIn(page, 'precinct');
    await page.goto(`${base}/account?lang=ru`);
    const days = await page.locator('#election-day a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(days.length > 0, 'the account links no election day');
    for (const day of days) {
      await page.goto(`${base}${day}?lang=ru`);
      const link = page.locator('a[href$="/protocol"]').first();
      if (await link.count()) {
        protocolUrl = await link.getAttribute('href');
        unitUrl = await page.locator('a[href*="/results/contests/"]').first().getAttribute('href');
        break;
      }
    }
    expect(protocolUrl, 'no precinct with a protocol form');
    expect(unitUrl, 'no link to the unit results');
  });

  for (const run of runs) {
    await check(`[${run.lang}] a protocol that fails a relation shows it next to the field as it is typed`, async () => {
      await watcher.goto(`${base}${unitUrl}?lang=${run.lang}`);
      const before = await watcher.textContent('#results');
      expect(!before.includes(run.turnout), `the unit page already shows ${run.turnout}`);
      await page.goto(`${base}${protocolUrl}?lang=${run.lang}`);
      await fill(page, run.voters, '200');
      const live = page.locator('.live-error[data-relation="received_balance"]');
      await live.waitFor({ timeout: 5_000 });
      const text = await live.textContent();
      expect(text.includes(run.relation), `the relation's message: ${text}`);
      expect(text.includes('1000') && text.includes('950'), `the numbers: ${text}`);
      // It stands next to the field of ballots received, where the server puts it too.
      const holder = await live.evaluate((p) => p.parentNode.querySelector('input')?.id);
      expect(holder === 'f-fields.ballots_received', `next to ${holder}`);
      await page.screenshot({ path: join(artifacts, `results-relation-${run.lang}.png`), fullPage: true });
    });

    await check(`[${run.lang}] corrected and saved; the public unit page follows without a reload`, async () => {
      await field(page, 'fields.cancelled').fill('250');
      expect(await page.locator('.live-error').count() === 0, 'an error is still shown after the correction');
      if (await page.locator('#f-reason').count()) await page.fill('#f-reason', run.reason);
      const marker = await watcher.evaluate(() => { window.__notReloaded = true; return true; });
      expect(marker, 'no marker');
      await Promise.all([page.waitForNavigation(), page.click('#protocol-form button[type=submit]')]);
      expect(page.url().includes('saved='), `not saved: ${page.url()}\n${(await page.textContent('main')).replace(/\s+/g, ' ').slice(0, 1500)}`);
      await watcher.waitForFunction((t) => document.querySelector('#results').textContent.includes(t), run.turnout, { timeout: 15_000 });
      expect(await watcher.evaluate(() => window.__notReloaded === true), 'the public page was reloaded');
      await watcher.screenshot({ path: join(artifacts, `results-unit-${run.lang}.png`), fullPage: true });
    });
  }

  await check('with JavaScript off the server refuses with the relation next to the field', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await operator.storageState() });
    const p = await noJs.newPage();
    await p.goto(`${base}${protocolUrl}?lang=ru`);
    await fill(p, '3000', '200');
    if (await p.locator('#f-reason').count()) await p.fill('#f-reason', 'проверка без скриптов');
    await Promise.all([p.waitForNavigation(), p.click('#protocol-form button[type=submit]')]);
    const error = await p.locator('[id="f-fields.ballots_received-error"]').textContent();
    expect(error.includes(runs[0].relation) && error.includes('950'), `server error: ${error}`);
    await noJs.close();
  });
} finally {
  await browser.close();
  child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}

finish();
