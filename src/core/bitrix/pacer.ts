import type { Clock } from '../ports';

/**
 * Client-side mirror of a portal's leaky bucket. Box portals have no request-rate limit
 * (server-facts §2), so the pacer starts open; the first 503 QUERY_LIMIT_EXCEEDED switches it to
 * the cloud bucket (burst 50, drain 2/s, docs-facts §2) and every further 503 teaches it a
 * smaller bucket, so a throttled portal sees steady traffic instead of bursts of refusals.
 */
export interface PacerState {
  limited: boolean;
  capacity: number;
  drainPerSecond: number;
}

export class Pacer {
  private limited = false;
  private capacity = 50;
  private drainPerSecond = 2;
  private level = 0;
  private levelAt = 0;

  constructor(private readonly clock: Clock) {}

  state(): PacerState {
    return { limited: this.limited, capacity: this.capacity, drainPerSecond: this.drainPerSecond };
  }

  private drain(now: number): void {
    const elapsed = Math.max(0, now - this.levelAt) / 1000;
    this.level = Math.max(0, this.level - elapsed * this.drainPerSecond);
    this.levelAt = now;
  }

  /** Milliseconds to wait before the next request may go. */
  delayBeforeRequest(): number {
    if (!this.limited) return 0;
    this.drain(this.clock.now());
    // Keep one slot of headroom: other clients (and the portal UI) share the bucket.
    const room = this.capacity - 1 - this.level;
    if (room >= 1) return 0;
    return Math.ceil(((1 - room) / this.drainPerSecond) * 1000);
  }

  /** Waits for room, then counts the request into the bucket. */
  async acquire(): Promise<void> {
    for (let delay = this.delayBeforeRequest(); delay > 0; delay = this.delayBeforeRequest()) {
      await this.clock.sleep(delay);
    }
    if (this.limited) {
      this.drain(this.clock.now());
      this.level += 1;
    }
  }

  /** The portal answered 503 QUERY_LIMIT_EXCEEDED: its bucket is full right now. */
  onLimitExceeded(): void {
    const now = this.clock.now();
    if (this.limited) {
      this.drain(now);
      // We thought there was room and there was not: the real bucket is smaller or drains slower.
      if (this.level < this.capacity - 1) this.capacity = Math.max(5, Math.floor(this.level + 1));
      else this.drainPerSecond = Math.max(0.5, this.drainPerSecond * 0.75);
    }
    this.limited = true;
    this.level = this.capacity;
    this.levelAt = now;
  }
}
