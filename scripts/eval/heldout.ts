// npm run eval:heldout [-- --json]
//
// Factor presence and document stance on articles whose labels were made blind: by an annotator
// who saw neither PolicyLens output nor its rules (test/fixtures/heldout-factors/*.json, see its
// `about`). The papers are of other kinds than the development set (humanities, law, education
// articles of a Russian regional journal), so the gap to `npm run eval:factors` is the figure to
// watch. A journal article's text is what `pdftotext` (poppler-utils) gives for its pages, from the
// first line that starts with «УДК» to the line before the next one — the cut the annotator
// made — analyzed as a plain-text file; a paper marked `read: "pdf"` is analyzed from its whole PDF,
// as an upload is, with OCR on (the server's defaults) for pages that need it. Scores are printed per
// fixture file (one held-out set each) and for all. Definitions as in ../shared/tools/score_factors.py: a
// factor is reported when the Summary lists it with mentions > 0; document stance over the gold
// factors that are positive or negative and reported, from the Summary's counts.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analysis/index.js';
import { loadConfig, ocrOptions } from '../../src/config.js';
import { projectRoot, sharedDir } from '../../src/paths.js';
import { parseEvalArgs, prf, report, round4 } from './common.js';
import { dominantStance, type GoldStance } from './quote-gold-score.js';

interface HeldoutArticle {
  id: string;
  /** Path under ../shared. */
  pdf: string;
  /** The article's pages in an issue, cut at «УДК»; or the whole PDF, read as an upload is. */
  pages?: [number, number];
  read?: 'pdf';
  factors: { id: string; salience: 'core' | 'minor'; stance: GoldStance }[];
}

const FIXTURES = join(projectRoot, 'test', 'fixtures', 'heldout-factors');
const ARTICLE_START = /^УДК(?:\s|$)/u;

/** The article's text: its pages as pdftotext reads them, from its «УДК» line to the next one. */
function articleText(pdf: string, [first, last]: [number, number]): string {
  const pages = execFileSync('pdftotext', ['-f', String(first), '-l', String(last), '-enc', 'UTF-8', join(sharedDir, pdf), '-'], { encoding: 'utf8' });
  const lines = pages.split('\n');
  const start = lines.findIndex((line) => ARTICLE_START.test(line.trim()));
  const next = lines.findIndex((line, i) => i > start && ARTICLE_START.test(line.trim()));
  return lines.slice(Math.max(start, 0), next < 0 ? undefined : next).join('\n');
}

const args = parseEvalArgs();
const OCR = ocrOptions(loadConfig());

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  coreFound: number;
  core: number;
  stanceRight: number;
  stanceJudged: number;
  articles: number;
}
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, coreFound: 0, core: 0, stanceRight: 0, stanceJudged: 0, articles: 0 });

async function summaryOf(article: HeldoutArticle) {
  if (article.read === 'pdf') {
    const bytes = new Uint8Array(readFileSync(join(sharedDir, article.pdf)));
    return (await analyze(bytes, { filename: article.pdf.split('/').pop()!, ocr: OCR })).summary;
  }
  if (!article.pages) throw new Error(`${article.id}: neither pages nor read: "pdf"`);
  return (await analyze(new TextEncoder().encode(articleText(article.pdf, article.pages)), { filename: `${article.id}.txt` })).summary;
}

const rows: Record<string, Record<string, unknown>> = {};
const sets: Record<string, Tally> = {};
const all = tally();
for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.json'))) {
  const { articles } = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { articles: HeldoutArticle[] };
  const set = (sets[file.replace(/\.json$/, '')] = tally());
  for (const article of articles) {
    const summary = await summaryOf(article);
    const reported = new Map(summary.factors.filter((f) => f.mentions > 0).map((f) => [f.id, f]));
    const gold = new Map(article.factors.map((f) => [f.id, f]));
    const missed = [...gold.keys()].filter((id) => !reported.has(id));
    const extra = [...reported.keys()].filter((id) => !gold.has(id));
    const core = article.factors.filter((g) => g.salience === 'core');
    const judged = article.factors.filter((g) => (g.stance === 'positive' || g.stance === 'negative') && reported.has(g.id));
    const counts: Tally = {
      articles: 1,
      tp: gold.size - missed.length,
      fn: missed.length,
      fp: extra.length,
      core: core.length,
      coreFound: core.filter((g) => reported.has(g.id)).length,
      stanceJudged: judged.length,
      stanceRight: judged.filter((g) => dominantStance(reported.get(g.id)!.stance) === g.stance).length,
    };
    for (const t of [set, all]) for (const key of Object.keys(counts) as (keyof Tally)[]) t[key] += counts[key];
    rows[article.id] = {
      missed: missed.join(' ') || '—',
      extra: extra.map((id) => `${id}(${reported.get(id)!.mentions})`).join(' ') || '—',
    };
  }
}

function scoresOf(t: Tally) {
  const { precision, recall, f1 } = prf(t.tp, t.fp, t.fn);
  return {
    articles: t.articles,
    factorP: precision,
    factorR: recall,
    factorF1: f1,
    coreRecall: t.core ? round4(t.coreFound / t.core) : null,
    docStanceAcc: t.stanceJudged ? round4(t.stanceRight / t.stanceJudged) : null,
    docStanceJudged: t.stanceJudged,
  };
}

report('Held-out articles (blind labels, test/fixtures/heldout-factors) — missed and extra factors per article', rows, { ...args, json: false });
report(
  'Held-out scores per set and for all (factor presence; document stance on the gold positive/negative factors reported)',
  { ...Object.fromEntries(Object.entries(sets).map(([name, t]) => [name, scoresOf(t)])), all: scoresOf(all) },
  args,
);
