// Reading order from positions: a column that is mostly a list with hanging indents (marks at the
// edge, the items' lines further in) is a column all the same, read before the one beside it; a
// line's size is its words'.
import { describe, expect, it } from 'vitest';
import { orderLines } from '../../src/analysis/extract/pdf/reading-order.js';
import type { TextRun } from '../../src/analysis/extract/pdf/runs.js';

const SIZE = 10;
const run = (text: string, x0: number, y: number, width = 230): TextRun => ({ text, x0, x1: x0 + width, y, size: SIZE });

describe('reading order: a column of list items with hanging indents', () => {
  it('reads the left column (a bulleted list) before the right one', () => {
    const runs: TextRun[] = [];
    const items = ['Grants: the share of firms that', 'Loans: the share of firms that', 'Vouchers: the share of firms that'];
    let y = 100;
    for (const item of items) {
      runs.push(run('•', 34, y, 4), run(item, 46, y, 224));
      runs.push(run('received one in the year before', 46, y + 12, 224), run('the survey, in per cent.', 46, y + 24, 120));
      y += 36;
    }
    const right = ['The right column goes on with the', 'text of the section, row by row', 'beside the list on the left and', 'down to the foot of the column,', 'as long as the list runs there,', 'and a little further than it does.', 'Its rows start at one edge', 'as the rows of text columns do', 'and end at the other edge.'];
    right.forEach((text, i) => runs.push(run(text, 300, 100 + 12 * i, 230)));
    const lines = orderLines(runs).map((l) => l.text);
    expect(lines.indexOf(right[0]!)).toBe(items.length * 3);
    expect(lines.slice(0, 3)).toEqual([`• ${items[0]}`, 'received one in the year before', 'the survey, in per cent.']);
  });
});

describe('reading order: the size of a line', () => {
  it('is set by its words, not by a list mark or a symbol printed larger', () => {
    const [line] = orderLines([{ text: '•', x0: 40, x1: 45, y: 100, size: 12.5 }, run('Grants: the share of firms that', 52, 100)]);
    expect(line).toMatchObject({ text: '• Grants: the share of firms that', size: SIZE });
  });
});
