// npm run eval:heldout [-- --json]
//
// Factor presence and document stance on articles whose labels were made blind: by an annotator
// who saw neither PolicyLens output nor its rules (test/fixtures/heldout-factors/*.json, see its
// `about`). The papers are of other kinds than the development set (humanities, law, education
// articles of a Russian regional journal), so the gap to `npm run eval:factors` is the figure to
// watch. Each article's text is what `pdftotext` (poppler-utils) gives for its pages, from the
// first line that starts with «УДК» to the line before the next one — the cut the annotator
// made — analyzed as a plain-text file. Definitions as in ../shared/tools/score_factors.py: a
// factor is reported when the Summary lists it with mentions > 0; document stance over the gold
// factors that are positive or negative and reported, from the Summary's counts.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analysis/index.js';
import { projectRoot, sharedDir } from '../../src/paths.js';
import { parseEvalArgs, prf, report, round4 } from './common.js';
import { dominantStance, type GoldStance } from './quote-gold-score.js';

interface HeldoutArticle {
  id: string;
  /** Path under ../shared. */
  pdf: string;
  pages: [number, number];
  factors: { id: string; salience: 'core' | 'minor'; stance: GoldStance }[];
}

const FIXTURES = join(projectRoot, 'test', 'fixtures', 'heldout-factors');
const ARTICLE_START = /^УДК(?:\s|$)/u;

/** The article's text: its pages as pdftotext reads them, from its «УДК» line to the next one. */
function articleText(article: HeldoutArticle): string {
  const [first, last] = article.pages;
  const pages = execFileSync('pdftotext', ['-f', String(first), '-l', String(last), '-enc', 'UTF-8', join(sharedDir, article.pdf), '-'], { encoding: 'utf8' });
  const lines = pages.split('\n');
  const start = lines.findIndex((line) => ARTICLE_START.test(line.trim()));
  const next = lines.findIndex((line, i) => i > start && ARTICLE_START.test(line.trim()));
  return lines.slice(Math.max(start, 0), next < 0 ? undefined : next).join('\n');
}

const args = parseEvalArgs();
let tp = 0;
let fp = 0;
let fn = 0;
let coreFound = 0;
let core = 0;
let stanceRight = 0;
let stanceJudged = 0;
const rows: Record<string, Record<string, unknown>> = {};
for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.json'))) {
  const { articles } = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { articles: HeldoutArticle[] };
  for (const article of articles) {
    const { summary } = await analyze(new TextEncoder().encode(articleText(article)), { filename: `${article.id}.txt` });
    const reported = new Map(summary.factors.filter((f) => f.mentions > 0).map((f) => [f.id, f]));
    const gold = new Map(article.factors.map((f) => [f.id, f]));
    const found = [...gold.keys()].filter((id) => reported.has(id));
    tp += found.length;
    fn += gold.size - found.length;
    fp += [...reported.keys()].filter((id) => !gold.has(id)).length;
    for (const g of gold.values()) {
      if (g.salience === 'core') {
        core++;
        if (reported.has(g.id)) coreFound++;
      }
      if ((g.stance === 'positive' || g.stance === 'negative') && reported.has(g.id)) {
        stanceJudged++;
        if (dominantStance(reported.get(g.id)!.stance) === g.stance) stanceRight++;
      }
    }
    rows[article.id] = {
      missed: [...gold.keys()].filter((id) => !reported.has(id)).join(' ') || '—',
      extra: [...reported.keys()].filter((id) => !gold.has(id)).map((id) => `${id}(${reported.get(id)!.mentions})`).join(' ') || '—',
    };
  }
}
report('Held-out articles (blind labels, test/fixtures/heldout-factors) — missed and extra factors per article', rows, { ...args, json: false });
const scores = prf(tp, fp, fn);
report(
  'Held-out scores (factor presence; document stance on the gold positive/negative factors reported)',
  {
    all: {
      articles: Object.keys(rows).length,
      factorP: scores.precision,
      factorR: scores.recall,
      factorF1: scores.f1,
      coreRecall: core ? round4(coreFound / core) : null,
      docStanceAcc: stanceJudged ? round4(stanceRight / stanceJudged) : null,
      docStanceJudged: stanceJudged,
    },
  },
  args,
);
