/**
 * A per-user sliding window: at most `limit` commands in any `windowMs`. Memory stays bounded:
 * users whose commands have all left the window are forgotten.
 */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>()

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    protected readonly now: () => number = Date.now,
  ) {}

  /** Counts a command by `user`: 0 when allowed, else how many ms until one will be. */
  take(user: string): number {
    const t = this.now()
    const times = (this.recent.get(user) ?? []).filter((at) => t - at < this.windowMs)
    if (times.length >= this.limit) {
      this.recent.set(user, times)
      return this.windowMs - (t - (times[0] as number))
    }
    times.push(t)
    this.recent.set(user, times)
    if (this.recent.size > 10_000) this.forgetIdle(t)
    return 0
  }

  /**
   * Counts a command `user` made elsewhere at `at` (on another shard): the window is per user
   * across all shards, not per shard.
   */
  record(user: string, at: number): void {
    const times = this.recent.get(user) ?? []
    times.push(at)
    times.sort((a, b) => a - b)
    this.recent.set(user, times)
  }

  private forgetIdle(t: number): void {
    for (const [user, times] of this.recent)
      if (times.every((at) => t - at >= this.windowMs)) this.recent.delete(user)
  }
}
