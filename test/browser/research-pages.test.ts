// The pages in a real browser (Debian chromium driven by playwright-core) against the real server
// (SQLite, in-process worker): upload two papers through the form, wait for them, open one, compare
// the two, search, download the CSV; a paper full of markup shows as text. Screenshots of each page
// go to test-artifacts/. Without /usr/bin/chromium the suite is skipped with a notice (CI=true fails).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/paths.js';
import { startWeb, type WebRole } from '../../src/roles/web.js';
import { silentLogger, testConfig } from '../support/runtime.js';
import { artifacts, CHROMIUM, hasChromium } from '../support/chromium.js';


const PAPERS = ['ru-1-sanctions-high-tech-exports.txt', 'en-1-export-controls-semiconductors.txt'];
const HOSTILE = [
  'Заголовок <script>window.__pwned = true; alert("xss")</script>',
  'Санкционное давление <img src=x onerror="window.__pwned = true"> сократило высокотехнологичный экспорт и усилило утечку умов.',
  'Sanctions pressure <b onmouseover="window.__pwned = true">reduced</b> high-tech exports.',
].join('\n\n');

describe.skipIf(!hasChromium)('pages in a browser', () => {
  const config = testConfig();
  let web: WebRole;
  let browser: BrowserContext;
  let page: Page;
  let profileDir: string;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    web = await startWeb(config, silentLogger());
    profileDir = mkdtempSync(join(tmpdir(), 'policylens-chromium-'));
    // A fresh profile directory (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      acceptDownloads: true,
      viewport: { width: 1366, height: 900 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    // Script errors, CSP violations and dialogs (an alert would mean injected code ran) are failures.
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
    // Nothing may leave the machine: every request goes to our own server.
    page.on('request', (r) => { if (!r.url().startsWith(web.url) && !r.url().startsWith('data:')) problems.push(`external request: ${r.url()}`); });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    config.cleanup();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  let ids: string[] = [];

  it('uploads two papers through the form and shows them when analyzed', async () => {
    await page.goto(web.url);
    await page.setInputFiles('#files', PAPERS.map((f) => join(corpusDir, f)));
    await page.fill('input[name="collection"]', 'browser');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.textContent('#upload-result')).toMatch(/Accepted 2 file/);
    await expect.poll(() => page.locator('#documents .status').filter({ hasText: /^done$/ }).count(), { timeout: 90_000 }).toBe(2);
    ids = await page.$$eval('#documents tr[data-id]', (rows) => rows.map((r) => r.getAttribute('data-id')!));
    expect(ids).toHaveLength(2);
    await shot('index');
  }, 120_000);

  it('opens a document: stance bars, evidence with highlights and pages, abbreviations', async () => {
    await page.click(`#documents tr[data-id="${ids[0]}"] a`);
    await page.waitForSelector('#factor-table tr .bar');
    const widths = await page.$$eval('#factor-table .bar span', (spans) => spans.map((s) => (s as unknown as { style: { width: string } }).style.width));
    expect(widths.some((w) => w && w !== '0%')).toBe(true);
    await page.click('#evidence details summary');
    expect(await page.locator('#evidence details[open] mark').count()).toBeGreaterThan(0);
    expect(await page.locator('#abbreviations tr').count()).toBeGreaterThan(0);
    // Keyboard: a factor's evidence opens with Enter on its summary.
    await page.focus('#evidence details:not([open]) summary');
    await page.keyboard.press('Enter');
    expect(await page.locator('#evidence details[open]').count()).toBe(2);
    await shot('document');
  });

  it('compares the two papers: heatmap, sortable table, downloads', async () => {
    await page.goto(`${web.url}/compare.html`);
    for (const id of ids) await page.check(`#pick-list input[value="${id}"]`);
    await page.click('#pick button[type="submit"]');
    await page.waitForSelector('#heatmap svg rect.cell');
    expect(await page.locator('#heatmap svg rect.cell').count()).toBeGreaterThan(2);
    const firstBefore = await page.textContent('#compare-table tbody tr td');
    await page.click('#compare-table thead button:has-text("Factor")');
    const firstAfter = await page.textContent('#compare-table tbody tr td');
    expect(firstAfter).not.toBe(firstBefore);
    expect(await page.locator('#similarity td').count()).toBe(4);
    await shot('compare');

    // Each CSV is offered for R / pandas (no byte-order mark) and for Excel (with one).
    const [forR] = await Promise.all([page.waitForEvent('download'), page.locator('.downloads a:has-text("for R / pandas")').first().click()]);
    expect(readFileSync((await forR.path())!, 'utf8').startsWith('document_id,')).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.downloads a:has-text("for Excel")').first().click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['document_id', 'filename', 'title']);
    expect(lines.length).toBeGreaterThan(2);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(ids));
    expect(lines.slice(1).every((l) => l.includes('browser'))).toBe(true);
  }, 60_000);

  it('searches sentences with the words highlighted', async () => {
    await page.goto(`${web.url}/search.html`);
    await page.fill('#q', 'санкций');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#hits li mark');
    const sentence = await page.textContent('#hits li .sentence');
    expect(sentence!.toLowerCase()).toContain('санкци');
    await shot('search');
    // Both languages: the English paper's "sanctions" come too, and the page says what was added.
    await page.check('input[name="both"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#search-status')).toMatch(/also searched: Sanctions/);
    const sentences = await page.$$eval('#hits li .sentence', (items) => items.map((i) => i.textContent ?? ''));
    expect(sentences.some((s) => /sanction/i.test(s))).toBe(true);
    await shot('search-both-languages');
  });

  it('shows a concordance sorted by context, with a CSV download', async () => {
    await page.goto(`${web.url}/kwic.html`);
    await page.fill('#q', 'санкции');
    await page.selectOption('select[name="sort"]', 'right');
    await page.click('#kwic button[type="submit"]');
    await page.waitForSelector('#lines tr td.keyword mark');
    const keywords = await page.$$eval('#lines td.keyword', (cells) => cells.map((c) => c.textContent ?? ''));
    expect(keywords.length).toBeGreaterThan(3);
    expect(keywords.every((k) => /^санкц/i.test(k))).toBe(true);
    // The keywords stand in one column.
    const lefts = await page.$$eval('#lines td.keyword', (cells) => cells.map((c) => Math.round(c.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    await shot('kwic');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#kwic-downloads a:has-text("for R / pandas")')]);
    expect(readFileSync((await download.path())!, 'utf8').split('\r\n')[0]).toBe('document_id,filename,title,year,page,language,left,keyword,right');
  });

  it('draws the corpus charts', async () => {
    await page.goto(`${web.url}/corpus.html`);
    await page.waitForSelector('#chart-all svg rect');
    await page.waitForSelector('#charts figure svg');
    await page.selectOption('#split', 'language');
    await expect.poll(() => page.locator('#charts figure').count()).toBe(2);
    await shot('corpus');
  });

  it('shows a paper full of markup as text and runs none of it', async () => {
    const res = await page.request.post(`${web.url}/api/documents`, { multipart: { files: { name: '<img src=x onerror=alert(1)>.txt', mimeType: 'text/plain', buffer: Buffer.from(HOSTILE) } } });
    expect(res.status()).toBe(202);
    const { documents } = await res.json();
    await page.goto(`${web.url}/document.html?id=${documents[0].id}`);
    await expect.poll(() => page.textContent('#meta .status'), { timeout: 60_000 }).toBe('done');
    await page.waitForSelector('#evidence details');
    for (const d of await page.$$('#evidence details')) await d.evaluate((e) => e.setAttribute('open', ''));
    const text = await page.textContent('main');
    expect(text).toContain('<img src=x onerror=');
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    await shot('hostile-document');
    const pwned = () => page.evaluate(() => (globalThis as { __pwned?: boolean }).__pwned);
    expect(await pwned()).toBeUndefined();
    await page.goto(`${web.url}/search.html?q=${encodeURIComponent('onerror')}`);
    await page.waitForSelector('#hits li');
    expect(await page.locator('#hits img').count()).toBe(0);
    expect(await pwned()).toBeUndefined();
    await page.goto(web.url);
    await page.waitForSelector(`#documents tr[data-id="${documents[0].id}"]`);
    expect(await pwned()).toBeUndefined();
  }, 90_000);

  it('deletes a document from the list in two clicks, with its results', async () => {
    const res = await page.request.post(`${web.url}/api/documents`, { multipart: { files: { name: 'to-delete.txt', mimeType: 'text/plain', buffer: Buffer.from('Sanctions pressure reduced high-tech exports sharply in 2023.') } } });
    const id = (await res.json()).documents[0].id as string;
    await page.goto(web.url);
    const row = page.locator(`#documents tr[data-id="${id}"]`);
    await row.locator('button[data-action="delete"]').click();
    await row.locator('button[data-action="confirm"]').waitFor();
    await shot('delete-confirm');
    await row.locator('button[data-action="confirm"]').click();
    await expect.poll(() => page.textContent('#upload-result')).toMatch(/^Deleted to-delete\.txt\.$/);
    await expect.poll(() => row.count()).toBe(0);
    expect((await page.request.get(`${web.url}/api/documents/${id}`)).status()).toBe(404);
  });


  it('saw no script error, CSP violation, dialog or external request', () => {
    expect(problems).toEqual([]);
  });

});
