/** Progress on stderr when it is a terminal: done/total, rate, ETA, failures so far (redrawn at most 5×/s). */

/** A progress line that redraws itself; silent when not on a TTY. */
export class Progress {
  private done = 0;
  private failed = 0;
  private lastDraw = 0;
  private readonly started = performance.now();
  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** Count one finished file. */
  tick(failed: boolean): void {
    this.done++;
    if (failed) this.failed++;
    const now = performance.now();
    if (this.enabled && (now - this.lastDraw > 200 || this.done === this.total)) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  /** Print a line above the progress line (diagnostics). */
  log(line: string): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
    this.stream.write(`${line}\n`);
    if (this.enabled) this.draw(performance.now());
  }

  /** Remove the progress line. */
  end(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }

  private draw(now: number): void {
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? this.done / secs : 0;
    const eta = rate > 0 ? (this.total - this.done) / rate : 0;
    const pct = this.total ? ((100 * this.done) / this.total).toFixed(1) : '100.0';
    this.stream.write(
      `\r\x1b[K[${this.done}/${this.total}] ${pct}% · ${rate.toFixed(1)} notices/s · ETA ${formatSeconds(eta)}${this.failed ? ` · ${this.failed} failed` : ''}`,
    );
  }
}

/** 75 → "1m15s". */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
