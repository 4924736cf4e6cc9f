// The structure step on real papers of ../shared: zones (front matter, abstracts, body, captions,
// tables, footnotes, references, appendix), the bibliographic record, and what reaches the factor
// step. Each rule is checked on at least two papers of different kinds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/analysis/extract/index.js';
import { analyze } from '../../src/analysis/index.js';
import { findYear } from '../../src/analysis/structure/year.js';
import { authorNames } from '../../src/analysis/structure/names.js';
import type { ExtractedDocument, Zone } from '../../src/analysis/types.js';
import { validateSummary } from '../support/schema.js';
import { hasShared, sharedPath } from '../support/shared.js';

const gold = (...parts: string[]) => sharedPath('data', 'factor-gold-dev', ...parts);
const read = async (path: string): Promise<ExtractedDocument> => extract(new Uint8Array(readFileSync(path)), { filename: path.split('/').pop()! });
const zoneOf = (doc: ExtractedDocument, pattern: RegExp): Zone | undefined => doc.blocks.find((b) => pattern.test(b.text))?.kind;
const kinds = (doc: ExtractedDocument): Set<Zone> => new Set(doc.blocks.map((b) => b.kind));

describe.skipIf(!hasShared)('structure: journal PDFs (Research Policy, Technovation)', () => {
  it('takes the title from the largest print of page 1, not the journal name the headers repeat', async () => {
    const a = await read(gold('pdfs', 'den04_rp2018_regional-rd-subsidies.pdf'));
    expect(a.bibliography.title).toBe('A comparative evaluation of regional subsidies for collaborative and individual R&D in small and medium-sized enterprises');
    expect(a.bibliography.venue).toBe('Research Policy');
    const b = await read(gold('pdfs', 'den05_technovation2021_pro-market-reforms-tech-transfer.pdf'));
    expect(b.bibliography.title).toBe('A dynamic capabilities perspective on pro-market reforms and university technology transfer in a transition economy');
    expect(b.bibliography.venue).toBe('Technovation');
  });

  it("keeps a logo's lettering beside the title out of it (CrossMark's letter \"T\", its word \"MARK\")", async () => {
    // den04: the logo's letter stands between the title's lines; den03: its word sits on the first line's row.
    const a = await read(gold('pdfs', 'den03_rp2017_ip-policies-academic-entrepreneurship.pdf'));
    expect(a.bibliography.title).toBe("“To Own, or not to Own?” A multilevel analysis of intellectual property right policies' on academic entrepreneurship");
    expect(a.blocks.find((b) => b.text === 'MARK')?.kind).toBe('front');
    const b = await read(gold('pdfs', 'den04_rp2018_regional-rd-subsidies.pdf'));
    expect(b.bibliography.title).not.toMatch(/\bT\b/);
  });

  it('reads authors without their affiliation marks, the year of the issue line, the DOI and keywords', async () => {
    const doc = await read(gold('pdfs', 'den08_rp2022_public-research-funding-china.pdf'));
    expect(doc.bibliography.authors).toEqual(['Nannan Yu', 'Yueyan Dong', 'Martin de Jong']);
    expect(doc.bibliography).toMatchObject({ year: 2022, yearSource: 'issue', doi: '10.1016/j.respol.2022.104591' });
    expect(doc.bibliography.keywords).toContain('Research quality');
    const other = await read(gold('pdfs', 'den09_rp2017_history-friendly-catch-up.pdf'));
    expect(other.bibliography.authors).toEqual(['Fabio Landini', 'Keun Lee', 'Franco Malerba']);
    // Accepted in 2015, online in 2016: the issue line says 2017.
    expect(other.bibliography.year).toBe(2017);
  });

  it('zones the front matter, the abstract, the body, captions, tables, footnotes and the bibliography', async () => {
    const doc = await read(gold('pdfs', 'den01_rp2015_indigenous-innovation-china.pdf'));
    for (const zone of ['title', 'authors', 'affiliation', 'front', 'keywords', 'abstract', 'heading', 'body', 'caption', 'table', 'footnote', 'references'] as Zone[]) {
      expect(kinds(doc), zone).toContain(zone);
    }
    expect(zoneOf(doc, /^This paper explores how heterogenous risk/)).toBe('abstract');
    expect(zoneOf(doc, /^© 2015 Elsevier/)).toBe('front');
    expect(zoneOf(doc, /^E-mail address/)).toBe('front');
    // The running header left the text: the journal is no factor evidence.
    expect(doc.blocks.some((b) => b.kind === 'body' && /Research Policy 44 \(2015\)/.test(b.text))).toBe(false);
    expect(doc.furniture.some((f) => /Research Policy 44 \(2015\)/.test(f.text))).toBe(true);
    expect(doc.printedPages.slice(0, 2)).toEqual(['1866', '1867']);
  });

  it('finds the appendix and the acknowledgements', async () => {
    const doc = await read(gold('pdfs', 'den02_rp2014_intl-rd-collaboration-smes.pdf'));
    expect(zoneOf(doc, /^Acknowledgments$/)).toBe('front');
    expect(kinds(doc)).toContain('appendix');
  });
});

describe.skipIf(!hasShared)('structure: Russian texts and the thesis', () => {
  it('reads a Russian title in capitals over several lines, its English title and the author', async () => {
    const doc = await read(gold('texts', 'dru06_yudina_customs-union-eaeu.txt'));
    expect(doc.bibliography).toMatchObject({ title: 'ТАМОЖЕННЫЙ СОЮЗ: ВЧЕРА, СЕГОДНЯ, ЗАВТРА', titleEn: 'CUSTOMS UNION: YESTERDAY, TODAY, TOMORROW', authors: ['Токтобаев Болот Токтомушевич'] });
    const other = await read(gold('texts', 'dru08_syomin_fts-open-data-economic-geography.txt'));
    expect(other.bibliography.title).toBe('ПРИМЕНЕНИЕ ОТКРЫТЫХ ДАННЫХ НАЛОГОВОЙ СЛУЖБЫ ДЛЯ ЭКОНОМИКО-ГЕОГРАФИЧЕСКОГО АНАЛИЗА');
    expect(other.bibliography.titleEn).toMatch(/^APPLICATION OF THE TAX SERVICE OPEN DATA/);
  });

  it('dates a journal paper by the issue line of its running headers, which leave the text', async () => {
    const doc = await read(gold('texts', 'dru03_cegr2012_krivko_regional-socioeconomic-heterogeneity.txt'));
    expect(doc.bibliography).toMatchObject({ year: 2012, yearSource: 'issue', authors: ['Кривко С.Р.'] });
    expect(doc.furniture.length).toBeGreaterThanOrEqual(3);
    expect(doc.blocks.some((b) => b.kind === 'body' && /№ 5, 2012 г\./.test(b.text))).toBe(false);
    expect(zoneOf(doc, /^ЛИТЕРАТУРА/)).toBe('references');
    const other = await read(gold('texts', 'dru09_syomin_legal-companies-migration.txt'));
    expect(other.bibliography).toMatchObject({ year: 2024, venue: 'Региональные геосистемы', doi: '10.52575/2712-7443-2024-48-2-135-148' });
  });

  it('dates a thesis by its place-and-year line and takes its author from the "Author:" label', async () => {
    const pdf = await read(sharedPath('pdfs', 'real', '06_dedoc_ranepa-thesis_investment-attractiveness-factors.pdf'));
    expect(pdf.bibliography).toMatchObject({ year: 2021, yearSource: 'imprint', authors: ['Ахапкина Алина Сергеевна'] });
    expect(pdf.bibliography.title).toBe('НЕЭКОНОМИЧЕСКИЕ ФАКТОРЫ ИНВЕСТИЦИОННОЙ ПРИВЛЕКАТЕЛЬНОСТИ ТЕРРИТОРИЙ ДЛЯ ИНОСТРАННЫХ ИНВЕСТОРОВ');
    expect(kinds(pdf)).toContain('appendix');
    const text = await read(gold('texts', 'dru01_ranepa-thesis_noneconomic-factors-investment-attractiveness.txt'));
    expect(text.bibliography).toMatchObject({ year: 2021, authors: ['Ахапкина Алина Сергеевна'] });
  });

  it('ends the bibliography at notes on the authors and at the abstract in the other language printed after it', async () => {
    // «Фамилия Имя Отчество (Город). Кандидат …» and its English version follow the entries.
    for (const name of ['dru04_yudina_history-fundamental-science-innovation.txt', 'dru05_yudina_energy-ideology-innovation-fuel-energy-complex.txt']) {
      const doc = await read(gold('texts', name));
      const notes = doc.blocks.filter((b) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)? \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \((?:Москва|Moscow)\)/u.test(b.text));
      expect(notes.length, name).toBeGreaterThanOrEqual(2);
      for (const note of notes) expect(note.kind, note.text.slice(0, 40)).toBe('front');
    }
    // The English authors, title and abstract after a numbered bibliography without "Keywords".
    const doc = await read(gold('texts', 'dru10_cyberleninka_university-science-sector-regional-development.txt'));
    expect(zoneOf(doc, /^Development of research in natural, physical/)).toBe('abstract');
    expect(zoneOf(doc, /^V\.Yu\. Fridovskiy, R\.A\. Kuzmina$/)).toBe('front');
    expect(zoneOf(doc, /^9\. Научная деятельность/)).toBe('references');
  });

  it('keeps notes on the authors after the bibliography out of the body: their short lines, and biographies', async () => {
    // Russian journals: a marked section «Информация об авторе» with the name, post and address on short lines.
    for (const name of ['dru08_syomin_fts-open-data-economic-geography.txt', 'dru09_syomin_legal-companies-migration.txt']) {
      const doc = await read(gold('texts', name));
      const notes = doc.blocks.filter((b) => /Perm State University/.test(b.text));
      expect(notes.length, name).toBeGreaterThanOrEqual(1);
      for (const note of notes.slice(1)) expect(note.kind, `${name}: ${note.text.slice(0, 40)}`).toBe('front');
    }
    // English journals: unheaded biographies ("X is Associate Professor of …"), also with the name glued on.
    const en = await read(gold('texts', 'den07_technovation2007_ict-adoption-spain.txt'));
    expect(en.blocks.filter((b) => /Associate Professor of/.test(b.text)).map((b) => b.kind)).toEqual(['front', 'front']);
    // A bibliography's heading on a line of its own after the last paragraph starts the bibliography.
    expect(zoneOf(await read(gold('texts', 'dru09_syomin_legal-companies-migration.txt')), /^Список источников$/)).toBe('references');
  });

  it('takes sources cited in notes among the paragraphs out of the body, not the sentences that name their authors', async () => {
    const doc = await read(gold('texts', 'dru01_ranepa-thesis_noneconomic-factors-investment-attractiveness.txt'));
    const notes = doc.blocks.filter((b) => /^Литвинова В\.В\. Инвестиционная привлекательность/.test(b.text));
    expect(notes.length).toBeGreaterThanOrEqual(2);
    for (const note of notes) expect(note.kind).toBe('footnote');
    expect(zoneOf(doc, /Например, Литвинова В\.В\. рассматривает/)).toBe('body');
  });

  it('keeps repeated lines that are no running header in the text: words broken off justified lines, numbered labels', async () => {
    const doc = await read(gold('texts', 'dru01_ranepa-thesis_noneconomic-factors-investment-attractiveness.txt'));
    expect(doc.furniture.some((f) => /^(?:региональной|развития|\(дата)$/.test(f.text))).toBe(false);
    expect(doc.furniture.some((f) => /^Приложение \d$/.test(f.text))).toBe(false);
    // The running header of a journal, wrapped over two lines, still leaves the text.
    const journal = await read(gold('texts', 'dru10_cyberleninka_university-science-sector-regional-development.txt'));
    expect(journal.furniture.some((f) => /^ускоренного развития региона$/.test(f.text))).toBe(true);
  });

  it('finds a bibliography printed without a heading, as a numbered list at the end', async () => {
    for (const name of ['dru06_yudina_customs-union-eaeu.txt', 'dru07_yudina_machine-building-kyrgyzstan.txt']) {
      const doc = await read(gold('texts', name));
      expect(doc.blocks[doc.blocks.length - 1]!.kind, name).toBe('references');
      expect(doc.blocks.filter((b) => b.kind === 'references').length, name).toBeGreaterThanOrEqual(3);
    }
  });
});

describe.skipIf(!hasShared)('structure: Markdown by content', () => {
  it('reads a PDF-to-Markdown conversion named .txt as Markdown: headings, title, references', async () => {
    for (const name of ['den01_rp2015_indigenous-innovation-firm-survival-china.txt', 'den07_technovation2007_ict-adoption-spain.txt']) {
      const doc = await read(gold('texts', name));
      expect(doc.mediaType, name).toBe('text/markdown');
      expect(zoneOf(doc, /^References$/), name).toBe('references');
      expect(zoneOf(doc, /^1\. Introduction$/), name).toBe('heading');
      expect(doc.bibliography.title, name).toMatch(/^(Indigenous|A firm-level)/);
    }
  });

  it('dates a conversion by the copyright sign it wrote as LaTeX, and leaves a text with no dating line undated', async () => {
    // "$\copyright$ 2007 Elsevier" run into the abstract; "$\circledcirc$ 2014 Elsevier" below it.
    expect((await read(gold('texts', 'den07_technovation2007_ict-adoption-spain.txt'))).bibliography.year).toBe(2007);
    expect((await read(gold('texts', 'den02_rp2014_international-rd-collaboration-smes-subsidies.txt'))).bibliography.year).toBe(2014);
    // The conversions kept no issue line, ©, or dates: the year in the running text or references is not taken.
    for (const name of ['den04_rp2018_regional-rd-subsidies-smes.txt', 'den08_rp2022_public-research-funding-china.txt']) {
      expect((await read(gold('texts', name))).bibliography.year, name).toBeNull();
    }
  });
});

describe('structure: Markdown uploads', () => {
  it('reads a .md file as Markdown: its headings are headings, its bibliography is not counted', async () => {
    const text = ['# Sanctions and exports', '', 'Anna Petrova', '', '# 1. Introduction', '', 'Sanctions reduced high-tech exports sharply in 2022.', '', '# References', '', 'Ivanov, I., 2020. Sanctions and trade. J. Econ. 1, 1–10.'].join('\n');
    const { summary } = await analyze(new TextEncoder().encode(text), { filename: 'paper.md' });
    validateSummary(summary);
    expect(summary.document).toMatchObject({ mediaType: 'text/markdown', title: 'Sanctions and exports', authors: ['Anna Petrova'] });
    expect(summary.factors.find((f) => f.id === 'sanctions')?.mentions).toBe(1);
    expect(summary.document.excludedMentions).toMatchObject({ references: 1 });
  });
});

describe.skipIf(!hasShared)('structure: only the argument is counted', () => {
  it('counts no mention outside the abstract and body, and says per zone how many were left out', async () => {
    const bytes = new Uint8Array(readFileSync(gold('pdfs', 'den04_rp2018_regional-rd-subsidies.pdf')));
    const { summary } = await analyze(bytes, { filename: 'den04.pdf' });
    validateSummary(summary);
    const sections = new Set(summary.factors.flatMap((f) => f.evidence.map((e) => e.section ?? 'body')));
    expect([...sections].every((s) => s === 'body' || s === 'abstract')).toBe(true);
    expect(summary.document.excludedMentions?.references).toBeGreaterThan(10);
    expect(summary.document).toMatchObject({ year: 2018, venue: 'Research Policy' });
    expect(summary.factors[0]!.evidence[0]!.printedPage).toMatch(/^14\d\d$/);
  });

  it('pairs the parallel abstracts of a bilingual paper: a translated mention is kept, linked, counted once', async () => {
    const bytes = new Uint8Array(readFileSync(sharedPath('seeds', 'high-tech-exports-russia.ru-en.txt')));
    const { summary } = await analyze(bytes, { filename: 'seed.txt' });
    validateSummary(summary);
    expect(summary.document.abstracts?.map((a) => a.language)).toEqual(['ru', 'en']);
    const sanctions = summary.factors.find((f) => f.id === 'sanctions')!;
    const translations = sanctions.evidence.filter((e) => e.translationOf !== undefined);
    expect(translations.length).toBeGreaterThan(0);
    expect(sanctions.mentions).toBe(sanctions.evidence.length - translations.length);
    for (const t of translations) {
      const original = sanctions.evidence.find((e) => e.start === t.translationOf)!;
      expect(original.language).toBe('ru');
      expect(t.language).toBe('en');
      expect(t.stance).toBe(original.stance);
    }
  });
});

describe.skipIf(!hasShared)('structure: warnings a reader needs', () => {
  it('warns when the text layer is symbol soup', async () => {
    const doc = await read(sharedPath('pdfs', 'real', '10_pdfjs_TAMReview_working-paper.pdf'));
    expect(doc.warnings.join('\n')).toMatch(/garbled/);
  });

  it('warns when a long paper has no reference list, and when the codebook hardly fits', async () => {
    // Field notes: no factor, no bibliography, and no line repeated (it would be a running header).
    const words = ['поле', 'озеро', 'берег', 'участок', 'склон', 'лес', 'ручей', 'луг', 'холм', 'овраг', 'тропа', 'пойма', 'старица', 'родник', 'курган', 'бор', 'ельник'];
    const text = Array.from({ length: 400 }, (_, i) => `Запись ${i + 1}: ${words[i % 11]} и ${words[i % 13]} осмотрены, ${words[i % 17]} описан подробно, ${words[(i + 3) % 7]} сфотографирован утром.`).join('\n\n');
    const { summary } = await analyze(new TextEncoder().encode(text), { filename: 'notes.txt' });
    expect(summary.document.warnings.join('\n')).toMatch(/no reference list/);
    expect(summary.document.warnings.join('\n')).toMatch(/low codebook fit/);
  });
});

describe('structure: names and years', () => {
  it('reads author lines as Russian and English papers print them', () => {
    expect(authorNames('Hanna Hottenrott a,b,c,1, Cindy Lopes-Bento b,c,d,∗')).toEqual(['Hanna Hottenrott', 'Cindy Lopes-Bento']);
    expect(authorNames('И.В.Дианова-Клокова, ОНИР ГИПРОНИИ РАН, Москва  Д.А.Метаньев, ОНИР ГИПРОНИИ РАН, Москва')).toEqual(['И.В.Дианова-Клокова', 'Д.А.Метаньев']);
    expect(authorNames('a Laval University, 2325 Rue de la Terrasse')).toEqual([]);
    expect(authorNames('Research paper')).toEqual([]);
  });

  it('takes the year from the issue line, copyright, dates of receipt, the imprint — never from other text', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(findYear({ front: ['Экономические и гуманитарные исследования регионов. № 5, 2012 г.'], imprint: [] }, now)).toEqual({ year: 2012, yearSource: 'issue' });
    expect(findYear({ front: ['© Иванов И. И., 2021'], imprint: [] }, now)).toEqual({ year: 2021, yearSource: 'copyright' });
    expect(findYear({ front: ['Received 31 October 2014', 'Accepted 29 June 2015'], imprint: [] }, now)).toEqual({ year: 2015, yearSource: 'received' });
    expect(findYear({ front: [], imprint: ['Москва, 2021 г.'] }, now)).toEqual({ year: 2021, yearSource: 'imprint' });
    expect(findYear({ front: ['Стратегия-2030 и прогноз до 2035 года'], imprint: ['Plan for 2050'] }, now)).toEqual({ year: null, yearSource: null });
    expect(findYear({ front: [], imprint: [], abstracts: ['… in ICT adoption. $\\circledcirc$ 2016 Elsevier B.V. All rights reserved.'] }, now)).toEqual({ year: 2016, yearSource: 'copyright' });
    // In an abstract, the word is a subject, not a line of the publisher.
    expect(findYear({ front: [], imprint: [], abstracts: ['We study copyright reform in 2015 and (c) 2019 data.'] }, now)).toEqual({ year: null, yearSource: null });
  });
});
