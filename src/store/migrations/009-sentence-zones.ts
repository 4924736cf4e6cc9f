import type { Kysely, Migration } from 'kysely';

/**
 * Each sentence row keeps the zone of its paragraph (structure step), so that search and the
 * concordance leave the references out unless asked. Rows written before have no zone and are read
 * as body text; `reanalyze --stale` re-indexes their documents (DocumentsRepository.listForReanalysis).
 */
export const sentenceZones: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('sentences').addColumn('zone', 'text').execute();
  },
};
