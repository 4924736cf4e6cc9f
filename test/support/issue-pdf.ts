// A journal issue in another house style than the Russian ones of ../shared, typeset here from
// the English sample papers of corpus/: no classification lines and no contents page; each
// article opens with a bold title in larger print, an author line of initials and surnames and an
// "Abstract." paragraph, and starts on the page where the previous one's references end. Every
// page carries the journal's running header. Returns the PDF and where each article starts.
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../../src/paths.js';

export const ISSUE_PAPERS = ['en-1-export-controls-semiconductors', 'en-2-brain-drain-human-capital', 'en-3-green-transition-value-chains'];
const HEADER = 'Journal of Test Policy Studies, Vol. 7, No. 2 (2024)';
/** The text starts below the top eighth of the page, where running headers stand (src/analysis/extract/pdf/furniture.ts reads that zone as margin). */
const TOP = 110;

/** `authorsFirst`: the author line above the title, as many Russian journals print it. */
export async function typesetIssue(options: { authorsFirst?: boolean } = {}): Promise<{ pdf: Uint8Array; starts: { page: number; title: string; firstAuthor: string }[] }> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: TOP, bottom: 70, left: 60, right: 60 }, bufferPages: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  let page = 1;
  const header = () => doc.save().font('Helvetica').fontSize(8).text(HEADER, 60, 50, { width: 475, align: 'center' }).restore();
  header();
  doc.on('pageAdded', () => {
    page++;
    const y = doc.y;
    header();
    doc.x = 60;
    doc.y = Math.max(y, TOP);
  });
  doc.x = 60;
  doc.y = TOP;
  const starts: { page: number; title: string; firstAuthor: string }[] = [];
  for (const name of ISSUE_PAPERS) {
    const [title, authors, ...paragraphs] = readFileSync(join(corpusDir, `${name}.txt`), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    if (starts.length) doc.moveDown(2);
    starts.push({ page, title: title!, firstAuthor: authors!.split(',')[0]!.trim() });
    const printTitle = () => doc.font('Helvetica-Bold').fontSize(15).text(title!, { align: 'center' });
    const printAuthors = () => doc.font('Helvetica').fontSize(11).text(authors!, { align: 'center' });
    for (const print of options.authorsFirst ? [printAuthors, printTitle] : [printTitle, printAuthors]) {
      print();
      doc.moveDown(0.5);
    }
    doc.moveDown(0.5);
    for (const paragraph of paragraphs) {
      const small = /^(Abstract|Keywords)/.test(paragraph);
      const heading = paragraph.length < 60 && !/[.!?]$/.test(paragraph);
      doc.font(heading ? 'Helvetica-Bold' : 'Helvetica').fontSize(small ? 9 : 10).text(paragraph, { align: 'justify' });
      doc.moveDown(0.6);
    }
  }
  doc.end();
  await done;
  return { pdf: new Uint8Array(Buffer.concat(chunks)), starts };
}
