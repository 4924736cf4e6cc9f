// natural's main entry loads every module it has (slow, and prints to stdout), so a language
// profile requires its stemmer module directly (natural/lib/natural/stemmers/porter_stemmer_XX.js);
// they are CommonJS modules without type declarations.

interface PorterStemmer {
  stem(word: string): string;
}

/** A stemming function from one of natural's stemmer modules. */
export function stemmerOf(module: unknown): (word: string) => string {
  const stemmer = module as PorterStemmer;
  return (word) => stemmer.stem(word);
}
