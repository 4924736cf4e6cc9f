// The services a process offers its callers (the API, the CLI): built once, in src/runtime.ts.
import type { ApiKeyService } from './api-key-service.js';
import type { CompareService } from './compare-service.js';
import type { ConcordanceService } from './concordance-service.js';
import type { CorpusService } from './corpus-service.js';
import type { DocumentService } from './document-service.js';
import type { ExportService } from './export-service.js';
import type { FactorTableService } from './factor-table-service.js';
import type { HealthService } from './health-service.js';
import type { QualityService } from './quality-service.js';
import type { ReviewService } from './review-service.js';
import type { MetricsService } from './metrics-service.js';
import type { UserLexiconService } from './user-lexicon-service.js';

export interface Services {
  documents: DocumentService;
  factorTable: FactorTableService;
  compare: CompareService;
  corpus: CorpusService;
  concordance: ConcordanceService;
  exports: ExportService;
  health: HealthService;
  apiKeys: ApiKeyService;
  reviews: ReviewService;
  quality: QualityService;
  metrics: MetricsService;
  userLexicon: UserLexiconService;
}
