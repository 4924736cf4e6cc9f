// natural's main entry loads every module it has (slow, and prints to stdout), so its Porter
// stemmers are required directly; they are CommonJS modules without type declarations.
import { createRequire } from 'node:module';

interface PorterStemmer {
  stem(word: string): string;
}

const require = createRequire(import.meta.url);

/** One of natural's stemmers by its module name (porter_stemmer_ru, porter_stemmer). */
export function naturalStemmer(name: string): (word: string) => string {
  const stemmer = require(`natural/lib/natural/stemmers/${name}.js`) as PorterStemmer;
  return (word) => stemmer.stem(word);
}
