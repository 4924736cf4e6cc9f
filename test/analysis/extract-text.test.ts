// Text uploads: encodings are detected and decoded, binary is rejected, hard-wrapped text with
// line-end hyphens comes out as paragraphs with the hyphenation undone.
import { describe, expect, it } from 'vitest';
import { AnalysisError } from '../../src/analysis/errors.js';
import { extract } from '../../src/analysis/extract/index.js';

const RUSSIAN = 'Санкционное давление привело к сокращению высокотехнологичного экспорта России.';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + 2 * i] = bigEndian ? code >> 8 : code & 0xff;
    bytes[3 + 2 * i] = bigEndian ? code & 0xff : code >> 8;
  }
  return bytes;
}

/** Windows-1251: А–я at 0xC0–0xFF, Ё 0xA8, ё 0xB8. */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code;
    if (ch === 'Ё') return 0xa8;
    if (ch === 'ё') return 0xb8;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    throw new Error(`no cp1251 byte for ${ch}`);
  }));
}

async function textOf(bytes: Uint8Array, filename = 'paper.txt'): Promise<string> {
  const doc = await extract(bytes, { filename });
  return doc.blocks.map((b) => b.text).join('\n\n');
}

async function rejection(bytes: Uint8Array, filename: string): Promise<AnalysisError> {
  try {
    await extract(bytes, { filename });
  } catch (error) {
    return error as AnalysisError;
  }
  throw new Error('expected a rejection');
}

describe('extract: text decoding', () => {
  it('reads UTF-8 with and without BOM', async () => {
    const plain = new TextEncoder().encode(RUSSIAN);
    expect(await textOf(plain)).toBe(RUSSIAN);
    expect(await textOf(Uint8Array.from([0xef, 0xbb, 0xbf, ...plain]))).toBe(RUSSIAN);
  });

  it('reads UTF-16 LE and BE with BOM', async () => {
    expect(await textOf(utf16(RUSSIAN, false))).toBe(RUSSIAN);
    expect(await textOf(utf16(RUSSIAN, true))).toBe(RUSSIAN);
  });

  it('recognises Windows-1251 Russian', async () => {
    const text = 'Ёмкость рынка облачных услуг оценивается в 150 млрд руб. Ещё одна фраза.';
    expect(await textOf(cp1251(text))).toBe(text);
  });

  it('reads UTF-8 with a stray invalid byte as UTF-8, the byte replaced, with a warning', async () => {
    const plain = new TextEncoder().encode(RUSSIAN);
    const stray = Uint8Array.from([...plain.subarray(0, 40), 0xab, ...plain.subarray(40)]);
    const doc = await extract(stray, { filename: 'a.txt' });
    expect(doc.encoding).toBe('utf-8');
    expect(doc.blocks[0]?.text).toBe(new TextDecoder().decode(plain.subarray(0, 40)) + '\ufffd' + new TextDecoder().decode(plain.subarray(40)));
    expect(doc.warnings.join(' ')).toMatch(/1 invalid byte sequence/);
  });

  it('names the encoding it used', async () => {
    expect((await extract(new TextEncoder().encode(RUSSIAN), { filename: 'a.txt' })).encoding).toBe('utf-8');
    expect((await extract(cp1251('Ёмкость рынка облачных услуг оценивается.'), { filename: 'a.txt' })).encoding).toBe('windows-1251');
    expect((await extract(utf16(RUSSIAN, true), { filename: 'a.txt' })).encoding).toBe('utf-16be');
  });

  it('reads Western 8-bit text as Windows-1252, with a warning', async () => {
    const doc = await extract(new Uint8Array(Buffer.from('Café résumé', 'latin1')), { filename: 'a.txt' });
    expect(doc.blocks[0]?.text).toBe('Café résumé');
    expect(doc.warnings.join(' ')).toMatch(/Windows-1252/);
  });

  it('rejects binary content and empty files', async () => {
    expect((await rejection(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2]), 'image.txt')).code).toBe('unsupported_media_type');
    expect((await rejection(new Uint8Array(0), 'empty.txt')).code).toBe('empty_file');
  });

  it('judges by content: text named .pdf is not a PDF', async () => {
    expect((await rejection(new TextEncoder().encode(RUSSIAN), 'paper.pdf')).code).toBe('unsupported_media_type');
  });
});

describe('extract: hard-wrapped text', () => {
  it('undoes line-end hyphenation and keeps paragraphs, headings and compounds', async () => {
    const text = [
      'Введение',
      'Государственная программа связана с проведе-',
      'нием масштабной реформы научно-',
      'технического комплекса, а кредит ВЭБ-',
      'а помог. The develop-',
      'ment of risk-',
      'based rules was quick.',
      ' Второй абзац начинается с отступа и про-',
      'должается здесь, на следующей строке текста.',
    ].join('\n');
    const doc = await extract(new TextEncoder().encode(text), { filename: 'x.txt' });
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Введение'],
      ['body', 'Государственная программа связана с проведением масштабной реформы научно-технического комплекса, а кредит ВЭБ-а помог. The development of risk-based rules was quick.'],
      ['body', 'Второй абзац начинается с отступа и продолжается здесь, на следующей строке текста.'],
    ]);
  });

  it('continues a paragraph over a blank line left by a column break inside a word', async () => {
    const text = 'Цель исследования – раскрытие фак-\n\nторов развития экспорта.\n\nДругой абзац.';
    expect(await textOf(new TextEncoder().encode(text))).toBe('Цель исследования – раскрытие факторов развития экспорта.\n\nДругой абзац.');
  });
});
