/** REST calls by method, for `/_emulator/state`: lets a benchmark see what a client asked from outside. */
export interface RequestCounts {
  total: number;
  byMethod: Record<string, number>;
}

export class RequestCounter {
  private total = 0;
  private readonly byMethod = new Map<string, number>();

  /** One HTTP REST call (a batch is one, under `batch`); `method` is the lower-cased route name. */
  count(method: string): void {
    this.total++;
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
  }

  snapshot(): RequestCounts {
    return { total: this.total, byMethod: Object.fromEntries(this.byMethod) };
  }
}
