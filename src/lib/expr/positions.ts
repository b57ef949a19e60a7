/** A place in the source. `offset` is a 0-based UTF-16 index; `line` and `column` are 1-based (column in UTF-16 units). */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** Maps offsets to line/column for one source text; build once per source, then look up many offsets. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly source: string) {
    for (let i = 0; i < source.length; i++) {
      if (source.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.source.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    const lineStart = this.lineStarts[low] ?? 0;
    return { offset: clamped, line: low + 1, column: clamped - lineStart + 1 };
  }
}
