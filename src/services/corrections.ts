// The user's corrections of a bibliographic record, shown wherever the Summary is (the document's
// JSON, its page, the summaries export); the stored Summary stays what the analysis found.
import type { Summary } from '../analysis/types.js';
import type { Correction } from '../store/documents-repository.js';

/** A Summary whose bibliographic record shows the user's corrections where there are some. */
export function withCorrections(summary: Summary, correction: Correction | undefined): Summary {
  if (!correction) return summary;
  const { title, authors, year, venue } = correction;
  const document = { ...summary.document };
  if (title !== null) document.title = title;
  if (authors !== null) document.authors = authors;
  if (year !== null) document.year = year;
  if (venue !== null) document.venue = venue;
  return { ...summary, document };
}
