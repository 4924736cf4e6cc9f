// Debian's Chromium for the browser tests (.ci/run installs it): under CI=true a missing one fails
// loudly; elsewhere its tests skip with a printed notice. Screenshots go to test-artifacts/browser.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing — CI=true requires it (.ci/run installs it)`);
  console.warn(`NOTICE: ${CHROMIUM} not found; browser tests are skipped`);
}

export const artifacts = join(projectRoot, 'test-artifacts', 'browser');
