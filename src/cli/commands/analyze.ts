// `policylens analyze <file>`: the analysis of one file, printed, with nothing stored.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../../analysis/index.js';
import { ocrOptions, type Config } from '../../config.js';

export async function analyzeFile(config: Config, path: string, options: { text?: boolean; password?: string }): Promise<string> {
  const bytes = new Uint8Array(readFileSync(path));
  const result = await analyze(bytes, { filename: basename(path), password: options.password, ocr: ocrOptions(config) });
  return options.text ? result.text : JSON.stringify(result.summary, null, 2);
}
