// Reviewing a document's evidence on its page with the keyboard: each mention is confirmed, rejected,
// moved to another factor or given another stance (POST /api/documents/:id/reviews); a missed mention
// is added by selecting its words in the text view. The reviewer's name is typed once (kept in this
// browser). Each answer is stored at once; the list shows each mention's latest review.
import { api, factorLabels, factorOptions, h } from './dom.js';
import { t } from './i18n.js';

const id = new URLSearchParams(location.search).get('id');
const NAME_KEY = 'policylens.reviewer';
const STANCE_KEYS = { p: 'positive', n: 'negative', u: 'neutral' };

let mentions = [];
let latest = new Map();
let current = 0;
let labels = new Map();
let text = '';
/** Answers given on this page, and whether one is being stored (keys wait for it). */
let answered = 0;
let busy = false;

const $ = (elementId) => document.getElementById(elementId);
const keyOf = (factor, start) => `${factor}@${start}`;

function say(message, isError = false) {
  $('review-status').textContent = message;
  $('review-status').className = isError ? 'error' : 'muted';
}

/** What the latest review did to a mention, for its badge. */
function stateOf(m) {
  const r = latest.get(keyOf(m.factor, m.start));
  if (!r) return null;
  if (r.verdict === 'reject') return ['rejected', t('review.rejected')];
  if (r.verdict === 'move') return ['corrected', t('review.moved', { factor: labels.get(r.toFactor) ?? r.toFactor })];
  if (r.verdict === 'stance' && r.stance !== m.stance) return ['corrected', t('review.stanceChanged', { stance: t(`stance.${r.stance}`) })];
  return ['reviewed', t('review.confirmed')];
}

function renderList() {
  $('review-list').replaceChildren(...mentions.map((m, i) => {
    const state = stateOf(m);
    const at = m.sentence.toLowerCase().indexOf(m.match.toLowerCase());
    const sentence = at >= 0 && m.match ? [m.sentence.slice(0, at), h('mark', {}, m.sentence.slice(at, at + m.match.length)), m.sentence.slice(at + m.match.length)] : [m.sentence];
    return h('li', { id: `mention-${m.factor}-${m.start}`, 'data-index': i, class: i === current ? 'current' : '', onclick: () => select(i) },
      h('strong', {}, labels.get(m.factor) ?? m.factor), ' · ', h('span', { class: `stance ${m.stance}` }, t(`stance.${m.stance}`)), ' ',
      state ? h('span', { class: `review-state ${state[0]}` }, state[1]) : null, ' ', ...sentence);
  }));
}

function renderText(added) {
  // Mentions highlighted in the normalized text, written as text nodes so that offsets are the text's own.
  const marks = [...mentions.map((m) => [m.start, m.end, labels.get(m.factor) ?? m.factor]), ...added.map((r) => [r.start, r.end, t('review.addedTitle', { factor: labels.get(r.toFactor) ?? r.toFactor })])]
    .sort((a, b) => a[0] - b[0]);
  const nodes = [];
  let at = 0;
  for (const [start, end, title] of marks) {
    if (start < at) continue;
    nodes.push(text.slice(at, start), h('mark', { title }, text.slice(start, end)));
    at = end;
  }
  nodes.push(text.slice(at));
  $('review-text').replaceChildren(...nodes);
}

function select(i) {
  current = Math.max(0, Math.min(mentions.length - 1, i));
  for (const li of $('review-list').children) li.classList.toggle('current', Number(li.dataset.index) === current);
  $('review-list').children[current]?.scrollIntoView({ block: 'nearest' });
}

function reviewer() {
  const name = $('reviewer').value.trim();
  if (!name) {
    say(t('review.nameFirst'), true);
    $('reviewer').focus();
    return null;
  }
  localStorage.setItem(NAME_KEY, name);
  return name;
}

async function send(review) {
  const name = reviewer();
  if (!name) return false;
  const note = $('review-note').value.trim();
  try {
    await api(`/api/documents/${id}/reviews`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reviewer: name, reviews: [{ ...review, ...(note ? { note } : {}) }] }) });
    $('review-note').value = '';
    await loadReviews();
    return true;
  } catch (error) {
    say(error.message, true);
    return false;
  }
}

async function answer(review) {
  const m = mentions[current];
  if (!m || busy) return;
  busy = true;
  try {
    if (await send({ factor: m.factor, start: m.start, ...review })) {
      answered++;
      say(t('review.answered', { factor: labels.get(m.factor) ?? m.factor, verdict: t(`review.verdict.${review.verdict}`), stance: review.stance ? ` (${t(`stance.${review.stance}`)})` : '', moved: review.toFactor ? ` → ${labels.get(review.toFactor)}` : '', n: answered, reviewed: latest.size }));
      select(current + 1);
    }
  } finally {
    busy = false;
  }
}

async function loadReviews() {
  const reviews = await api(`/api/documents/${id}/reviews`);
  latest = new Map(reviews.latest.filter((r) => r.verdict !== 'add').map((r) => [keyOf(r.factor, r.start), r]));
  renderList();
  renderText(reviews.latest.filter((r) => r.verdict === 'add'));
  if (reviews.unmatched.length) say(t('review.unmatched', { n: reviews.unmatched.length }), true);
}

/** The selection inside the text view as offsets into the normalized text. */
function selectedOffsets() {
  const selection = getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const view = $('review-text');
  if (!view.contains(range.startContainer) || !view.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(view, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

function onKey(event) {
  if (event.target.closest?.('input, select, textarea') || event.ctrlKey || event.metaKey || event.altKey) return;
  const key = event.key;
  if (key === 'j' || key === 'ArrowDown') select(current + 1);
  else if (key === 'k' || key === 'ArrowUp') select(current - 1);
  else if (key === 'c') void answer({ verdict: 'confirm' });
  else if (key === 'r') void answer({ verdict: 'reject' });
  else if (key in STANCE_KEYS) void answer({ verdict: 'stance', stance: STANCE_KEYS[key] });
  else if (key === 'm') $('review-move').focus();
  else if (key === 'o') $('review-note').focus();
  else return;
  event.preventDefault();
}

async function start() {
  if (!id) return;
  const [{ summary }, codebook] = await Promise.all([api(`/api/documents/${id}`), api('/api/codebook')]);
  if (!summary) {
    $('review').hidden = true;
    return;
  }
  labels = factorLabels(codebook);
  const options = () => factorOptions(codebook).slice(1).map(([value, label]) => h('option', { value }, label));
  $('review-move').replaceChildren(h('option', { value: '' }, '—'), ...options());
  $('add-factor').replaceChildren(...options());
  text = await api(`/api/documents/${id}/text`);
  mentions = summary.factors.flatMap((f) => f.evidence.map((e) => ({ ...e, factor: f.id }))).sort((a, b) => a.start - b.start || a.factor.localeCompare(b.factor));
  $('reviewer').value = localStorage.getItem(NAME_KEY) ?? '';
  await loadReviews();
  const hash = location.hash.match(/^#mention-(.+)-(\d+)$/);
  select(hash ? mentions.findIndex((m) => m.factor === hash[1] && m.start === Number(hash[2])) : 0);

  document.addEventListener('keydown', onKey);
  $('review-move').addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !event.target.value) return;
    event.preventDefault();
    const toFactor = event.target.value;
    event.target.value = '';
    event.target.blur();
    void answer({ verdict: 'move', toFactor });
  });
  $('review-note').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === 'Escape') event.target.blur();
  });
  $('add-mention').addEventListener('click', async () => {
    const at = selectedOffsets();
    if (!at) return say(t('review.selectFirst'), true);
    if (await send({ verdict: 'add', ...at, toFactor: $('add-factor').value, stance: $('add-stance').value })) say(t('review.added', { factor: labels.get($('add-factor').value) }));
  });
}

start().catch((error) => say(error.message, true));
