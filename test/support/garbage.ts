// Hostile files made on the fly: what a careless script or an attacker might upload.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { createDeflate, deflateSync } from 'node:zlib';

/** A minimal valid PDF with `pages` pages that all share one tiny content stream. */
export function manyPagePdf(pages: number): Buffer {
  const objects: string[] = [];
  const pageIds = Array.from({ length: pages }, (_, i) => 5 + i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Count ${pages} /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  const content = 'BT /F1 12 Tf 72 720 Td (Sanctions and exports.) Tj ET';
  objects[4] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  for (const id of pageIds) objects[id] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>';
  return assemblePdf(objects);
}

/** A PDF whose page resources hold arrays nested `depth` levels deep. */
export function deeplyNestedPdf(depth: number): Buffer {
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = '<< /Type /Pages /Count 1 /Kids [3 0 R] >>';
  objects[3] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Nested ${'['.repeat(depth)}${']'.repeat(depth)} >>`;
  const content = 'BT /F1 12 Tf 72 720 Td (x) Tj ET';
  objects[4] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  return assemblePdf(objects);
}

/**
 * A decompression bomb: one page whose content stream is `megabytes` of spaces deflated twice
 * (`[/FlateDecode /FlateDecode]`), a few KB on disk. Deflating is streamed: the test never holds
 * the inflated size.
 */
export async function flateBombPdf(megabytes: number): Promise<Buffer> {
  const twice = deflateSync(await deflateRepeated(0x20, megabytes << 20), { level: 9 }).toString('latin1');
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = '<< /Type /Pages /Count 1 /Kids [3 0 R] >>';
  objects[3] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>';
  objects[4] = `<< /Length ${twice.length} /Filter [/FlateDecode /FlateDecode] >>\nstream\n${twice}\nendstream`;
  return assemblePdf(objects);
}

/** One page without text holding a `side` × `side` grey image (OCR renders it), deflated to little. */
export async function hugeImagePdf(side: number): Promise<Buffer> {
  const pixels = (await deflateRepeated(0x80, side * side)).toString('latin1');
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = '<< /Type /Pages /Count 1 /Kids [3 0 R] >>';
  objects[3] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im 5 0 R >> >> /Contents 4 0 R >>';
  const content = 'q 612 0 0 792 0 0 cm /Im Do Q';
  objects[4] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  objects[5] = `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n${pixels}\nendstream`;
  return assemblePdf(objects);
}

/** `total` copies of one byte, deflated as a stream: only the compressed form is ever held. */
async function deflateRepeated(byte: number, total: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(1 << 20, byte);
  for (let left = total; left > 0; left -= chunk.length) {
    if (!deflate.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return Buffer.concat(out);
}

function assemblePdf(objects: string[]): Buffer {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export function randomWithPdfHeader(bytes: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytes)]);
}

/** A file of `size` bytes that takes no disk space (all zeros). */
export function sparseFile(path: string, size: number): string {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

export function oneLongLine(bytes: number): Buffer {
  const words = 'sanctions export innovation brain drain universities technology '.split(' ');
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const w = words[i % words.length]! + ' ';
    parts.push(w);
    size += w.length;
  }
  return Buffer.from(parts.join(''));
}

export function invalidUtf8(): Buffer {
  return Buffer.concat([Buffer.from('Санкции и экспорт. '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]), Buffer.from(' Brain drain.')]);
}

export function withNulBytes(): Buffer {
  return Buffer.from('Sanctions\u0000 and\u0000 exports\u0000 fell.\u0000'.repeat(50));
}
