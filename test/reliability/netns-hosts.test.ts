// "Any number of machines", on one machine: three hosts made of network namespaces joined by veth
// pairs — a server host running Redis, PostgreSQL (both started here, inside it, on its own
// addresses) and the API, and two worker hosts that reach it only over their links. 200 papers are
// uploaded through the API; while a worker on host 1 is in the middle of a job, its host's link is
// cut, and restored some seconds later. Every paper must end `done`, analyzed and stored exactly
// once: the cut worker's job is taken over by the other host once its queue lock lapses, and the
// cut worker, back on the network, stores nothing for it. Prints the throughput of each phase.
//
// The papers are text files made from the sample papers' paragraphs (each with a numbered title, so
// that every one is a document of its own): the test is about hosts and links, and generating 200
// PDFs would take longer than ingesting them on a busy machine (PDF speed is the benchmark's).
//
// Needs root and iproute2; elsewhere it skips with a notice (under CI=true it runs, and fails if it
// cannot). Only addresses inside the namespaces are used; the machine's own Redis and PostgreSQL
// are not touched.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/paths.js';
import { seededRandom } from '../../scripts/bench/common.js';
import { HubAndSpokes, netnsUnavailable } from '../../scripts/lib/netns.js';
import { privateServersUnavailable, startPrivatePostgres, startPrivateRedis, type PrivateServer } from '../../scripts/lib/private-services.js';
import { compiled, startNode, stopChild, type Child } from '../../scripts/lib/processes.js';
import { recordReliability } from '../support/reliability-log.js';
import { waitFor } from '../support/runtime.js';

const PAPERS = 200;
const UPLOAD_BATCH = 20;
/** About a 10-page paper's words. */
const PAPER_WORDS = 4000;
/** A cut worker's job is taken over within about 1.5 × this (BullMQ's stalled-job check runs every half lock). */
const LOCK_MS = 4000;
const CUT_MS = 20_000;
/** Papers done before the cut, so that the first phase shows both hosts working. */
const DONE_BEFORE_CUT = 40;
const REDIS_PORT = 6379;
const PG_PORT = 5432;
const API_PORT = 8080;

const unavailable = netnsUnavailable() ?? privateServersUnavailable();
const mustRun = process.env.CI === 'true';
if (unavailable && !mustRun) console.warn(`netns-hosts: skipped — ${unavailable} (it needs root and iproute2; CI runs it)`);

/** Paragraphs of the sample papers. */
const paragraphs = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => readFileSync(join(corpusDir, f), 'utf8').split(/\n\s*\n/).slice(2))
  .map((p) => p.trim())
  .filter(Boolean);

/** Writes `count` papers of about PAPER_WORDS words into `dir`; returns their paths. */
function writePapers(dir: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const rand = seededRandom(i + 1);
    const parts = [`Paper ${i} of the network test`];
    for (let words = 0; words < PAPER_WORDS; ) {
      const paragraph = paragraphs[Math.floor(rand() * paragraphs.length)]!;
      parts.push(paragraph);
      words += paragraph.split(/\s+/).length;
    }
    const path = join(dir, `paper-${String(i).padStart(3, '0')}.txt`);
    writeFileSync(path, parts.join('\n\n'));
    return path;
  });
}

/** The pino lines of a worker's output, parsed. */
function logLines(child: Child): { msg: string; documentId?: string }[] {
  return child
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as { msg: string; documentId?: string }];
      } catch {
        return [];
      }
    });
}

const analyzed = (child: Child) => logLines(child).filter((l) => l.msg === 'document analyzed').map((l) => l.documentId!);

/** The document a worker is analyzing right now (started, not yet analyzed), if any. */
function inFlight(child: Child): string | undefined {
  const lines = logLines(child).filter((l) => l.msg === 'analysis started' || l.msg === 'document analyzed');
  const last = lines.at(-1);
  return last?.msg === 'analysis started' ? last.documentId : undefined;
}

/** True once the worker has said anything more about `documentId` than that it started it, or has started another. */
function settled(child: Child, documentId: string): boolean {
  const lines = logLines(child);
  const start = lines.findLastIndex((l) => l.msg === 'analysis started' && l.documentId === documentId);
  return lines.slice(start + 1).some((l) => l.documentId !== undefined);
}

describe.skipIf(unavailable !== undefined && !mustRun)('three hosts in network namespaces: a worker host loses its link mid-job', () => {
  const net = new HubAndSpokes(2);
  const servers: PrivateServer[] = [];
  const processes: Child[] = [];
  const dataDirs: string[] = [];
  let workers: Child[] = [];

  /** Runs psql on the server host; returns its rows as lines. */
  function sql(query: string): string[] {
    const result = spawnSync('ip', ['netns', 'exec', net.hub, 'psql', '-h', '127.0.0.1', '-p', String(PG_PORT), '-U', 'postgres', '-d', 'test', '-At', '-c', query], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`psql: ${result.stderr}`);
    return result.stdout.split('\n').filter(Boolean);
  }
  const doneCount = () => Number(sql(`select count(*) from documents where status = 'done'`)[0]);

  beforeAll(async () => {
    if (unavailable) throw new Error(`CI=true but the network test cannot run: ${unavailable}`);
    net.create();
    const hubAddresses = [...net.links.values()].map((l) => l.hubAddress);
    servers.push(await startPrivateRedis({ hosts: ['127.0.0.1', ...hubAddresses], port: REDIS_PORT, netns: net.hub }));
    servers.push(await startPrivatePostgres({ hosts: ['127.0.0.1', ...hubAddresses], port: PG_PORT, netns: net.hub }));
    const shared = { QUEUE_PREFIX: 'netns', PASSWORD_KEY: randomBytes(32).toString('base64'), QUEUE_LOCK_MS: String(LOCK_MS), SEED_CORPUS: 'false', WORKER_CONCURRENCY: '1' };
    const dataDir = () => {
      const dir = mkdtempSync(join(tmpdir(), 'policylens-netns-'));
      dataDirs.push(dir);
      return dir;
    };
    const api = startNode(
      [compiled('src/cli/main.js'), 'serve'],
      {
        ...shared,
        REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
        DATABASE_URL: `postgres://postgres@127.0.0.1:${PG_PORT}/test`,
        PORT: String(API_PORT),
        DATA_DIR: dataDir(),
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MIN: '1000000',
        RATE_LIMIT_WRITES_PER_MIN: '1000000',
      },
      { netns: net.hub },
    );
    processes.push(api);
    await api.waitFor('PolicyLens: http');
    // One worker at a time: the first one creates nothing the API has not, but starts cleanly alone.
    for (const ns of net.spokes) {
      const { hubAddress } = net.links.get(ns)!;
      const worker = startNode(
        [compiled('workers/analyze.js')],
        { ...shared, REDIS_URL: `redis://${hubAddress}:${REDIS_PORT}`, DATABASE_URL: `postgres://postgres@${hubAddress}:${PG_PORT}/test`, DATA_DIR: dataDir(), LOG_LEVEL: 'debug' },
        { netns: ns },
      );
      processes.push(worker);
      workers.push(worker);
      await worker.waitFor('worker started');
    }
  }, 300_000);

  afterAll(async () => {
    // Whatever happened: the links up (so that graceful stops can talk), processes stopped, servers
    // stopped, namespaces (and anything left in them) removed.
    try {
      for (const ns of net.spokes) net.setLink(ns, true);
    } catch {
      // the namespaces may not exist (creation failed)
    }
    await Promise.all(processes.map((p) => Promise.race([stopChild(p), new Promise((resolve) => setTimeout(resolve, 10_000))])));
    for (const server of servers) await server.stop().catch(() => {});
    net.remove();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it(`ingests ${PAPERS} papers across two worker hosts, one cut off and restored mid-job: all done once, none lost`, async () => {
    const papersDir = mkdtempSync(join(tmpdir(), 'policylens-netns-papers-'));
    dataDirs.push(papersDir);
    const files = writePapers(papersDir, PAPERS);
    const [cutWorker, otherWorker] = workers as [Child, Child];
    const [cutHost] = net.spokes as [string, string];

    const started = Date.now();
    for (let i = 0; i < files.length; i += UPLOAD_BATCH) {
      const form = files.slice(i, i + UPLOAD_BATCH).flatMap((f) => ['-F', `files=@${f};type=text/plain`]);
      const upload = spawnSync('ip', ['netns', 'exec', net.hub, 'curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', ...form, `http://127.0.0.1:${API_PORT}/api/documents`], { encoding: 'utf8' });
      expect(upload.stdout).toBe('202');
    }
    expect(Number(sql('select count(*) from documents')[0])).toBe(PAPERS);

    // Phase 1: both hosts work. The cut comes while the first host's worker holds a job.
    await waitFor('papers done before the cut', async () => doneCount() >= DONE_BEFORE_CUT && analyzed(cutWorker).length > 0, 300_000, 500);
    const cutJob = await waitFor('a job in flight on the host to cut', async () => inFlight(cutWorker), 60_000, 10);
    net.setLink(cutHost, false);
    const cutAt = Date.now();
    // Saved just before the cut (its log line not read yet), the job has nothing left to take over.
    const [statusAtCut] = sql(`select status from documents where id = '${cutJob}'`);
    const doneAtCut = doneCount();

    // Phase 2: one host cut off.
    await new Promise((resolve) => setTimeout(resolve, CUT_MS));
    net.setLink(cutHost, true);
    const restoredAt = Date.now();
    const doneAtRestore = doneCount();

    // Phase 3: both hosts again, until every paper is finished.
    const finished = await waitFor(
      'every paper finished',
      async () => {
        const [row] = sql(`select count(*) filter (where status not in ('queued', 'processing')), count(*) filter (where status = 'done') from documents`);
        const [final, done] = row!.split('|').map(Number) as [number, number];
        return final >= PAPERS ? { done, at: Date.now() } : undefined;
      },
      600_000,
      500,
    );
    // The cut worker's pending save (if its analysis ended during the cut) reaches the database once
    // the link is back: give it time to be refused before counting.
    await waitFor('the cut job settled on its first host', async () => settled(cutWorker, cutJob), 60_000, 200).catch(() => undefined);
    // A worker logs a document once it is stored: the last lines may follow the database by a moment.
    await waitFor('every stored paper logged', async () => analyzed(cutWorker).length + analyzed(otherWorker).length >= PAPERS, 30_000, 200).catch(() => undefined);

    const perMinute = (docs: number, ms: number) => Math.round((docs / ms) * 60_000);
    const phases = [
      { phase: '1: both hosts', seconds: (cutAt - started) / 1000, done: doneAtCut, perMinute: perMinute(doneAtCut, cutAt - started) },
      { phase: `2: host 1 cut (${CUT_MS / 1000} s)`, seconds: (restoredAt - cutAt) / 1000, done: doneAtRestore - doneAtCut, perMinute: perMinute(doneAtRestore - doneAtCut, restoredAt - cutAt) },
      { phase: '3: link restored', seconds: (finished.at - restoredAt) / 1000, done: finished.done - doneAtRestore, perMinute: perMinute(finished.done - doneAtRestore, finished.at - restoredAt) },
    ];
    console.log(`netns-hosts: ${PAPERS} papers, throughput by phase (papers/min; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')})`);
    console.table(phases);

    const completions = [...analyzed(cutWorker), ...analyzed(otherWorker)];
    const counts = new Map<string, number>();
    for (const id of completions) counts.set(id, (counts.get(id) ?? 0) + 1);
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    const ids = sql('select id from documents');
    const lost = ids.filter((id) => !counts.has(id)).length;
    const about = (child: Child, id: string) => logLines(child).filter((l) => l.documentId === id).map((l) => l.msg);
    console.log(
      `netns-hosts: job in flight at the cut ${cutJob.slice(0, 12)}… (${statusAtCut} then): host 1 logged ${JSON.stringify(about(cutWorker, cutJob))}, host 2 ${JSON.stringify(about(otherWorker, cutJob))}`,
    );
    for (const id of ids.filter((id) => (counts.get(id) ?? 0) !== 1)) {
      console.log(`netns-hosts: ${id.slice(0, 12)}… completed ${counts.get(id) ?? 0} times: host 1 ${JSON.stringify(about(cutWorker, id))}, host 2 ${JSON.stringify(about(otherWorker, id))}`);
    }
    recordReliability({
      suite: 'three hosts (netns), one worker host cut mid-job',
      inputs: PAPERS,
      faults: 1,
      submitted: PAPERS,
      done: finished.done,
      failed: {},
      duplicates,
      lost,
      notes: `link of host 1 down ${CUT_MS / 1000} s mid-job; papers/min by phase ${phases.map((p) => p.perMinute).join(' / ')}`,
    });

    expect(finished.done).toBe(PAPERS);
    expect(lost).toBe(0);
    expect(duplicates).toBe(0);
    expect(completions).toHaveLength(PAPERS);
    // The job held by the cut host was finished exactly once (by whichever host): by the other host, or by the cut host
    // itself when its save had reached the server just before the link went down (the server can
    // commit it after the status read above, which then still says processing — seen in CI).
    expect(counts.get(cutJob)).toBe(1);
  }, 900_000);
});
