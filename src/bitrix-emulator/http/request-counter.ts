/** REST calls by method, for `/_emulator/state`: lets a benchmark see what a client asked from outside. */
export interface RequestCounts {
  total: number;
  byMethod: Record<string, number>;
  /** Commands carried inside `batch` calls, by lower-cased method (not part of `total`). */
  batchedByMethod: Record<string, number>;
}

export class RequestCounter {
  private total = 0;
  private readonly byMethod = new Map<string, number>();
  private readonly batched = new Map<string, number>();

  /** One HTTP REST call (a batch is one, under `batch`); `method` is the lower-cased route name. */
  count(method: string): void {
    this.total++;
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
  }

  /** One command inside a batch: tells a benchmark what a quiet cycle's batch asked for. */
  countBatched(method: string): void {
    this.batched.set(method, (this.batched.get(method) ?? 0) + 1);
  }

  snapshot(): RequestCounts {
    return { total: this.total, byMethod: Object.fromEntries(this.byMethod), batchedByMethod: Object.fromEntries(this.batched) };
  }
}
