// Finding the papers to ingest: files given directly, and folders walked recursively.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const PAPER_EXTENSIONS = new Set(['.pdf', '.txt', '.md']);

export function collectPaperFiles(paths: string[]): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) walk(join(path, name));
    } else if (stat.isFile() && PAPER_EXTENSIONS.has(extname(path).toLowerCase())) {
      found.push(path);
    }
  };
  for (const path of paths) walk(path);
  return [...new Set(found)];
}
