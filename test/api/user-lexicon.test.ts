// The user lexicon: a quanteda YAML dictionary imported as extra factors through the API, stored in
// the database (SQLite always, PostgreSQL when reachable), counted by the analysis, and versioned
// so that `reanalyze --stale` finds the results it made outdated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factorLexicon, factorLexiconWith } from '../../src/analysis/factors/lexicon.js';
import { factorGlobs } from '../../src/analysis/factors/quanteda-dictionary.js';
import { parseQuantedaDictionary, userLexicon } from '../../src/analysis/factors/user-lexicon.js';
import { corpusDir } from '../../src/paths.js';
import type { Runtime } from '../../src/runtime.js';
import { quantedaDictionary } from '../../src/services/codebook-files.js';
import { startTestApp, waitFor, type TestApp } from '../support/runtime.js';
import { STORE_SETUPS } from '../support/services.js';

const PAPER = 'en-1-export-controls-semiconductors.txt';
const DICTIONARY = ['Экспортный контроль / Export controls:', '  - export control*', '  - экспортн* контрол*', '  - EAR', 'chips:', '  - semiconductor*', '  - chip'].join('\n');
const EXPORT_CONTROLS = 'user:экспортный_контроль_export_controls';

describe('user lexicon from a quanteda dictionary', () => {
  it('imports the exported codebook back with the same globs per factor, also once compiled and exported again', () => {
    const codebook = factorLexicon().factors;
    const exported = quantedaDictionary(codebook, 'test');
    const imported = parseQuantedaDictionary(exported);
    expect(imported.map((f) => f.id)).toEqual(codebook.map((f) => `user:${f.id}`));
    const yaml = parse(exported) as Record<string, string[]>;
    for (const f of imported) expect(f.globs).toEqual(yaml[f.id.slice('user:'.length)]);
    // The labels come back from the comment line the export writes above each key.
    expect(imported.map((f) => f.label)).toEqual(codebook.map((f) => f.label));
    // Compiled into the lexicon and exported again, the user factors give the same globs.
    const lexicon = factorLexiconWith(userLexicon(imported));
    for (const f of codebook) expect(factorGlobs(lexicon.byId.get(`user:${f.id}`)!).globs).toEqual(factorGlobs(f).globs);
  });

  it('labels a factor in each language by the script of its key, and refuses what it cannot match', () => {
    const [controls, chips] = parseQuantedaDictionary(DICTIONARY);
    expect(controls).toMatchObject({ id: EXPORT_CONTROLS, label: { ru: 'Экспортный контроль', en: 'Export controls' } });
    expect(chips).toMatchObject({ id: 'user:chips', label: { ru: 'chips', en: 'chips' }, globs: ['semiconductor*', 'chip'] });
    expect(parseQuantedaDictionary('policy:\n  trade:\n    - tariff*')[0]!.id).toBe('user:policy_trade');
    // A comment that is a note, not a pair of labels, leaves the key as the label.
    expect(parseQuantedaDictionary('# my own terms\ntrade:\n  - tariff*')[0]!.label).toMatchObject({ en: 'trade' });
    expect(parseQuantedaDictionary('# Пошлины / Tariffs (trade)\ntrade:\n  - tariff*')[0]!.label).toMatchObject({ ru: 'Пошлины', en: 'Tariffs' });
    expect(() => parseQuantedaDictionary('a:\n  - sa?ction')).toThrow(/"a": glob "sa\?ction"/);
    expect(() => parseQuantedaDictionary('a:\n  - "*"')).toThrow(/"a": glob "\*"/);
    expect(() => parseQuantedaDictionary('- just\n- a list')).toThrow(/mapping/);
  });
});

for (const setup of STORE_SETUPS) {
  describe.skipIf(!setup.enabled)(`user lexicon API on ${setup.name}`, () => {
    let runtime: Runtime;
    let app: TestApp['app'];
    let cleanup: () => Promise<void>;
    let id: string;

    const analyzedWith = (version: string) =>
      waitFor(`analysis with ${version}`, async () => {
        const { body } = await request(app).get(`/api/documents/${id}`);
        return body.document.status === 'done' && body.summary?.document.lexicon === version && body.summary;
      }, 60_000, 200);

    beforeAll(async () => {
      const database = await setup.env();
      ({ runtime, app, close: cleanup } = await startTestApp(database.env, database));
      const res = await request(app).post('/api/documents').attach('files', readFileSync(join(corpusDir, PAPER)), PAPER).expect(202);
      id = res.body.documents[0].id;
      await analyzedWith((await request(app).get('/api/lexicon').expect(200)).body.lexiconVersion);
    }, 120_000);

    afterAll(() => cleanup?.());

    it('imports a dictionary, counts its factors after reanalyze --stale, and goes back on removal', async () => {
      const before = (await request(app).get('/api/lexicon').expect(200)).body;
      expect(before.factors).toEqual([]);
      const imported = (await request(app).post('/api/lexicon').set('Content-Type', 'text/yaml').send(DICTIONARY).expect(201)).body;
      expect(imported.imported).toEqual([EXPORT_CONTROLS, 'user:chips']);
      expect(imported.lexiconVersion).toMatch(new RegExp(`^${before.lexiconVersion}\\+user@1:[0-9a-f]{12}$`));
      expect((await request(app).get('/api/lexicon').expect(200)).body.factors.map((f: { id: string }) => f.id).sort()).toEqual(['user:chips', EXPORT_CONTROLS].sort());

      expect(await runtime.services.documents.reanalyzeFinished({ staleOnly: true })).toBe(1);
      const summary = await analyzedWith(imported.lexiconVersion);
      const controls = summary.factors.find((f: { id: string }) => f.id === EXPORT_CONTROLS);
      expect(controls.label).toEqual({ ru: 'Экспортный контроль', en: 'Export controls' });
      expect(controls.mentions).toBeGreaterThan(0);
      expect(summary.factors.find((f: { id: string }) => f.id === 'user:chips').mentions).toBeGreaterThan(0);
      // The codebook's own factors are still counted beside them.
      expect(summary.factors.some((f: { id: string }) => f.id === 'semiconductors')).toBe(true);
      // A user factor is a factor like the codebook's in the factor table's filter.
      const table = (await request(app).get(`/api/factors?factor=${encodeURIComponent(EXPORT_CONTROLS)}`).expect(200)).body;
      expect(table.rows.map((r: { factor: string }) => r.factor)).toEqual([EXPORT_CONTROLS]);
      const typo = (await request(app).get('/api/factors?factor=user:chip').expect(400)).body;
      expect(typo.error.message).toMatch(/Unknown factor "user:chip".*the user lexicon has .*user:chips/);
      expect(await runtime.services.documents.reanalyzeFinished({ staleOnly: true })).toBe(0);

      const left = (await request(app).delete(`/api/lexicon/${encodeURIComponent('user:chips')}`).expect(200)).body;
      expect(left.factors.map((f: { id: string }) => f.id)).toEqual([EXPORT_CONTROLS]);
      expect(await runtime.services.documents.reanalyzeFinished({ staleOnly: true })).toBe(1);
      const after = await analyzedWith(left.lexiconVersion);
      expect(after.factors.some((f: { id: string }) => f.id === 'user:chips')).toBe(false);
    }, 120_000);

    it('refuses a dictionary it cannot use and an unknown id, naming what is wrong', async () => {
      const bad = (await request(app).post('/api/lexicon').set('Content-Type', 'text/yaml').send('x:\n  - "*"').expect(400)).body;
      expect(bad.error.message).toMatch(/"x": glob "\*"/);
      const missing = (await request(app).delete('/api/lexicon/user:nothing').expect(404)).body;
      expect(missing.error.message).toMatch(/No user factor "user:nothing"/);
    });
  });
}
