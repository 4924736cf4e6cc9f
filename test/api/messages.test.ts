// What the server says, in the language the request asks for: Russian for `Accept-Language: ru`
// (or the `lang` cookie the pages set, or `?lang=ru`), English otherwise; every error keeps its
// machine `code` and names the bad value and the valid ones in `details`. Over real HTTP, on a
// server listening on a port. And the two catalogues hold the same keys and placeholders.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/messages/index.js';
import { startTestApp, type TestApp } from '../support/runtime.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('hold every key in both languages, with the same placeholders and no empty text', () => {
    const { en, ru } = CATALOGUES;
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const russian = ru[key as keyof typeof ru];
      expect(text.trim(), key).not.toBe('');
      expect(russian.trim(), key).not.toBe('');
      expect(placeholders(russian), key).toEqual(placeholders(text));
    }
  });

  it('write the Russian texts in Russian', () => {
    // Names a client types (parameters, fields, ids) stay Latin; every sentence has Cyrillic words.
    const latinOnly = Object.entries(CATALOGUES.ru).filter(([, text]) => !/[а-яё]/i.test(text.replace(/\{\w+\}/g, '')));
    expect(latinOnly.map(([key]) => key)).toEqual(['upload.fileRejected']);
  });
});

/** A server of its own on a free port, asked with fetch. */
async function listen(env: Record<string, string>): Promise<{ app: TestApp; server: Server; base: string }> {
  const app = await startTestApp(env);
  const server = app.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { app, server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function stop(running: { app: TestApp; server: Server } | undefined): Promise<void> {
  if (!running) return;
  await new Promise((resolve) => running.server.close(resolve));
  await running.app.close();
}

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

describe('API messages by language', () => {
  let running: Awaited<ReturnType<typeof listen>>;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(running.base + path, { headers });
    return { status: res.status, language: res.headers.get('content-language'), body: (await res.json()) as ErrorBody };
  };

  beforeAll(async () => {
    running = await listen({ MAX_UPLOAD_MB: '1' });
  }, 60_000);
  afterAll(() => stop(running));

  const RU = { 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.8' };

  it('answers in Russian when the client prefers Russian, in English otherwise', async () => {
    for (const [headers, expected] of [
      [RU, 'ru'],
      [{ 'Accept-Language': 'ru' }, 'ru'],
      [{ 'Accept-Language': 'en-GB,en;q=0.9,ru;q=0.8' }, 'en'],
      [{ 'Accept-Language': 'de-DE,de;q=0.9' }, 'en'],
      [{}, 'en'],
      [{ 'Accept-Language': 'en', Cookie: 'theme=dark; lang=ru' }, 'ru'],
    ] as const) {
      const res = await get('/api/factors?collection=nope', headers);
      expect(res.status).toBe(404);
      expect(res.language, JSON.stringify(headers)).toBe(expected);
    }
    // An explicit ?lang wins over the header, on every route (a strict query included).
    expect((await get('/api/terms?by=month&lang=en', RU)).language).toBe('en');
    expect((await get('/api/terms?by=month&lang=ru')).body.error.message).toMatch(/^Параметр запроса by/);
  });

  it('names the bad value and the valid ones, in the text and as data', async () => {
    const cases: [string, number, string, RegExp, RegExp][] = [
      ['/api/factors?factor=sanction', 400, 'invalid_query', /^Unknown factor "sanction"; the codebook has .*\bsanctions\b/, /^Неизвестный фактор «sanction»; в кодовой книге есть .*\bsanctions\b/],
      ['/api/factors?collection=nope', 404, 'not_found', /^No collection "nope"; there are no collections yet\.$/, /^Нет коллекции «nope»; коллекций пока нет\.$/],
      ['/api/search?q=x&language=deu', 400, 'invalid_query', /^Unknown language "deu"; use .*\bru\b/, /^Неизвестный язык «deu»; допустимо: .*\bru\b/],
      ['/api/factors?stance=hostile', 400, 'invalid_query', /^Query parameter stance="hostile": .*positive/, /^Параметр запроса stance="hostile": .*positive/],
      ['/api/documents?language=Russian', 400, 'invalid_query', /a language code such as ru or en$/, /код языка, например ru или en$/],
      ['/api/documents?year=20x1', 400, 'invalid_query', /year="20x1": a year \(2019\) or a range/, /year="20x1": год \(2019\) или диапазон/],
      ['/api/documents/xyz', 404, 'not_found', /^No document "xyz": ids are sha256 hex\.$/, /^Нет документа «xyz»: идентификаторы — шестнадцатеричные sha256\.$/],
      ['/api/documents/0123456789ab', 404, 'not_found', /^No document 0123456789ab\.$/, /^Нет документа 0123456789ab\.$/],
      ['/api/export/nothing.csv', 404, 'not_found', /^No export "nothing\.csv"; there are .*factors\.csv/, /^Нет выгрузки «nothing\.csv»; есть .*factors\.csv/],
      ['/api/nowhere', 404, 'not_found', /^No API route GET \/nowhere\.$/, /^В API нет маршрута GET \/nowhere\.$/],
      ['/api/compare?documents=a', 400, 'invalid_query', /^Give 2 to 20 documents/, /^Укажите от 2 до 20 документов/],
    ];
    for (const [path, status, code, english, russian] of cases) {
      const en = await get(path);
      const ru = await get(path, RU);
      expect([en.status, en.body.error.code], path).toEqual([status, code]);
      expect([ru.status, ru.body.error.code], path).toEqual([status, code]);
      expect(en.body.error.message, path).toMatch(english);
      expect(ru.body.error.message, path).toMatch(russian);
      // The data are the same whatever the language (a query's `reason` is zod's text in it).
      const data = ({ reason: _, ...details }: Record<string, unknown> = {}) => details;
      expect(data(ru.body.error.details), path).toEqual(data(en.body.error.details));
    }
    expect((await get('/api/factors?stance=hostile')).body.error.details).toMatchObject({ parameter: 'stance', value: 'hostile', valid: ['positive', 'negative', 'neutral'] });
    const factor = (await get('/api/factors?factor=sanction', RU)).body.error.details!;
    expect(factor.values).toEqual(['sanction']);
    expect(factor.valid).toContain('sanctions');
    expect((await get('/api/factors?collection=nope')).body.error.details).toMatchObject({ values: ['nope'], valid: [] });
  });

  it('tells upload outcomes, sizes and passwords in the language asked for', async () => {
    const upload = async (headers: Record<string, string>, files: [string, Uint8Array][]) => {
      const form = new FormData();
      for (const [name, bytes] of files) form.append('files', new Blob([bytes]), name);
      const res = await fetch(`${running.base}/api/documents`, { method: 'POST', body: form, headers });
      return { status: res.status, body: (await res.json()) as ErrorBody & { documents: { id: string }[]; rejected: { filename: string; error: { code: string; message: string } }[] } };
    };
    const text = new TextEncoder().encode('Sanctions pressure reduced high-tech exports.');
    const notPdf = new TextEncoder().encode('x'.repeat(10)).map(() => 0);

    // One file taken, one refused: the refusal is told in the request's language.
    const mixed = await upload(RU, [['paper.txt', text], ['empty.txt', new Uint8Array(0)]]);
    expect(mixed.status).toBe(202);
    expect(mixed.body.rejected).toEqual([{ filename: 'empty.txt', error: { code: 'empty_file', message: 'Файл пуст.' } }]);
    expect((await upload({}, [['paper.txt', text], ['empty.txt', new Uint8Array(0)]])).body.rejected[0]!.error.message).toBe('The file is empty.');

    // The wrong type of file.
    const binary = await upload(RU, [['scan.pdf', notPdf]]);
    expect([binary.status, binary.body.error.code]).toEqual([415, 'unsupported_media_type']);
    expect(binary.body.error.message).toBe('Это не PDF, не текст и не Markdown.');
    expect((await upload({}, [['scan.pdf', notPdf]])).body.error.message).toBe('Not a PDF, text or Markdown file.');

    // Every file refused: each named, in one message.
    const both = await upload(RU, [['a.txt', new Uint8Array(0)], ['b.pdf', notPdf]]);
    expect(both.body.error.message).toBe('Ни один файл не принят. a.txt: Файл пуст. b.pdf: Это не PDF, не текст и не Markdown.');

    // Over the upload limit (1 MB here), as multipart and as JSON.
    const big = new Uint8Array(1024 * 1024 + 10).fill(65);
    const tooBig = await upload(RU, [['big.txt', big]]);
    expect([tooBig.status, tooBig.body.error.code, tooBig.body.error.message]).toEqual([413, 'limit_file_size', 'Файл больше допустимого размера загрузки.']);
    expect((await upload({}, [['big.txt', big]])).body.error.message).toBe('A file is larger than the upload limit.');
    const json = await fetch(`${running.base}/api/documents`, {
      method: 'POST',
      headers: { ...RU, 'Content-Type': 'application/json' },
      body: JSON.stringify({ files: [{ filename: 'big.txt', contentBase64: Buffer.from(big).toString('base64') }] }),
    });
    expect(json.status).toBe(413);
    expect(((await json.json()) as ErrorBody).error.message).toBe('big.txt больше допустимого размера загрузки.');

    // A password that cannot be one.
    const id = mixed.body.documents[0]!.id;
    const reanalyze = await fetch(`${running.base}/api/documents/${id}/reanalyze`, { method: 'POST', headers: { ...RU, 'Content-Type': 'application/json' }, body: '{"password": 5}' });
    expect(reanalyze.status).toBe(400);
    expect(((await reanalyze.json()) as ErrorBody).error).toEqual({ code: 'invalid_password', message: '«password» должен быть строкой не длиннее 1000 символов, без NUL.', details: { max: 1000 } });
  }, 60_000);

  it("tells why a document was not analyzed in the reader's language, with the analysis' own account beside it", async () => {
    const form = new FormData();
    form.append('files', new Blob(['%PDF-1.4 broken']), 'broken.pdf');
    const { documents } = (await (await fetch(`${running.base}/api/documents`, { method: 'POST', body: form })).json()) as { documents: { id: string }[] };
    const id = documents[0]!.id;
    let document: { status: string; error: { code: string; message: string; detail: string } | null } | undefined;
    for (let tries = 0; tries < 300 && !document?.error; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      ({ document } = (await (await fetch(`${running.base}/api/documents/${id}`, { headers: { Cookie: 'lang=ru' } })).json()) as { document: typeof document });
    }
    expect(document!.error!.code).toBe('pdf_invalid');
    expect(document!.error!.message).toBe('PDF повреждён и не читается.');
    expect(document!.error!.detail).toMatch(/[a-z]/);
    const english = (await (await fetch(`${running.base}/api/documents/${id}`)).json()) as { document: NonNullable<typeof document> };
    expect(english.document.error!.message).toBe('The PDF is damaged and cannot be read.');
  }, 60_000);
});

describe('API messages of the limits', () => {
  let running: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    running = await listen({ RATE_LIMIT_PER_MIN: '1' });
  }, 60_000);
  afterAll(() => stop(running));

  it('says when to try again, in either language', async () => {
    await fetch(`${running.base}/api/codebook`);
    const ru = await fetch(`${running.base}/api/codebook`, { headers: { 'Accept-Language': 'ru' } });
    const en = await fetch(`${running.base}/api/codebook`);
    expect([ru.status, en.status]).toEqual([429, 429]);
    expect(((await ru.json()) as ErrorBody).error.message).toMatch(/^Слишком много запросов; повторите через \d+ с\.$/);
    expect(((await en.json()) as ErrorBody).error.message).toMatch(/^Too many requests; try again in \d+ s\.$/);
  });
});
