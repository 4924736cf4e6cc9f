// Test data under ../shared is on development machines and in CI but not in the repository.
// Tests that read it skip with a printed notice where it is missing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../src/paths.js';

export const hasShared = existsSync(sharedDir);
if (!hasShared) console.warn(`NOTICE: ${sharedDir} not found; tests that read ../shared are skipped`);

export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}
