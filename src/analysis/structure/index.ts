// The structure step: after extraction, every paragraph gets its zone (title, authors, front
// matter, abstract, heading, body, caption, table, footnote, references, appendix…) and the paper's
// bibliographic record is read from them. Only the abstract and the body are the paper's argument;
// the later steps count factors there alone (see ARGUMENT_ZONES).
import type { Bibliography, FurnitureLine, Zone } from '../types.js';
import { readBibliography } from './bibliography.js';
import { findOwnArticle } from './foreign.js';
import type { StructureParagraph } from './paragraph.js';
import { structureWarnings } from './warnings.js';
import { assignZones } from './zones.js';

export type { StructureParagraph } from './paragraph.js';

export interface DocumentStructure {
  zones: Zone[];
  bibliography: Bibliography;
  warnings: string[];
}

export function readStructure(paragraphs: readonly StructureParagraph[], furniture: readonly FurnitureLine[]): DocumentStructure {
  const furnitureTexts = furniture.map((f) => f.text);
  // Another article's text on this paper's first or last page is read as nothing of this paper's.
  const own = findOwnArticle(paragraphs);
  const from = own?.from ?? 0;
  const to = own?.to ?? paragraphs.length;
  const ownParagraphs = own ? paragraphs.slice(from, to) : paragraphs;
  const { zones: ownZones, front } = assignZones(ownParagraphs, furnitureTexts);
  const zones: Zone[] = own ? [...Array<Zone>(from).fill('foreign'), ...ownZones, ...Array<Zone>(paragraphs.length - to).fill('foreign')] : ownZones;
  const bibliography = readBibliography(ownParagraphs, ownZones, front, furnitureTexts);
  return { zones, bibliography, warnings: [...(own?.warnings ?? []), ...structureWarnings(ownParagraphs, ownZones)] };
}
