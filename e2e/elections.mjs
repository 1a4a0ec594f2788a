// Browser test of the elections pages (issue 11, item 11): a territorial commission calls an
// election, enters a self-nomination, imports signature sheets and sees a duplicate flagged,
// registers the candidate, downloads the ballot PDF; after its deadline the form is not offered and
// the page says when the period ended, in the reader's language (the server's refusal of a late
// submission is tested in the web crate's integration tests).
//
// An election's windows are days apart, so the server runs on a simulated clock: `sailau serve
// --clock-start INSTANT` starts its clock at a chosen instant (every page then shows a banner),
// and the test restarts it later in the calendar on the same data directory (sessions and the
// ledger are in the database). Drives Debian's Chromium with playwright-core, like smoke.mjs.
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, check, expect, finish, freePort, launchBrowser, startServer as serve, stopServer } from './lib.mjs';

// Starts `sailau serve` at the instant `at` (RFC 3339), the clock running from it.
// The first start loads the demo (`--demo` recreates its database at every start); later starts
// serve the same database and key.
function startServer(port, dataDir, at, demo) {
  const args = ['serve', '--clock-start', at];
  if (demo) args.push('--demo', '--data-dir', dataDir);
  else args.push('--database-url', `sqlite:${join(dataDir, 'demo.db')}`, '--ledger-key', join(dataDir, 'demo-ledger.key'));
  return serve(port, args);
}

// A valid IIN (Decree No. 406: weights 1..11, then 3..11,1,2 when the remainder is 10) of a man
// born on 2 Jan 1980, from serial `n` on (serials without a check digit are skipped).
function iin(n) {
  for (;;) {
    const first = `8001023${String(n).padStart(4, '0')}`;
    const d = [...first].map(Number);
    const pass = (w) => d.reduce((s, x, i) => s + x * w[i], 0) % 11;
    let r = pass([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if (r === 10) r = pass([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    if (r < 10) return { iin: `${first}${r}`, next: n + 1 };
    n += 1;
  }
}

// Signature sheets with `valid` distinct signers of the unit, then the first signer again.
function sheets(valid, unit, signedOn) {
  const rows = ['sheet,line,surname,given_name,patronymic,iin,address,territory_code,signed_on'];
  let n = 1;
  let first = '';
  for (let i = 0; i < valid; i += 1) {
    const g = iin(n);
    n = g.next;
    if (!first) first = g.iin;
    rows.push(`${Math.floor(i / 20) + 1},${(i % 20) + 1},Иванов,Иван,Иванович,${g.iin},"ул. Абая, ${i + 1}",${unit},${signedOn}`);
  }
  rows.push(`${Math.floor(valid / 20) + 1},${(valid % 20) + 1},Иванов,Иван,Иванович,${first},"ул. Абая, 1",${unit},${signedOn}`);
  return rows.join('\n') + '\n';
}


// The calendar of the test election (kz-akim-district-2023, Akmola region, Asia/Almaty: UTC+5 since 1 Mar 2024):
// called on 3 Mar 2025, election day 11 May 2025 (E−69 ≥ E−50); nomination from 4 Mar 00:00 to
// E−31 24:00 = 10 Apr; registration until E−26 18:00 = 15 Apr 18:00.
const CALL_AT = '2025-03-03T05:00:00Z';
const NOMINATE_AT = '2025-03-05T05:00:00Z';
const AFTER_REGISTRATION_AT = '2025-04-16T05:00:00Z';
const ELECTION_DAY = '2025-05-11';
const UNIT = process.env.E2E_UNIT ?? '113200000'; // Akkol District, in the demo commission's region (Akmola, the first by name)

const dataDir = mkdtempSync(join(tmpdir(), 'sailau-e2e-el-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let server = await startServer(port, dataDir, CALL_AT, true);
const passwords = server.passwords;
const browser = await launchBrowser();

const submit = (page, selector) => Promise.all([page.waitForNavigation(), page.click(selector)]);

async function signIn(page, user) {
  await page.goto(`${base}/login?lang=ru`);
  await page.fill('#f-username', user);
  await page.fill('#f-password', passwords[user]);
  await submit(page, 'form[action="/login"] button[type=submit]');
  expect(!page.url().includes('/login'), `still on ${page.url()}`);
}

// Restarts the server at `at` on the same database and signs the commission in again (its
// session's twelve hours have passed on the server's clock).
async function restartAt(page, at) {
  await stopServer(server.child);
  server = await startServer(port, dataDir, at, false);
  await signIn(page, 'territorial');
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  let electionUrl = '';
  let contestUrl = '';
  let nominationUrl = '';

  await check('the commission signs in', async () => {
    expect(passwords.territorial, 'no territorial commission password printed at start');
    await signIn(page, 'territorial');
  });

  await check('call an election: the calendar is in the region\'s local time', async () => {
    await page.goto(`${base}/elections`);
    await submit(page, 'a[href="/elections/call"]');
    await page.fill('#f-name_ru', 'Выборы акима Аккольского района (тест)');
    await page.fill('#f-name_kk', 'Аққөл ауданы әкімінің сайлауы (тест)');
    await page.selectOption('#f-ruleset', 'kz-akim-district-2023');
    await page.fill('#f-election_day', ELECTION_DAY);
    await page.fill('#f-units', UNIT);
    await submit(page, 'form[action="/elections/call"] button[type=submit]');
    const main = await page.textContent('main');
    expect(page.url().match(/\/elections\/[0-9a-f-]{36}/), `not on the election page: ${page.url()}\n${main.replace(/\s+/g, " ").slice(0, 3000)}`);
    expect(main.includes('Календарь выборов'), 'no calendar');
    expect(main.includes('15.04.2025 в 18:00'), 'the registration deadline is not shown in local time');
    expect(main.includes('UTC+5'), 'the local offset is not named');
    const banner = await page.textContent('#simulated-clock');
    expect(banner.includes('2025-03-03 05:00 UTC'), `the simulated clock is not announced: ${banner}`);
    await page.screenshot({ path: join(artifacts, 'election.png'), fullPage: true });
    electionUrl = new URL(page.url()).pathname;
    contestUrl = await page.getAttribute('#contests tbody a', 'href');
    expect(contestUrl, 'no contest link');
  });

  await check('the election page in Kazakh and English', async () => {
    for (const [lang, title, deadline, clock] of [
      ['kk', 'Сайлау күнтізбесі', '15.04.2025 ж. сағат 18:00', 'Уақыт имитациясы'],
      ['en', 'Election calendar', '15 Apr 2025 at 18:00', 'Simulated clock'],
    ]) {
      await page.goto(`${base}${electionUrl}?lang=${lang}`);
      const main = await page.textContent('main');
      expect(main.includes(title), `${lang}: no calendar`);
      expect(main.includes(deadline), `${lang}: the registration deadline is not shown as ${deadline}`);
      expect((await page.textContent('#simulated-clock')).includes(clock), `${lang}: no simulated clock banner`);
    }
    await page.goto(`${base}${electionUrl}?lang=ru`);
  });

  // Two days later: nomination is open.
  await restartAt(page, NOMINATE_AT);

  await check('the commission enters a self-nomination', async () => {
    await page.goto(`${base}${contestUrl}`);
    await submit(page, `a[href="${contestUrl}/self-nomination"]`);
    await page.fill('#f-surname', 'Тестов');
    await page.fill('#f-given_name', 'Ерлан');
    await page.fill('#f-patronymic', 'Серикович');
    await page.fill('#f-birth_date', '1980-04-12');
    await page.selectOption('#f-gender', 'male');
    await page.fill('#f-current_post', 'директор школы');
    await page.fill('#f-residence', 'с. Карааул, ул. Абая, 1');
    for (const box of await page.$$('input[type=checkbox][name^="qual_"]')) await box.check();
    await submit(page, 'main form button[type=submit]');
    nominationUrl = new URL(page.url()).pathname;
    expect(nominationUrl.match(/\/elections\/nominations\/[0-9a-f-]{36}/), `not on the nomination page: ${page.url()}`);
    expect((await page.textContent('#status')).includes('выдвинут'), 'status is not «выдвинут»');
  });

  await check('signature sheets: a duplicate IIN is flagged', async () => {
    await page.goto(`${base}${contestUrl}`);
    const needed = (await page.textContent('main')).match(/не менее ([\d\s\u00a0]+) подпис/);
    expect(needed, 'the contest does not say how many signatures are needed');
    const required = Number(needed[1].replace(/[\s\u00a0]/g, ''));
    const sheet = join(dataDir, 'sheets.csv');
    writeFileSync(sheet, sheets(required + 1, UNIT, '2025-03-05'));
    await page.goto(`${base}${nominationUrl}`);
    await page.setInputFiles('#f-file', sheet);
    await submit(page, 'form[action$="/signatures#signatures"] button[type=submit]');
    const section = await page.textContent('#signatures');
    expect(section.includes('повторная подпись'), `no duplicate flagged:\n${section.slice(0, 1500)}`);
    expect(section.includes('Подписей достаточно'), `the signatures are not enough:\n${section.slice(0, 1500)}`);
    await page.screenshot({ path: join(artifacts, 'signatures.png'), fullPage: true });
  });

  await check('documents, deposit and registration', async () => {
    await page.goto(`${base}${nominationUrl}`);
    for (;;) {
      const button = await page.$('#documents form button[type=submit]');
      if (!button) break;
      await Promise.all([page.waitForNavigation(), button.click()]);
    }
    await page.fill('#f-paid_on', '2025-03-05');
    await page.fill('#f-document_number', 'ПП-123');
    await page.fill('#f-amount', '425000');
    await submit(page, 'form[action$="/deposit#deposit"] button[type=submit]');
    await submit(page, 'form[action$="/register#register"] button[type=submit]');
    const status = await page.textContent('#status');
    expect(status.includes('зарегистрирован'), `not registered: ${status}\n${(await page.textContent('main')).slice(0, 1200)}`);
  });

  await check('the ballot PDF is downloaded', async () => {
    await page.goto(`${base}${contestUrl}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`a[href="${contestUrl}/ballot.pdf?lang=kk"]`),
    ]);
    const path = join(artifacts, 'ballot-kk.pdf');
    await download.saveAs(path);
    expect(readFileSync(path).subarray(0, 5).toString() === '%PDF-', 'not a PDF');
  });

  // After the registration deadline.
  await restartAt(page, AFTER_REGISTRATION_AT);

  await check('after its deadline a form is not offered: the page says when the period ended', async () => {
    await page.goto(`${base}${contestUrl}/self-nomination?lang=ru`);
    const notice = await page.textContent('#closed');
    expect(notice.includes('Выдвижение кандидатов завершилось') && notice.includes('10.04.2025 в 24:00'),
      `the deadline is not shown: ${notice}`);
    expect(await page.locator('#f-surname').count() === 0, 'the closed form is still offered');
    await page.screenshot({ path: join(artifacts, 'deadline.png'), fullPage: true });
  });
} finally {
  await browser.close();
  await stopServer(server.child);
  rmSync(dataDir, { recursive: true, force: true });
}

finish();
