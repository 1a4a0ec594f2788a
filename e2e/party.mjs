// Browser test of the party's side (issue 13): on `sailau serve --demo`, in Russian, Kazakh and
// English, a secretary convenes the Uil branch's next conference (its number shown before), loads
// the roster, checks delegates in at the door (the live count follows; a second check-in is
// refused), puts the presidium to an open vote, sees the decision at once, downloads the minutes
// PDF; then the L (50th) conference's nomination is followed to the territorial commission's page
// of it. Then Aktobe region's pipeline dashboard (Uil held; Khobda, Irgiz and the regional
// conference pending before their deadlines, overdue after) and a primary organization's meeting
// recorded for Khobda's conference (a refusal next to its field, then who is elected), in each
// language. Drives Debian's Chromium with playwright-core.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, check, expect, finish, freePort, launchBrowser, startDemo } from './lib.mjs';


const dataDir = mkdtempSync(join(tmpdir(), 'sailau-e2e-party-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const { child, passwords } = await startDemo(port, dataDir);
const browser = await launchBrowser();

const branch = '/party/amanat/branches/155200000';
const roster = join(dataDir, 'roster.csv');
writeFileSync(roster, 'mandate,card_number\n' + [1, 2, 3, 4, 5].map((k) => `${k},SYN-UIL-000${k}`).join('\n') + '\n');
const texts = {
  ru: { adopted: 'Решение принято', why: 'присутствующих', twice: 'уже зарегистрирован' },
  kk: { adopted: 'Шешім қабылданды', why: 'делегаттың', twice: 'тіркеліп' },
  en: { adopted: 'Adopted', why: 'present', twice: 'already checked in' },
};

const submit = (page, action) => Promise.all([page.waitForNavigation(), page.click(`form[action^="${action}"] button[type=submit]`)]);

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();

  await check('log in as the demo administrator', async () => {
    await page.goto(`${base}/login`);
    await page.fill('#f-username', 'admin');
    await page.fill('#f-password', passwords.admin);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type=submit]')]);
    expect(!page.url().includes('/login'), `still on ${page.url()}`);
  });

  // One day per language: a delegate sits on one roster of a day (issue 13 §3).
  const days = { ru: '2026-12-01', kk: '2026-12-02', en: '2026-12-03' };
  for (const lang of ['ru', 'kk', 'en']) {
    const t = texts[lang];
    let conference = '';
    await check(`[${lang}] convene the branch's next conference`, async () => {
      await page.goto(`${base}${branch}?lang=${lang}`);
      const number = (await page.textContent('#next-number')).trim();
      expect(/^L[IVX]* \(/.test(number), `next number: ${number}`);
      await page.selectOption('#f-kind', 'extraordinary');
      await page.fill('#f-held_on', days[lang]);
      await page.fill('#f-place', 'с. Уил, районный Дом культуры');
      await page.fill('#f-agenda', 'Об избрании рабочих органов конференции');
      await submit(page, `${branch}/conferences`);
      conference = new URL(page.url()).pathname;
      expect(conference.startsWith('/party/conferences/'), `landed on ${page.url()}`);
      expect((await page.textContent('h1')).includes(number), 'the number is not in the title');
    });
    await check(`[${lang}] load the roster and check delegates in at the door`, async () => {
      await page.goto(`${base}${conference}?lang=${lang}`);
      await page.setInputFiles('#roster #f-file', roster);
      await submit(page, `${conference}/roster`);
      for (const m of ['1', '2', '3']) {
        await page.fill('#f-mandate', m);
        await submit(page, `${conference}/check-in`);
      }
      const count = await page.textContent('#live-count');
      expect(/3\D+5|5\D+3/.test(count), `live count: ${count}`);
      await page.fill('#f-mandate', '1');
      await submit(page, `${conference}/check-in`);
      const error = await page.textContent('#f-mandate-error');
      expect(error.includes(t.twice), `second check-in: ${error}`);
      // The live count follows a check-in made elsewhere without reloading the page.
      const other = await context.newPage();
      await other.goto(`${base}${conference}?lang=${lang}`);
      await other.fill('#f-mandate', '4');
      await submit(other, `${conference}/check-in`);
      await other.close();
      await page.waitForFunction(() => /4\D+5|5\D+4/.test(document.querySelector('#live-count').textContent), null, { timeout: 10_000 });
      await page.screenshot({ path: join(artifacts, `party-check-in-${lang}.png`), fullPage: true });
    });
    await check(`[${lang}] open vote, decision shown at once`, async () => {
      await page.goto(`${base}${conference}?lang=${lang}`);
      await page.selectOption('#f-subject', 'presidium');
      await page.selectOption('#f-mode', 'open');
      await page.fill('#f-chair', '1');
      await page.fill('#f-secretary', '2');
      await page.fill('#f-counting_commission', '3');
      await submit(page, `${conference}/motions`);
      await page.fill('#motion-1 #f-votes_for_0', '4');
      await page.fill('#motion-1 #f-against', '0');
      await page.fill('#motion-1 #f-abstain', '0');
      await submit(page, '/party/motions/');
      const text = await page.textContent('#motion-1');
      expect(text.includes(t.adopted), `no decision: ${text}`);
      expect(text.includes(t.why), `no reason: ${text}`);
      await page.screenshot({ path: join(artifacts, `party-decision-${lang}.png`), fullPage: true });
    });
    await check(`[${lang}] minutes PDF downloaded`, async () => {
      for (const l of ['ru', 'kk']) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.click(`#minutes a[href$="minutes.pdf?lang=${l}"]`),
        ]);
        const path = join(artifacts, `minutes-${lang}-${l}.pdf`);
        await download.saveAs(path);
        const head = (await import('node:fs')).readFileSync(path).subarray(0, 4).toString();
        expect(head === '%PDF', `not a PDF: ${head}`);
      }
    });
  }

  const pipeline = {
    ru: { held: 'проведена', pending: 'предстоит', overdue: 'просрочена', elected: 'мандат № 3', tooMany: '30' },
    kk: { held: 'өтті', pending: 'алда', overdue: 'мерзімі өтті', elected: '№ 4 мандат', tooMany: '30' },
    en: { held: 'held', pending: 'pending', overdue: 'overdue', elected: 'mandate No. 5', tooMany: '30' },
  };
  const cards = { ru: 'SYN-KBD-0004', kk: 'SYN-KBD-0005', en: 'SYN-KBD-0006' };
  for (const lang of ['ru', 'kk', 'en']) {
    const p = pipeline[lang];
    await check(`[${lang}] the region's dashboard: held, pending, then overdue`, async () => {
      await page.goto(`${base}${branch}?lang=${lang}`);
      await Promise.all([page.waitForNavigation(), page.click('#dashboard-link')]);
      expect(new URL(page.url()).pathname === '/party/amanat/regions/150000000', `landed on ${page.url()}`);
      await page.fill('#f-on', '2023-09-28');
      await Promise.all([page.waitForNavigation(), page.click('form[role=search] button[type=submit]')]);
      const rows = await page.$$eval('#stages tbody tr', (trs) => trs.map((tr) => [tr.dataset.status, tr.textContent]));
      expect(rows.some(([s, x]) => s === 'held' && x.includes(p.held)), `no held stage: ${JSON.stringify(rows)}`);
      expect(rows.some(([s, x]) => s === 'pending' && x.includes(p.pending)), `no pending stage: ${JSON.stringify(rows)}`);
      await page.goto(`${base}/party/amanat/regions/150000000?lang=${lang}&on=2023-10-10`);
      const later = await page.$$eval('#stages tbody tr', (trs) => trs.map((tr) => [tr.dataset.status, tr.textContent]));
      expect(later.some(([s, x]) => s === 'overdue' && x.includes(p.overdue)), `no overdue stage: ${JSON.stringify(later)}`);
      await page.screenshot({ path: join(artifacts, `party-dashboard-${lang}.png`), fullPage: true });
    });
    await check(`[${lang}] a primary organization's meeting elects a delegate`, async () => {
      await page.goto(`${base}/party/amanat/branches/154200000?lang=${lang}`);
      await Promise.all([page.waitForNavigation(), page.click('#conferences a')]);
      await Promise.all([page.waitForNavigation(), page.click('#meetings-link')]);
      const meetings = new URL(page.url()).pathname;
      expect(meetings.endsWith('/meetings'), `landed on ${page.url()}`);
      await page.selectOption('#f-organization', '154220000');
      await page.fill('#f-held_on', '2023-09-21');
      await page.fill('#f-members_present', '100');
      await page.fill('#f-seats', '1');
      await page.fill('#f-card_0', cards[lang]);
      await page.fill('#f-for_0', '20');
      await page.fill('#f-against_0', '2');
      await submit(page, meetings);
      const error = await page.textContent('#f-members_present-error');
      expect(error.includes(p.tooMany), `members present above the organization's: ${error}`);
      await page.fill('#f-members_present', '24');
      await submit(page, meetings);
      const text = await page.textContent('#meetings');
      expect(text.includes(p.elected), `no one elected: ${text.replace(/\s+/g, ' ')}`);
      await page.screenshot({ path: join(artifacts, `party-meeting-${lang}.png`), fullPage: true });
    });
  }

  await check('the L (50th) conference\'s nomination is with the territorial commission', async () => {
    await page.goto(`${base}${branch}?lang=ru`);
    await Promise.all([page.waitForNavigation(), page.click('#conferences a:has-text("L (50-я)")')]);
    const text = await page.textContent('main');
    expect(text.includes('Казыбаев'), 'the nominee is not named');
    await Promise.all([page.waitForNavigation(), page.click('.handed-off a[href^="/elections/nominations/"]')]);
    const nomination = await page.textContent('main');
    expect(nomination.includes('Казыбаев') && nomination.includes('L (50-я)'), 'the commission\'s nomination does not point to the conference');
    await page.screenshot({ path: join(artifacts, 'party-nomination.png'), fullPage: true });
  });
} finally {
  await browser.close();
  child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}

finish();
