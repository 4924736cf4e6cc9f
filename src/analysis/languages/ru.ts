// Russian. Words are in lexicons/ru/.
import { createRequire } from 'node:module';
import { russianDictionaryForm } from '../abbreviations/morphology.js';
import { stemmerOf } from './porter.js';
import { defineLanguage } from './profile.js';

const require = createRequire(import.meta.url);

export const ru = defineLanguage({
  code: 'ru',
  script: 'cyrillic',
  stem: stemmerOf(require('natural/lib/natural/stemmers/porter_stemmer_ru.js')),
  // Case endings, with or without a hyphen: ВЭБ-а, НИСа, ТНК-ами.
  abbreviationEnding: '[-‐‑]?(?:а|у|е|и|ы|ю|ом|ой|ов|ам|ах|ей|ем|ям|ях|ами|ями)',
  abbreviationTail: '-?[а-яё]{1,3}',
  // By the OpenCorpora dictionaries (abbreviations/morphology.ts), else as written.
  dictionaryForm: (written) => russianDictionaryForm(written) ?? written,
  // «становления … не произошло»: the negated predicate comes after what it negates.
  negationReachesBack: true,
  stopWordShape: /^[а-яё]+$/,
  tesseract: 'rus',
  textSearch: 'russian',
  // Its letters tell Russian from the other Cyrillic languages (lexicons/cyrillic-alphabets.tsv);
  // Cyrillic text that nothing else settles is taken to be Russian.
  detection: { scriptDefault: true },
});
