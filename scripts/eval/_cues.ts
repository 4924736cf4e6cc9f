import { loadQuoteSet, analyzeQuoteSet } from './quote-gold.js';
import { normalizeQuote, covers } from './quote-gold-score.js';
const docs = loadQuoteSet('/work/shared/data/factor-gold-dev');
const res = await analyzeQuoteSet(docs.map(d => ({...d, pdfPath: null})));
const bad = new Map<string, number>(); const good = new Map<string, number>();
for (const r of res) for (const f of r.doc.gold.factors) for (const ev of f.evidence ?? []) {
  const q = normalizeQuote(ev.quote);
  const sf = r.summary.factors.find(x => x.id === f.id);
  const hit = sf?.evidence.find(e => covers(normalizeQuote(e.sentence), q));
  if (!hit) continue;
  const m = hit.stance === ev.stance ? good : bad;
  for (const c of hit.cues) m.set(`${hit.stance}:${c.toLowerCase()}`, (m.get(`${hit.stance}:${c.toLowerCase()}`) ?? 0) + 1);
  if (process.argv[2] && hit.stance !== ev.stance && ev.stance === process.argv[2]) console.log(`${ev.stance}→${hit.stance} [${hit.cues.join(' / ')}] {${hit.match}} ${hit.sentence.replace(/\s+/g,' ').slice(0,200)}`);
}
const rows = [...new Set([...bad.keys(), ...good.keys()])].map(k => [k, bad.get(k) ?? 0, good.get(k) ?? 0] as const).filter(r => r[1] >= 2).sort((a,b) => (b[1]-b[2]) - (a[1]-a[2]));
for (const r of rows.slice(0, 50)) console.log(r.join('\t'));
