// The pages' two dictionaries hold the same keys with the same placeholders, each plural entry has
// the forms its language needs, and every key a page or script names is in them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publicDir } from '../../src/paths.js';

type Entry = string | Record<string, string>;
type Dictionary = Record<string, Entry>;

const load = async (code: string): Promise<Dictionary> => ((await import(pathToFileURL(join(publicDir, 'js', 'i18n', `${code}.js`)).href)) as { default: Dictionary }).default;
const placeholders = (entry: Entry) => new Set([...(typeof entry === 'string' ? [entry] : Object.values(entry)).join(' ').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
/** The plural categories Intl gives each language: the forms an entry must have. */
const categories = (code: string) => new Intl.PluralRules(code).resolvedOptions().pluralCategories;

describe('interface dictionaries', async () => {
  const dictionaries = { en: await load('en'), ru: await load('ru') };

  it('have the same keys and placeholders', () => {
    expect(Object.keys(dictionaries.ru).sort()).toEqual(Object.keys(dictionaries.en).sort());
    for (const key of Object.keys(dictionaries.en)) expect([...placeholders(dictionaries.ru[key]!)], key).toEqual([...placeholders(dictionaries.en[key]!)]);
  });

  it('give every plural entry the forms of its language', () => {
    for (const [code, dictionary] of Object.entries(dictionaries)) {
      for (const [key, entry] of Object.entries(dictionary)) {
        if (typeof entry === 'object') expect(Object.keys(entry).sort(), `${code} ${key}`).toEqual([...categories(code)].sort());
      }
    }
  });

  it('hold every key the pages and scripts use', () => {
    const used = new Set<string>();
    for (const file of readdirSync(publicDir).filter((f) => f.endsWith('.html'))) {
      for (const m of readFileSync(join(publicDir, file), 'utf8').matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) used.add(m[1]!);
    }
    const scripts = join(publicDir, 'js');
    for (const file of readdirSync(scripts).filter((f) => f.endsWith('.js'))) {
      for (const m of readFileSync(join(scripts, file), 'utf8').matchAll(/\bt\('([\w.]+)'|heading: '([\w.]+)'|\['[^']*', '(nav\.\w+)'\]/g)) used.add((m[1] ?? m[2] ?? m[3])!);
    }
    expect(used.size).toBeGreaterThan(200);
    expect([...used].filter((key) => !(key in dictionaries.en))).toEqual([]);
  });
});
