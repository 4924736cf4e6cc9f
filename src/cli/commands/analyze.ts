// `policylens analyze <file>`: the analysis of one file, printed, with nothing stored.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../../analysis/index.js';

export async function analyzeFile(path: string, options: { text?: boolean; password?: string }): Promise<string> {
  const bytes = new Uint8Array(readFileSync(path));
  const result = await analyze(bytes, { filename: basename(path), password: options.password });
  return options.text ? result.text : JSON.stringify(result.summary, null, 2);
}
