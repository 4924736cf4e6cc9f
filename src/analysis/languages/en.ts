// English. Words are in lexicons/en/.
import { createRequire } from 'node:module';
import { stemmerOf } from './porter.js';
import { defineLanguage } from './profile.js';

const require = createRequire(import.meta.url);
const porter = stemmerOf(require('natural/lib/natural/stemmers/porter_stemmer.js'));
const POSSESSIVE = /['’]s$/;

export const en = defineLanguage({
  code: 'en',
  script: 'latin',
  // The possessive is dropped first (country's → countri).
  stem: (word) => porter(word.replace(POSSESSIVE, '')),
  // Plurals and possessives: TNCs, OECD's.
  abbreviationEnding: "s|['’]s",
  abbreviationTail: "['’]?s",
  // As written, in the singular when the short form was plural (TNCs → multinational corporation).
  dictionaryForm: (written, pluralShort) => (pluralShort ? singularLastWord(written) : written),
  negationReachesBack: false,
  stopWordShape: /^[a-z']+$/,
  tesseract: 'eng',
  textSearch: 'english',
  // Latin-script prose made largely of English stop words is English.
  detection: { stopWords: { share: 0.3, minWords: 6, sample: 300, word: /[A-Za-z']+/g } },
});

function singularLastWord(phrase: string): string {
  return phrase.replace(/(\p{L}+?)(ies|s)$/u, (_, stem: string, ending: string) => (ending === 'ies' ? `${stem}y` : stem));
}
