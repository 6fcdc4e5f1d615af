/** Character classes as lookup tables: a loop over a text asks one table per code unit, not a RegExp per position. */

/** Which code units a one-character pattern matches, remembered per code unit. */
export class CharClass {
  /** 0: not asked yet, 1: matches, 2: does not. */
  private readonly memo = new Uint8Array(0x10000);

  constructor(readonly pattern: RegExp) {
    if (pattern.global || pattern.sticky) throw new Error(`CharClass needs a pattern without g or y: /${pattern.source}/${pattern.flags}`);
  }

  /** True when the pattern matches the one-character string of code unit `code`. */
  has(code: number): boolean {
    let m = this.memo[code]!;
    if (m === 0) {
      m = this.pattern.test(String.fromCharCode(code)) ? 1 : 2;
      this.memo[code] = m;
    }
    return m === 1;
  }
}
