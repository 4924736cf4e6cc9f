// Fixed-window request counting per client, in memory. Each API process limits its own clients;
// behind a load balancer with N API processes a client gets up to N times the limit.

export class RateLimiter {
  private windowStart = Date.now();
  private counts = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one request; returns the seconds to wait when over the limit, else 0. */
  take(client: string, now = Date.now()): number {
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.counts.clear();
    }
    const count = (this.counts.get(client) ?? 0) + 1;
    this.counts.set(client, count);
    return count > this.limit ? Math.ceil((this.windowStart + this.windowMs - now) / 1000) : 0;
  }
}
