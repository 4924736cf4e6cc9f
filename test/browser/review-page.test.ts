// Review in a real browser (Debian chromium via playwright-core) against the real server: a reviewer
// answers 20 mentions with the keyboard and adds a missed one by selecting words in the text view; the
// factor table changes; after a new analysis the corrections are still there; a second reviewer's
// answers give the two reviewers' kappa on the quality page; a corrected title and year outlive a new
// analysis too. Screenshots go to test-artifacts/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/paths.js';
import { startWeb, type WebRole } from '../../src/roles/web.js';
import { silentLogger, testConfig, waitFor } from '../support/runtime.js';
import { artifacts, CHROMIUM, hasChromium } from '../support/chromium.js';


const PAPER = 'ru-1-sanctions-high-tech-exports.txt';
/** The keys pressed for the 20 mentions: confirm, reject, other stances, and twice a move (m, choose, Enter). */
const KEYS = ['c', 'c', 'r', 'p', 'n', 'u', 'c', 'm', 'c', 'r', 'c', 'c', 'p', 'c', 'r', 'c', 'm', 'c', 'n', 'c'];

describe.skipIf(!hasChromium)('review on the document page', () => {
  const config = testConfig();
  let web: WebRole;
  let browser: BrowserContext;
  let page: Page;
  let profileDir: string;
  let id: string;
  const problems: string[] = [];
  // API answers, checked by the assertions.
  const json = async (path: string, init?: RequestInit): Promise<any> => (await fetch(`${web.url}${path}`, init)).json();
  const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  const done = async () => (await json(`/api/documents/${id}`)).document.status === 'done';

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    web = await startWeb(config, silentLogger());
    profileDir = mkdtempSync(join(tmpdir(), 'policylens-chromium-'));
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1366, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
    const bytes = readFileSync(join(corpusDir, PAPER)).toString('base64');
    const upload = await json('/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files: [{ filename: PAPER, contentBase64: bytes }] }) });
    id = upload.documents[0].id;
    await waitFor('the paper to be analyzed', done, 120_000, 200);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    config.cleanup();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it('reviews 20 mentions with the keyboard, adds a missed one, and keeps them through reanalyze', async () => {
    const before = (await json(`/api/factors?document=${id}&limit=1000`)).rows;
    expect(before.every((r: { review: string }) => r.review === 'automatic')).toBe(true);
    await page.goto(`${web.url}/document.html?id=${id}`);
    await expect.poll(() => page.locator('#review-list li').count()).toBeGreaterThanOrEqual(20);
    await page.fill('#reviewer', 'Anna');
    await page.click('#review-list li >> nth=0');
    for (const [i, key] of KEYS.entries()) {
      if (key === 'm') {
        const factor = (await page.getAttribute('#review-list li.current', 'id'))!.replace(/^mention-|-\d+$/g, '');
        await page.keyboard.press('m');
        await page.selectOption('#review-move', factor === 'brain_drain' ? 'tncs' : 'brain_drain');
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press(key);
      }
      await expect.poll(() => page.textContent('#review-status')).toContain(`${i + 1} answered here`);
    }
    expect(await page.locator('#review-list .review-state').count()).toBe(20);
    // A missed mention: select the words of a sentence in the text view that holds no mention.
    const selected: string = await page.evaluate(`(() => {
      const view = document.getElementById('review-text');
      const node = [...view.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim().length > 60);
      const from = node.textContent.search(/\\S/);
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, from + 40);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return range.toString();
    })()`);
    await page.selectOption('#add-factor', 'tax_policy');
    await page.click('#add-mention');
    await expect.poll(() => page.textContent('#review-status')).toContain('added a missed mention');
    await page.locator('#review h2').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'review-document.png') });
    await page.locator('#review-text mark').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'review-text.png') });

    const reviews = await json(`/api/documents/${id}/reviews`);
    expect(reviews.latest).toHaveLength(21);
    expect(reviews.latest.find((r: { verdict: string }) => r.verdict === 'add').sentence).toBe(selected);
    const after = (await json(`/api/factors?document=${id}&limit=1000`)).rows;
    const state = (rows: { factor: string; review: string }[], factor: string) => rows.find((r) => r.factor === factor)?.review;
    expect(state(after, 'tax_policy')).toBe('corrected');
    expect(after.filter((r: { review: string }) => r.review !== 'automatic').length).toBeGreaterThan(1);

    await fetch(`${web.url}/api/documents/${id}/reanalyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await waitFor('the new analysis', done, 120_000, 200);
    expect((await json(`/api/factors?document=${id}&limit=1000`)).rows).toEqual(after);
    await page.reload();
    await expect.poll(() => page.locator('#review-list .review-state').count()).toBe(20);
    expect(problems).toEqual([]);
  }, 180_000);

  it("shows a second reviewer's agreement on the quality page", async () => {
    await page.goto(`${web.url}/document.html?id=${id}`);
    await expect.poll(() => page.locator('#review-list li').count()).toBeGreaterThanOrEqual(20);
    expect(await page.inputValue('#reviewer')).toBe('Anna');
    await page.fill('#reviewer', 'Boris');
    await page.click('#review-list li >> nth=0');
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('c');
      await expect.poll(() => page.textContent('#review-status')).toContain(`${i + 1} answered here`);
    }
    await page.goto(`${web.url}/quality.html`);
    await expect.poll(() => page.textContent('#reviewers')).toContain('Anna · Boris');
    await page.click('#draw-sample');
    await expect.poll(() => page.textContent('#sample-size')).toMatch(/sampled mentions reviewed/);
    await shot('quality');
    const quality = await json('/api/quality');
    expect(quality.reviewers.pairs[0]).toMatchObject({ reviewers: ['Anna', 'Boris'], mentions: 10 });
    expect(quality.lexicon.length).toBeGreaterThan(0);
    expect(quality.overall.stanceKappa).toEqual(expect.any(Number));
    expect(problems).toEqual([]);
  }, 120_000);

  it('corrects the title and the year on the document page, and keeps them through reanalyze', async () => {
    await page.goto(`${web.url}/document.html?id=${id}`);
    await page.click('#record-details summary');
    await expect.poll(() => page.inputValue('#record [name=title]')).not.toBe('');
    await page.fill('#record [name=title]', 'Санкции и высокотехнологичный экспорт (исправлено)');
    await page.fill('#record [name=year]', '2016');
    await page.click('#record button[type=submit]');
    await expect.poll(() => page.textContent('#record-status')).toContain('Saved');
    await expect.poll(() => page.textContent('#title')).toBe('Санкции и высокотехнологичный экспорт (исправлено)');

    await fetch(`${web.url}/api/documents/${id}/reanalyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await waitFor('the new analysis', done, 120_000, 200);
    await page.reload();
    await page.click('#record-details summary');
    await expect.poll(() => page.textContent('#title')).toBe('Санкции и высокотехнологичный экспорт (исправлено)');
    expect(await page.inputValue('#record [name=year]')).toBe('2016');
    expect(await page.textContent('#meta')).toContain('year: 2016');
    await page.locator('main section').first().screenshot({ path: join(artifacts, 'record-corrected.png') });
    const { document: d } = await json(`/api/documents/${id}`);
    expect(d).toMatchObject({ title: 'Санкции и высокотехнологичный экспорт (исправлено)', year: 2016, corrections: { year: 2016, authors: null } });
    expect(problems).toEqual([]);
  }, 180_000);
});
