// Paragraphs from the layout: footnotes are small print at the foot of a page or, in two-column
// journals, at the foot of one column while the other column's text goes on lower down; what the
// structure step makes of such small print; a sentence cut at a column's foot goes on at the next
// column's top.
import { describe, expect, it } from 'vitest';
import { layoutParagraphs } from '../../src/analysis/extract/pdf/layout.js';
import type { Line } from '../../src/analysis/extract/pdf/reading-order.js';
import { readStructure, type StructureParagraph } from '../../src/analysis/structure/index.js';

const LEFT = { columnLeft: 40, columnRight: 290 };
const RIGHT = { columnLeft: 310, columnRight: 560 };
const BODY = 8;
const SMALL = 6.4;

/** A line of a column, full width unless `x1` says where it stops. */
function line(text: string, y: number, column: typeof LEFT, size = BODY, x1 = column.columnRight): Line {
  return { text, x0: column.columnLeft, x1, y, size, ...column };
}

/** Body lines of one column from `y` on, at the body's leading. */
function bodyLines(texts: string[], y: number, column: typeof LEFT): Line[] {
  return texts.map((text, i) => line(text, y + i * 10.5, column));
}

const paragraphs = (lines: Line[]) => layoutParagraphs([{ page: 1, lines }]).map((p) => ({ text: p.lines.join(' '), footnote: p.footnote }));

describe('layout: footnotes at the foot of a column', () => {
  it('takes the notes under the left column as footnotes while the right column goes on lower, and joins the sentence cut by them', () => {
    const lines = [
      ...bodyLines(['Governments often fund research in', 'firms through grants whose size', 'depends on the firm and on'], 500, LEFT),
      line('1 The grant rules changed twice during the period', 560, LEFT, SMALL),
      line('we study, which the data reflect.', 568.5, LEFT, SMALL, 200),
      ...bodyLines(['its partners in the project.', 'Larger firms receive less support', 'than small ones in every year.', 'The same holds for the regions', 'that spend the most on research', 'and for the years of growth, when', 'budgets of firms rise faster than', 'the grants they are given.'], 500, RIGHT),
    ];
    const result = paragraphs(lines);
    expect(result.filter((p) => p.footnote).map((p) => p.text)).toEqual(['1 The grant rules changed twice during the period we study, which the data reflect.']);
    expect(result.find((p) => !p.footnote)?.text).toMatch(/depends on the firm and on its partners in the project\./);
  });

  it('takes a note going on in the next column after small print of a formula (its indices)', () => {
    const lines = [
      ...bodyLines(['The share of the market is the sum', 'over all the firms of the country'], 500, LEFT),
      line('f ∈ F', 519, LEFT, SMALL, 80),
      line('continued from the note before: prices here leave out exchange rates.', 566, LEFT, SMALL),
    ];
    const right = bodyLines(['Some text of the right column', 'that goes on to the foot of the page,', 'further down than the note is', 'printed in the column on the left', 'of it, as long columns do when', 'the notes are short, until the', 'last line of the page is reached.'], 500, RIGHT);
    const result = paragraphs([...lines, ...right]);
    expect(result.filter((p) => p.footnote).map((p) => p.text)).toEqual(['continued from the note before: prices here leave out exchange rates.']);
    expect(result.some((p) => !p.footnote && p.text === 'f ∈ F')).toBe(true);
  });

  it('keeps a bibliography set small under its heading at the foot of a column', () => {
    const lines = [
      ...bodyLines(['The authors thank the reviewers for', 'their comments on the first version.'], 400, RIGHT),
      line('References', 440, RIGHT, BODY, 350),
      line('Doe, J., 2001. A study of grants. Journal of Tests 1, 1–10.', 458, RIGHT, SMALL),
      line('Roe, R., 2005. Another study of grants. Journal of Tests 5, 11–20.', 466, RIGHT, SMALL),
      ...bodyLines(['Left column text that ends lower', 'than the heading of the right one,', 'down to the foot of the page here.'], 400, LEFT),
      line('and its last line.', 400 + 3 * 10.5, LEFT, BODY, 150),
    ];
    expect(paragraphs(lines).some((p) => p.footnote)).toBe(false);
  });

  it('reads a heading that ends in a number ("Appendix A.1") as a heading, not as a sentence with its note mark', () => {
    const lines = [
      ...bodyLines(['The authors thank the reviewers for', 'their comments on the first version.'], 400, RIGHT),
      line('Appendix A.1', 440, RIGHT, BODY, 370),
      line('Region North South Coast', 458, RIGHT, SMALL),
      line('Grants 12 14 9', 466, RIGHT, SMALL),
      ...bodyLines(['Left column text that ends lower', 'than the heading of the right one,', 'down to the foot of the page here,', 'and its last line.'], 400, LEFT),
    ];
    expect(paragraphs(lines).some((p) => p.footnote)).toBe(false);
  });

  it('keeps small print that text of the page stands under (a note of a table above the body text)', () => {
    const full = { columnLeft: 40, columnRight: 560 };
    const lines = [
      ...bodyLines(['Text of the left column above a table', 'whose notes are set in small print.'], 300, LEFT),
      line('1 Values are in constant prices of the first year.', 340, LEFT, SMALL),
      ...bodyLines(['Text of the right column beside it', 'that ends here.'], 300, RIGHT),
      ...bodyLines(['A paragraph across the whole page below goes on with the argument.'], 400, full),
    ];
    expect(paragraphs(lines).some((p) => p.footnote)).toBe(false);
  });
});

describe('structure: small print at the foot of a column', () => {
  const p = (text: string, footnote = false, relativeSize = 1): StructureParagraph => ({ text, page: 2, relativeSize, footnote });
  const body = 'Subsidies for joint research reached more small firms after the reform than before it, and the firms that received them spent more of their own money on research in the following years.';

  it('reads a figure caption set small at the foot of a column as a caption, a note as a footnote, a front line as front matter', () => {
    const { zones } = readStructure(
      [
        p('1. Introduction', false, 1.1),
        p(body),
        p('Fig. 2. Grants per firm by year and region.', true, 0.8),
        p('3 The grants are counted in the year they were paid.', true, 0.8),
        p('E-mail address: someone@example.org (A. Someone).', true, 0.8),
      ],
      [],
    );
    expect(zones).toEqual(['heading', 'body', 'caption', 'footnote', 'front']);
  });

  it('reads the small print after a caption at the foot as its table, the notes opened by a mark as footnotes', () => {
    const { zones } = readStructure(
      [p('1. Introduction', false, 1.1), p(body), p('Table 4', true, 0.8), p('Definitions of the variables.', true, 0.8), p('Grant size Firm age', true, 0.8), p('5 The grants are counted in the year they were paid.', true, 0.8)],
      [],
    );
    expect(zones).toEqual(['heading', 'body', 'caption', 'table', 'table', 'footnote']);
  });

  it("reads small print that is no prose as a table's or a figure's text, small-print prose as text", () => {
    const { zones } = readStructure(
      [
        p('1. Introduction', false, 1.1),
        p(body),
        p(`As one reviewer put it in a note printed small: ${body.toLowerCase()}`, false, 0.8),
        p('Region: north Region: south Region: coast Region: mountains', false, 0.8),
        p('Grant size Firm age Exporter', false, 0.6),
        p('Region: north', false, 1),
      ],
      [],
    );
    expect(zones).toEqual(['heading', 'body', 'body', 'table', 'table', 'heading']);
  });

  it("reads small-print prose right after a table or a caption as the table's title or notes", () => {
    const { zones } = readStructure(
      [p('1. Introduction', false, 1.1), p(body), p('Table 2', false, 0.8), p('Grant size Firm age Exporter', false, 0.8), p(`Notes to the table: ${body}`, false, 0.8), p(body)],
      [],
    );
    expect(zones).toEqual(['heading', 'body', 'caption', 'table', 'table', 'body']);
  });
});

describe('layout: a sentence cut at a column foot', () => {
  const left = bodyLines(['Firms that received grants spent more', 'on research in the years after, as was', 'shown for the same programme by'], 500, LEFT);

  it('goes on at the next column top also when that line starts with a capital', () => {
    const right = bodyLines(['Smith and Jones (2010) for an earlier', 'period of the same programme.'], 60, RIGHT);
    right[1]!.x1 = 420;
    const result = paragraphs([...left, ...right]);
    expect(result.map((p) => p.text)).toEqual([`${left.map((l) => l.text).join(' ')} ${right.map((l) => l.text).join(' ')}`]);
  });

  it('does not go on into a numbered heading at the next column top', () => {
    const heading = line('4.2. Data from the survey of the firms', 60, RIGHT, BODY, 480);
    const result = paragraphs([...left, heading, ...bodyLines(['The survey covers all firms of the region.'], 81, RIGHT)]);
    expect(result[0]!.text).toBe(left.map((l) => l.text).join(' '));
    expect(result[1]!.text).toBe(heading.text);
  });
});
