import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The same code runs from src/ (tsx, vitest) and from dist/src/ (production), so the project
// root is found by walking up to package.json instead of counting '..'.
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('PolicyLens: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot();
export const lexiconsDir = join(projectRoot, 'lexicons');
export const corpusDir = join(projectRoot, 'corpus');
export const publicDir = join(projectRoot, 'src', 'api', 'public');
/** Test data shared by the team; absent outside development machines and CI. */
export const sharedDir = join(projectRoot, '..', 'shared');
