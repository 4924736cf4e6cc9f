// The researcher's flows in a real browser (Debian chromium via playwright-core) against the real
// server: an encrypted PDF uploaded with its password, and one given its password afterwards on its
// page; the record corrected and the document list sorted, filtered and paged; the interface
// switched to Russian and back (and Russian by default for a browser that asks for it); search in
// both languages from the Russian interface; the corpus by year. No page may print null/undefined.
// Screenshots go to test-artifacts/browser/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir, projectRoot } from '../../src/paths.js';
import { startWeb, type WebRole } from '../../src/roles/web.js';
import { silentLogger, testConfig, waitFor } from '../support/runtime.js';
import { artifacts, CHROMIUM, hasChromium } from '../support/chromium.js';


const ENCRYPTED = join(projectRoot, '..', 'shared', 'pdfs', 'generated');
/** Papers in two languages and four publication years: enough for sorting, filters and trends. */
const PAPERS = [
  { file: 'ru-1-sanctions-high-tech-exports.txt', year: 2020 },
  { file: 'en-1-export-controls-semiconductors.txt', year: 2021 },
  { file: 'ru-2-national-innovation-system.txt', year: 2022 },
  { file: 'en-2-brain-drain-human-capital.txt', year: 2023 },
];
/** What a page must never show: a value the script failed to leave out. */
const LEAKS = /\b(null|undefined|NaN)\b|nullnull/;

describe.skipIf(!hasChromium)('workbench flows in a browser', () => {
  const config = testConfig();
  let web: WebRole;
  let browser: Browser;
  let english: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  /** A page that records script errors, failed requests (but expected ones) and dialogs. */
  async function watched(context: BrowserContext, expectedFailures: RegExp = /$^/): Promise<Page> {
    const p = await context.newPage();
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    p.on('console', (m) => { if (m.type() === 'error' && !expectedFailures.test(m.text())) problems.push(`console: ${m.text()}`); });
    p.on('response', (r) => { if (r.status() >= 400 && !expectedFailures.test(r.url())) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
    p.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
    return p;
  }

  const shot = (p: Page, name: string) => p.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  const noLeaks = async (p: Page) => expect((await p.textContent('main')) ?? '').not.toMatch(LEAKS);
  const ids = new Map<string, string>();

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    web = await startWeb(config, silentLogger());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    english = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await watched(english);
    for (const { file, year } of PAPERS) {
      const res = await page.request.post(`${web.url}/api/documents`, { multipart: { year: String(year), collection: file.slice(0, 2), files: { name: file, mimeType: 'text/plain', buffer: readFileSync(join(corpusDir, file)) } } });
      ids.set(file, (await res.json()).documents[0].id);
    }
    for (const [file, id] of ids) {
      await waitFor(`analysis of ${file}`, async () => (await (await page.request.get(`${web.url}/api/documents/${id}`)).json()).document.status === 'done', 120_000, 200);
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    config.cleanup();
  });

  it('uploads an encrypted PDF with its password through the form', async () => {
    await page.goto(web.url);
    await page.setInputFiles('#files', join(ENCRYPTED, 'e2-encrypted-userpw-aes256.pdf'));
    await page.fill('input[name="password"]', 'secret');
    await page.click('#upload button[type="submit"]');
    await expect.poll(() => page.textContent('#upload-result')).toMatch(/Accepted 1 file\./);
    const row = page.locator('#documents tr', { hasText: 'e2-encrypted-userpw-aes256.pdf' });
    await expect.poll(() => row.locator('.status').textContent(), { timeout: 60_000 }).toBe('done');
    await noLeaks(page);
  }, 90_000);

  it('asks for the password of an encrypted PDF on its page, and analyzes it with it', async () => {
    const res = await page.request.post(`${web.url}/api/documents`, { multipart: { files: { name: 'locked.pdf', mimeType: 'application/pdf', buffer: readFileSync(join(ENCRYPTED, 'e1-encrypted-userpw-aes128.pdf')) } } });
    const id = (await res.json()).documents[0].id as string;
    await page.goto(`${web.url}/document.html?id=${id}`);
    await expect.poll(() => page.textContent('#meta .status'), { timeout: 60_000 }).toBe('needs password');
    expect(await page.isVisible('#retry input[name="password"]')).toBe(true);
    expect(await page.textContent('#problem')).toMatch(/encrypted/);
    // A failed analysis shows no empty factor or abbreviation tables.
    expect(await page.locator('section.analysis:visible').count()).toBe(0);
    await noLeaks(page);
    await shot(page, 'document-needs-password');
    await page.fill('#retry input[name="password"]', 'secret');
    await page.click('#retry button[type="submit"]');
    await expect.poll(() => page.textContent('#meta .status'), { timeout: 60_000 }).toBe('done');
    expect(await page.isVisible('#retry')).toBe(false);
    await noLeaks(page);
  }, 120_000);

  it('corrects the record and shows it in the list, which sorts, filters and pages', async () => {
    const id = ids.get('en-2-brain-drain-human-capital.txt')!;
    await page.goto(`${web.url}/document.html?id=${id}`);
    await page.waitForSelector('#factor-table tr');
    await page.click('#record-details summary');
    await page.fill('#record [name=authors]', 'Jane Roe\nJohn Doe');
    await page.fill('#record [name=title]', 'Brain drain and human capital');
    await page.click('#record button[type="submit"]');
    await expect.poll(() => page.textContent('#record-status')).toContain('Saved');
    await expect.poll(() => page.textContent('#meta')).toContain('Jane Roe, John Doe');
    // Salient factors and candidates are shown; abbreviations name factors by label, not id.
    expect(await page.locator('#salient li a').count()).toBeGreaterThan(0);
    expect(await page.locator('#candidates tr').count()).toBeGreaterThan(0);
    await noLeaks(page);
    await shot(page, 'document');

    await page.goto(web.url);
    const row = page.locator(`#documents tr[data-id="${id}"]`);
    await expect.poll(() => row.locator('td.authors').textContent()).toBe('Jane Roe, John Doe');
    await expect.poll(() => row.locator('td.title a').textContent()).toBe('Brain drain and human capital');
    // Sort by year, oldest first, then newest first.
    const years = () => page.$$eval('#documents tr[data-id] td:nth-child(3)', (cells) => cells.map((c) => c.textContent).filter(Boolean));
    await page.click('#documents-head button[data-sort="year"]');
    await expect.poll(years).toEqual(['2020', '2021', '2022', '2023']);
    await page.click('#documents-head button[data-sort="year"]');
    await expect.poll(years).toEqual(['2023', '2022', '2021', '2020']);
    // Filter by language and by words of the title; the address keeps the view.
    await page.selectOption('#list-filter select[name="language"]', 'ru');
    const languages = () => page.$$eval('#documents tr[data-id] td:nth-child(4)', (cells) => [...new Set(cells.map((c) => c.textContent))]);
    await expect.poll(languages).toEqual(['Russian']);
    expect(await page.locator(`#documents tr[data-id="${ids.get('ru-2-national-innovation-system.txt')}"]`).count()).toBe(1);
    expect(page.url()).toContain('language=ru');
    await page.selectOption('#list-filter select[name="language"]', '');
    await page.fill('#list-filter input[name="q"]', 'brain');
    await expect.poll(() => page.locator('#documents tr[data-id]').count()).toBe(1);
    await page.fill('#list-filter input[name="q"]', '');
    await expect.poll(() => page.locator('#documents tr[data-id]').count()).toBe(6);
    await noLeaks(page);
    await shot(page, 'documents-sorted');
  }, 60_000);

  it('pages through a long list', async () => {
    await page.goto(`${web.url}/?sort=title&order=asc`);
    await page.waitForSelector('#documents tr[data-id]');
    // The page size is the server's default of the list (50); six documents fit on one page.
    expect(await page.isDisabled('#next')).toBe(true);
    expect(await page.textContent('#documents-total')).toBe('1–6 of 6 documents');
    await page.goto(`${web.url}/?offset=4`);
    await expect.poll(() => page.textContent('#documents-total')).toBe('5–6 of 6 documents');
    expect(await page.isDisabled('#previous')).toBe(false);
    await page.click('#previous');
    await expect.poll(() => page.textContent('#documents-total')).toBe('1–6 of 6 documents');
  });

  it('switches the interface to Russian and back, and keeps the choice', async () => {
    const id = ids.get('ru-1-sanctions-high-tech-exports.txt')!;
    await page.goto(`${web.url}/document.html?id=${id}`);
    await page.waitForSelector('#factor-table tr a');
    const englishLabel = await page.textContent('#factor-table tr a');
    await page.click('header .language-switch button[data-language="ru"]');
    await page.waitForSelector('html[lang="ru"]');
    await page.waitForSelector('#factor-table tr a');
    expect(await page.textContent('header nav')).toContain('Документы');
    expect(await page.textContent('#meta .status')).toBe('готово');
    const russianLabel = await page.textContent('#factor-table tr a');
    expect(russianLabel).toMatch(/[а-яё]/i);
    expect(russianLabel).not.toBe(englishLabel);
    await noLeaks(page);
    await shot(page, 'document-ru');
    // Every page comes in Russian now, charts included.
    await page.goto(`${web.url}/corpus.html`);
    await page.waitForSelector('#chart-all svg text');
    expect(await page.textContent('h1')).toBe('Корпус');
    expect(await page.textContent('#chart-all svg')).toMatch(/упоминани[яей]? на документ/);
    await page.goto(`${web.url}/compare.html?documents=${[...ids.values()].join(',')}`);
    await page.waitForSelector('#heatmap svg rect.cell');
    expect(await page.textContent('#compare-table thead')).toContain('Фактор');
    await noLeaks(page);
    await shot(page, 'compare-ru');
    await page.goto(web.url);
    await page.waitForSelector('#documents tr[data-id]');
    expect(await page.textContent('#documents-head')).toContain('Авторы');
    await noLeaks(page);
    await shot(page, 'documents-ru');
    // And back to English.
    await page.click('header .language-switch button[data-language="en"]');
    await page.waitForSelector('html[lang="en"]');
    await page.waitForSelector('#documents tr[data-id]');
    expect(await page.textContent('#documents-head')).toContain('Authors');
    await page.reload();
    await page.waitForSelector('#documents tr[data-id]');
    expect(await page.getAttribute('header button[data-language="en"]', 'aria-pressed')).toBe('true');
  }, 60_000);

  it('opens in Russian for a browser that prefers Russian, searches in both languages, and hears the server in Russian', async () => {
    const russian = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1366, height: 900 } });
    try {
      // The empty file below is refused on purpose (422).
      const p = await watched(russian, /status of 422|\/api\/documents$/);
      await p.goto(`${web.url}/search.html`);
      await p.waitForSelector('html[lang="ru"]');
      expect(await p.textContent('h1')).toBe('Поиск по предложениям');
      await p.fill('#q', 'санкции');
      await p.check('input[name="both"]');
      await p.click('#search button[type="submit"]');
      await expect.poll(() => p.textContent('#search-status')).toMatch(/предложени.*искали также: Sanctions/);
      const sentences = await p.$$eval('#hits li .sentence', (items) => items.map((i) => i.textContent ?? ''));
      expect(sentences.some((s) => /sanction/i.test(s))).toBe(true);
      expect(sentences.some((s) => /санкц/i.test(s))).toBe(true);
      // Facets name factors in Russian.
      expect(await p.textContent('#facets')).toContain('Санкции');
      // The references are left out unless asked for.
      await p.check('input[name="references"]');
      await p.click('#search button[type="submit"]');
      await expect.poll(() => p.url()).toContain('references=1');
      await expect.poll(() => p.textContent('#search-status')).not.toContain('Ищем');
      expect(await p.locator('#hits li').count()).toBeGreaterThanOrEqual(sentences.length);
      await noLeaks(p);
      await shot(p, 'search-ru-both-languages');
      // A refused upload: the server's reason comes in the interface's language.
      await p.goto(web.url);
      await p.setInputFiles('#files', { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
      await p.click('#upload button[type="submit"]');
      await expect.poll(() => p.textContent('#upload-result')).toBe('Загрузка не удалась: Файл пуст.');
      await shot(p, 'upload-refused-ru');
    } finally {
      await russian.close();
    }
  }, 60_000);

  it('shows the corpus by year: trends and one chart per year, with units', async () => {
    await page.goto(`${web.url}/corpus.html`);
    await page.waitForSelector('#trends svg polyline');
    expect(await page.locator('#trends svg polyline').count()).toBeGreaterThan(1);
    expect(await page.textContent('#trends svg')).toContain('2023');
    expect(await page.textContent('#chart-all svg')).toMatch(/mentions? per document · in \d of \d documents · net/);
    await page.selectOption('#split', 'year');
    await expect.poll(() => page.locator('#charts figure').count()).toBe(4);
    expect(await page.textContent('#charts figure figcaption')).toMatch(/^2020 — 1 document /);
    await noLeaks(page);
    await shot(page, 'corpus-by-year');
  });

  it('draws the comparison across the page with its labels and legend', async () => {
    await page.goto(`${web.url}/compare.html?documents=${[...ids.values()].join(',')}`);
    await page.waitForSelector('#heatmap svg rect.cell');
    const box = (await page.locator('#heatmap svg').boundingBox())!;
    const section = (await page.locator('#result').boundingBox())!;
    expect(box.width).toBeGreaterThan(section.width * 0.8);
    // Each document is named beside its row, and the legend is in the chart.
    expect(await page.locator('#heatmap svg text.side').count()).toBe(ids.size);
    expect(await page.textContent('#heatmap svg .legend')).toContain('net stance');
    expect(await page.locator('#only-one h3').count()).toBeGreaterThan(0);
    expect(await page.textContent('#only-one')).toMatch(/Only in .+: \d+ factors?/);
    await noLeaks(page);
    await shot(page, 'compare');
  });

  it('saw no script error, failed request or dialog', () => {
    expect(problems).toEqual([]);
  });
});
