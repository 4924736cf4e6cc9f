// The structure step: after extraction, every paragraph gets its zone (title, authors, front
// matter, abstract, heading, body, caption, table, footnote, references, appendix…) and the paper's
// bibliographic record is read from them. Only the abstract and the body are the paper's argument;
// the later steps count factors there alone (see ARGUMENT_ZONES).
import type { Bibliography, FurnitureLine, Zone } from '../types.js';
import { readBibliography } from './bibliography.js';
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
  const { zones, front } = assignZones(paragraphs, furnitureTexts);
  const bibliography = readBibliography(paragraphs, zones, front, furnitureTexts);
  return { zones, bibliography, warnings: structureWarnings(paragraphs, zones) };
}
