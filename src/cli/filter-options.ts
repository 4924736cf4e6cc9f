// The corpus-filter options that `factors`, `export` (and `kwic`) share, and the filter they make.
import { Option, type Command } from 'commander';
import { STANCES, type Stance } from '../analysis/types.js';
import { render } from '../messages/index.js';
import { parseYearRange, type CorpusFilter } from '../store/corpus-filter.js';

export interface FilterOptions {
  factor?: string[];
  document?: string[];
  stance?: Stance;
  language?: string;
  collection?: string[];
  year?: string;
}

/** Adds --factor, --document, --stance, --language, --collection and --year to the command. */
export function withFilterOptions(command: Command, stanceMeans: string): Command {
  return command
    .option('--factor <id...>', 'only these factors (codebook ids)')
    .option('--document <id...>', 'only these documents (ids or id prefixes of 8+ digits)')
    .addOption(new Option('--stance <stance>', stanceMeans).choices(STANCES))
    .option('--language <code>', 'only this language')
    .option('--collection <name...>', 'only documents in these collections')
    .option('--year <range>', 'publication year or range: 2019, 2015-2020, 2015-, -2020');
}

export function toCorpusFilter(o: FilterOptions): CorpusFilter {
  return { factors: o.factor, documents: o.document, stance: o.stance, language: o.language, collection: o.collection, ...parseYears(o.year) };
}

/** --year 2019 or 2015-2020 (either end may be left out) as a filter range. */
function parseYears(value: string | undefined): Pick<CorpusFilter, 'yearFrom' | 'yearTo'> {
  if (value === undefined) return {};
  const range = parseYearRange(value);
  if (!range) throw new Error(`--year ${value}: ${render('en', { key: 'query.yearRange' })}`);
  return range;
}
