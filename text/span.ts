/** A half-open [start, end) range of UTF-16 offsets into a text (the contract's Span has this shape). */
export interface Span {
  start: number;
  end: number;
}
