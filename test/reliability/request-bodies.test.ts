// Hostile request bodies against the compiled server: every one is answered with a 4xx JSON error,
// nothing escapes into an uncaught exception, the process stays small and goes on analyzing.
import { request } from 'node:http';
import { connect } from 'node:net';
import { createDeflate, createGzip, type Gzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordReliability } from '../support/reliability-log.js';
import { testConfig, waitFor } from '../support/runtime.js';
import { UNCAUGHT, startServer, type ServerProcess } from '../support/server-process.js';

/** A JSON upload whose one file is `megabytes` of spaces, compressed to well under 1 MB. */
async function compressedJsonBomb(compressor: Gzip | ReturnType<typeof createDeflate>, megabytes: number): Promise<Buffer> {
  const out: Buffer[] = [];
  compressor.on('data', (d: Buffer) => out.push(d));
  const ended = new Promise((resolve) => compressor.on('end', resolve));
  compressor.write('{"files":[{"filename":"bomb.txt","contentBase64":"');
  const spaces = Buffer.alloc(1 << 20, 0x20);
  for (let i = 0; i < megabytes; i++) if (!compressor.write(spaces)) await new Promise((resolve) => compressor.once('drain', resolve));
  compressor.end('"}]}');
  await ended;
  return Buffer.concat(out);
}

interface Answer {
  status: number;
  json?: { error?: { code: string } };
}

function post(url: string, body: Buffer | string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        let json: Answer['json'];
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A body that stops half-way: the client promises 1 MB, sends a few bytes and hangs up. */
function truncatedUpload(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`POST /api/documents HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 1048576\r\n\r\n\x1f\x8b\x08\x00`);
      setTimeout(() => socket.destroy(), 200);
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

const paper = 'Sanctions pressure weakens high-tech exports; import substitution supports domestic producers.';
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('hostile request bodies', () => {
  let server: ServerProcess;
  const config = testConfig();

  beforeAll(async () => {
    server = await startServer({ DATA_DIR: config.dataDir, MAX_FILES_PER_REQUEST: '100', WORKER_CONCURRENCY: '1' });
  });

  afterAll(async () => {
    await server?.stop();
    config.cleanup();
  });

  it('answers each with a 4xx JSON error and stays up, small and working', async () => {
    const cases: { name: string; body: Buffer | string; headers?: Record<string, string>; expect: [number, string] }[] = [
      { name: 'gzip bomb (620 MB of JSON in 0.6 MB)', body: await compressedJsonBomb(createGzip({ level: 9 }), 620), headers: { 'content-encoding': 'gzip' }, expect: [413, 'too_large'] },
      { name: 'deflate bomb (620 MB)', body: await compressedJsonBomb(createDeflate({ level: 9 }), 620), headers: { 'content-encoding': 'deflate' }, expect: [413, 'too_large'] },
      { name: 'not gzip under Content-Encoding: gzip', body: 'plainly not compressed', headers: { 'content-encoding': 'gzip' }, expect: [400, 'bad_compression'] },
      { name: 'unknown Content-Encoding', body: '{}', headers: { 'content-encoding': 'compress' }, expect: [415, 'unsupported_encoding'] },
      { name: 'unknown charset', body: '{}', headers: { 'content-type': 'application/json; charset=x-klingon' }, expect: [415, 'unsupported_charset'] },
      { name: 'malformed JSON', body: '{"files": [', expect: [400, 'invalid_json'] },
      {
        name: '1,000 files in one JSON upload',
        body: JSON.stringify({ files: Array.from({ length: 1000 }, (_, i) => ({ filename: `f${i}.txt`, contentBase64: b64(`${paper} ${i}`) })) }),
        expect: [413, 'limit_file_count'],
      },
      { name: 'invalid base64', body: JSON.stringify({ files: [{ filename: 'a.txt', contentBase64: '%%%not base64%%%' }] }), expect: [400, 'invalid_base64'] },
      { name: 'a 100,000-character password', body: JSON.stringify({ files: [{ filename: 'a.txt', contentBase64: b64(paper) }], password: 'p'.repeat(100_000) }), expect: [400, 'invalid_password'] },
    ];
    const observed: Record<string, string> = {};
    for (const c of cases) {
      const answer = await post(server.url, c.body, c.headers ?? {});
      observed[c.name] = `${answer.status} ${answer.json?.error?.code ?? '(no JSON error)'}`;
      expect(server.alive(), `${c.name}\n${server.child.output()}`).toBe(true);
    }
    await truncatedUpload(server.url);
    expect(observed).toEqual(Object.fromEntries(cases.map((c) => [c.name, c.expect.join(' ')])));

    // Nothing of the refused uploads was stored; a normal paper is still analyzed.
    const list = (await (await fetch(`${server.url}/api/documents`)).json()) as { total: number };
    expect(list.total).toBe(0);
    const ok = await post(server.url, JSON.stringify({ files: [{ filename: 'paper.txt', contentBase64: b64(paper) }] }), {});
    expect(ok.status).toBe(202);
    const id = (ok.json as unknown as { documents: { id: string }[] }).documents[0]!.id;
    await waitFor('the paper to be analyzed', async () => {
      const doc = (await (await fetch(`${server.url}/api/documents/${id}`)).json()) as { document: { status: string } };
      return doc.document.status === 'done';
    });
    const peak = server.peakRssMb();
    expect(server.alive()).toBe(true);
    expect(server.child.output()).not.toMatch(UNCAUGHT);
    // The bombs are cut at MAX_JSON_BODY_MB (64): the process never holds their inflated size.
    expect(peak).toBeLessThan(600);
    recordReliability({
      suite: 'hostile request bodies', inputs: cases.length + 2, faults: cases.length + 1, submitted: 1, done: 1, failed: {}, duplicates: 0, lost: 0,
      notes: `each a 4xx JSON error as expected; server peak RSS ${Math.round(peak)} MB; no uncaught exception`,
    });
  }, 120_000);
});
