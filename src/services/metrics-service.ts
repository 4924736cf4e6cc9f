// Prometheus metrics of this process (prom-client, one registry per process so that tests can run
// several): the analysis time histogram of the analyses this process runs, and, read at each scrape,
// the queue's jobs by state and the stored documents by status, plus Node's process metrics.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobQueue } from '../queue/job-queue.js';
import type { DocumentsRepository } from '../store/documents-repository.js';

/** Seconds: a short text takes well under one, a long scanned PDF with OCR minutes. */
const ANALYSIS_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export class MetricsService {
  readonly registry = new Registry();
  private readonly analysisSeconds = new Histogram({
    name: 'policylens_analysis_duration_seconds',
    help: 'Time to analyze one document (extraction and analysis, in the sandbox), by outcome',
    labelNames: ['outcome'] as const,
    buckets: ANALYSIS_BUCKETS,
    registers: [this.registry],
  });
  private readonly requests = new Counter({
    name: 'policylens_http_requests_total',
    help: 'HTTP requests answered, by method and status class',
    labelNames: ['method', 'status'] as const,
    registers: [this.registry],
  });

  constructor(documents: Pick<DocumentsRepository, 'countByStatus'>, queue: () => Pick<JobQueue, 'jobCounts' | 'kind'>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'policylens_' });
    new Gauge({
      name: 'policylens_queue_jobs',
      help: 'Analysis jobs in the queue, by state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const current = queue();
        for (const [state, n] of Object.entries(await current.jobCounts())) this.set({ queue: current.kind, state }, n);
      },
    });
    new Gauge({
      name: 'policylens_documents',
      help: 'Stored documents, by status',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { status, documents: n } of await documents.countByStatus()) this.set({ status }, n);
      },
    });
  }

  /** One analysis finished (outcome: done, or the status it left the document in). */
  recordAnalysis(seconds: number, outcome: string): void {
    this.analysisSeconds.observe({ outcome }, seconds);
  }

  recordRequest(method: string, status: number): void {
    this.requests.inc({ method, status: `${Math.floor(status / 100)}xx` });
  }

  /** The metrics in Prometheus' text format, with its content type. */
  async exposition(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}
