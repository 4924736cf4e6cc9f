// npx tsx scripts/eval/stance-halves.ts [-- --json]
//
// The stance figures of factor-gold-dev (through the texts) on two fixed halves of its papers, each
// with both languages, so that a rule written while reading one half can be checked on the other:
// document stance, evidence stance, the factors' assessment, and the calibration of confidence ≥ 0.8.
// Half A holds every other paper of each language (den01, den03 … dru01, dru04 …), half B the rest.
import { analyzeQuoteSet, loadQuoteSet } from './quote-gold.js';
import { addTally, emptyTally, quoteScores, type QuoteTally } from './quote-gold-score.js';
import { parseEvalArgs, report, sharedData } from './common.js';

const HIGH_CONFIDENCE_BANDS = 8;

function halfOf(index: number): 'A' | 'B' {
  return index % 2 === 0 ? 'A' : 'B';
}

function stanceRow(t: QuoteTally): Record<string, unknown> {
  const scores = quoteScores(t);
  const high = t.bandN.slice(HIGH_CONFIDENCE_BANDS).reduce((a, b) => a + b, 0);
  const right = t.bandRight.slice(HIGH_CONFIDENCE_BANDS).reduce((a, b) => a + b, 0);
  return {
    docs: t.docs,
    docStanceAcc: scores.docStanceAcc,
    evidenceStanceAcc: scores.evidenceStanceAcc,
    assessmentAcc: scores.assessmentAcc,
    rightAtConfidence08: high ? Math.round((1000 * right) / high) / 1000 : null,
  };
}

const args = parseEvalArgs();
const dir = sharedData('factor-gold-dev');
if (!dir) {
  console.log('factor-gold-dev is not in ../shared/data: nothing to score');
} else {
  const docs = loadQuoteSet(dir).map((doc) => ({ ...doc, pdfPath: null }));
  const results = await analyzeQuoteSet(docs);
  const tallies = { A: emptyTally(), B: emptyTally(), all: emptyTally() };
  const byLanguage = new Map<string, number>();
  const half: Record<string, string[]> = { A: [], B: [] };
  for (const r of results) {
    const language = r.doc.gold.language;
    const index = byLanguage.get(language) ?? 0;
    byLanguage.set(language, index + 1);
    const h = halfOf(index);
    half[h]!.push(r.doc.gold.id);
    addTally(tallies[h], r.outcome.tally);
    addTally(tallies.all, r.outcome.tally);
  }
  report(
    `factor-gold-dev through the texts, stance on two halves (A: ${half.A!.join(' ')}; B: ${half.B!.join(' ')})`,
    { A: stanceRow(tallies.A), B: stanceRow(tallies.B), all: stanceRow(tallies.all) },
    args,
  );
}
