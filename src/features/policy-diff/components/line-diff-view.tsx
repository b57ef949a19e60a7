import { memo, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { LoadingState } from '@/components/states/loading-state';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import {
  foldRows,
  hunkEnd,
  KIND_NAMES,
  lineLength,
  lineText,
  NO_LINE,
  splitRows,
  type PackedDiff,
  type PackedLines,
  type PackedRows,
} from '../line/packed-rows';
import { useLineDiff } from '../line/use-line-diff';
import { wrapLine, wrappedLineCount } from '../line/wrap-line';
import { ChangeNavigator } from './change-navigator';
import { useChangeNavigation } from './use-change-navigation';
import './line-diff.css';

/** One visual line of text. Rows are sized by arithmetic, never measured: see `useWrapColumns`. */
const LINE_PX = 20;
const PROBE_CHARS = 32;
const OVERSCAN = 8;

const MARK = { added: '+', removed: '−', same: ' ' } as const;
const WORD = { added: 'added', removed: 'removed', same: '' } as const;

/** A line's text, wrapped as `wrapLine` says (the row's height was computed from the same parts). */
function LineText({ text, columns }: { text: string; columns: number }) {
  if (text.length <= columns) return <span className="ld-text">{text}</span>;
  return (
    <span className="ld-text">
      {wrapLine(text, columns).map((part, i) => (
        <span key={i} className="ld-wrap" style={part.indent ? { paddingInlineStart: `${part.indent}ch` } : undefined}>
          {part.text}
        </span>
      ))}
    </span>
  );
}

/** Visual lines of diff line `index` (0 for no line) in a box `columns` wide. */
function visualLines(lines: PackedLines, index: number, columns: number): number {
  if (index === NO_LINE) return 0;
  return lineLength(lines, index) <= columns ? 1 : wrappedLineCount(lineText(lines, index), columns);
}

/** One diff line: its line numbers (one per side shown), its mark and its text, the kind said in words too. */
function DiffLine({
  lines,
  index,
  numbers,
  columns,
}: {
  lines: PackedLines;
  index: number;
  numbers: readonly number[];
  columns: number;
}) {
  const kind = KIND_NAMES[lines.kinds[index]!]!;
  return (
    <div className={`ld-side ld-cell ld-cell--${kind}`}>
      {numbers.map((no, i) => (
        <span key={i} className="ld-no" aria-hidden="true">
          {no || null}
        </span>
      ))}
      <span className="ld-mark" aria-hidden="true">
        {MARK[kind]}
      </span>
      {kind !== 'same' && <span className="visually-hidden">{WORD[kind]}: </span>}
      <LineText text={lineText(lines, index)} columns={columns} />
    </div>
  );
}

function Cell({
  lines,
  index,
  side,
  columns,
}: {
  lines: PackedLines;
  index: number;
  side: 'old' | 'new';
  columns: number;
}) {
  if (index === NO_LINE) return <div className="ld-side ld-cell ld-cell--empty" />;
  const no = side === 'old' ? lines.oldNo[index]! : lines.newNo[index]!;
  return <DiffLine lines={lines} index={index} numbers={[no]} columns={columns} />;
}

function UnifiedLine({ lines, index, columns }: { lines: PackedLines; index: number; columns: number }) {
  return (
    <DiffLine lines={lines} index={index} numbers={[lines.oldNo[index]!, lines.newNo[index]!]} columns={columns} />
  );
}

interface LineDiffViewProps {
  before: Policy;
  after: Policy;
  mode: 'split' | 'unified';
  beforeLabel: string;
  afterLabel: string;
}

const NOTHING_OPENED: ReadonlySet<number> = new Set();
const NO_HUNKS = new Uint32Array(0);

/**
 * Two versions' normalised YAML, line by line: unchanged stretches folded, rows virtualised. The
 * worker hands over the lines and both arrangements of rows ready to show; opening a fold re-folds
 * here (a pass over flat arrays).
 */
/** The line view's chunk also starts diffs ahead of the view (the diff page does, once idle). */
export { prefetchLineDiff } from '../line/use-line-diff';

export function LineDiffView({ before, after, mode, beforeLabel, afterLabel }: LineDiffViewProps) {
  const state = useLineDiff(before, after);
  const diff = state.status === 'done' ? state.diff : undefined;
  // Folds someone opened, for the diff they were opened in.
  const [opened, setOpened] = useState<{ diff: PackedDiff; from: ReadonlySet<number> } | undefined>(undefined);
  const expanded = diff && opened?.diff === diff ? opened.from : NOTHING_OPENED;
  const rows = useMemo(() => {
    if (!diff) return undefined;
    if (expanded.size === 0) return mode === 'split' ? diff.split : diff.unified;
    const unified = foldRows(diff.lines, 3, expanded);
    return mode === 'split' ? splitRows(diff.lines, unified) : unified;
  }, [diff, expanded, mode]);
  const onExpand = useCallback(
    (from: number) => {
      if (diff)
        setOpened((previous) => ({ diff, from: new Set([...(previous?.diff === diff ? previous.from : []), from]) }));
    },
    [diff],
  );

  if (state.status === 'error') {
    return (
      <div className="policy-notice policy-notice--warning" role="alert">
        <p>The line diff failed: {state.message}</p>
      </div>
    );
  }
  return (
    <div className="line-diff">
      {diff?.lines.timedOut && (
        <div className="policy-notice policy-notice--warning" role="status">
          <p>
            These documents are too different to line up in time: every line is shown as removed, then added. The
            structural view still says what changed.
          </p>
        </div>
      )}
      <VirtualLines
        lines={diff?.lines}
        rows={rows}
        mode={mode}
        beforeLabel={beforeLabel}
        afterLabel={afterLabel}
        onExpand={onExpand}
      />
    </div>
  );
}

/**
 * How many characters fit on one visual line of a row's text, from a hidden probe row laid out like
 * the real ones. The text is monospace and never wrapped by the browser: `wrapLine` breaks it (at
 * spaces and punctuation) into parts of at most this many characters, and a row is as many lines
 * high as its parts. Infinity until known (and where there is no layout, as in jsdom): then every
 * row is one line high.
 */
function useWrapColumns(probe: RefObject<HTMLSpanElement | null>, mode: 'split' | 'unified'): number {
  const [columns, setColumns] = useState(Infinity);
  useEffect(() => {
    const text = probe.current;
    const chars = text?.firstElementChild;
    if (!text || !chars || typeof ResizeObserver === 'undefined') return;
    // Read in the observer's callback, where layout is fresh anyway: never a forced layout of its own.
    const observer = new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]?.contentRect.width ?? 0;
      const charWidth = chars.getBoundingClientRect().width / PROBE_CHARS;
      // Rounded down, with a margin: a row one visual line too tall is harmless, one too short
      // would clip its last line.
      setColumns(charWidth > 0 && width > 0 ? Math.max(1, Math.floor(width / charWidth - 0.1)) : Infinity);
    });
    observer.observe(text);
    return () => observer.disconnect();
  }, [probe, mode]);
  return columns;
}

/**
 * The scroll box's size from a ResizeObserver only: the library's default also reads it at once,
 * which forces a layout in the middle of the commit that shows the view.
 */
function observeRectWhenLaidOut(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: { width: number; height: number }) => void,
) {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver === 'undefined') return observeElementRect(instance, cb);
  const observer = new ResizeObserver(() => cb({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element);
  return () => observer.disconnect();
}

const DiffRowView = memo(function DiffRowView({
  lines,
  rows,
  index,
  mode,
  start,
  size,
  current,
  columns,
  onExpand,
}: {
  lines: PackedLines;
  rows: PackedRows;
  index: number;
  mode: 'split' | 'unified';
  start: number;
  size: number;
  current: boolean;
  columns: number;
  onExpand: (from: number) => void;
}) {
  const className = `ld-row${current ? ' ld-row--current' : ''}${mode === 'split' ? ' ld-row--split' : ''}`;
  const style = { transform: `translateY(${start}px)`, height: size };
  if (rows.fold[index]) {
    const from = rows.a[index]!;
    return (
      <div className={className} style={style}>
        <button type="button" className="ld-fold" onClick={() => onExpand(from)}>
          Show {rows.b[index]} unchanged lines
        </button>
      </div>
    );
  }
  if (mode === 'unified') {
    return (
      <div className={className} style={style}>
        <UnifiedLine lines={lines} index={rows.a[index]!} columns={columns} />
      </div>
    );
  }
  // Split rows pair a removed (or unchanged) line on the left with an added (or unchanged) one.
  const left = rows.a[index]!;
  const right = rows.b[index]!;
  return (
    <div className={className} style={style}>
      <Cell lines={lines} index={left} side="old" columns={columns} />
      <Cell lines={lines} index={right} side="new" columns={columns} />
    </div>
  );
});

function VirtualLines({
  lines,
  rows,
  mode,
  beforeLabel,
  afterLabel,
  onExpand,
}: {
  /** Not yet there while the diff is on its way: the frame shows (and sizes itself) meanwhile. */
  lines: PackedLines | undefined;
  rows: PackedRows | undefined;
  mode: 'split' | 'unified';
  beforeLabel: string;
  afterLabel: string;
  onExpand: (from: number) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const probeRef = useRef<HTMLSpanElement>(null);
  const columns = useWrapColumns(probeRef, mode);
  const hunkStarts = rows?.hunkStarts ?? NO_HUNKS;
  const nav = useChangeNavigation(hunkStarts.length);
  const sizeOf = useCallback(
    (index: number) => {
      if (!lines || !rows || rows.fold[index] || columns === Infinity) return LINE_PX;
      const count =
        mode === 'split'
          ? Math.max(visualLines(lines, rows.a[index]!, columns), visualLines(lines, rows.b[index]!, columns))
          : visualLines(lines, rows.a[index]!, columns);
      return LINE_PX * Math.max(1, count);
    },
    [lines, rows, mode, columns],
  );
  // A new key function whenever the sizes change: the virtualizer then recomputes every row's
  // position in this render (its measurements are memoised on the key function).
  const keyOf = useCallback((index: number) => index, [sizeOf]); // eslint-disable-line react-hooks/exhaustive-deps
  // The first paint of a diff lays out only the rows in view; the ones just out of view (overscan,
  // for smooth scrolling) follow in a task of their own.
  const [overscan, setOverscan] = useState(0);
  useEffect(() => {
    if (!rows || overscan) return;
    const timer = setTimeout(() => setOverscan(OVERSCAN), 0);
    return () => clearTimeout(timer);
  }, [rows, overscan]);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler memoisation here
  const virtualizer = useVirtualizer({
    count: rows?.count ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: sizeOf,
    getItemKey: keyOf,
    observeElementRect: observeRectWhenLaidOut,
    // Until the observer reports: about the box's height (see .line-diff__scroll).
    initialRect: { width: 0, height: typeof window === 'undefined' ? 600 : window.innerHeight },
    overscan,
  });
  const currentRow = nav.current >= 0 ? hunkStarts[nav.current] : undefined;
  useEffect(() => {
    if (currentRow === undefined) return;
    virtualizer.scrollToIndex(currentRow, { align: 'center' });
    // The box is shorter than the window but may start below its fold: the block centred in the box
    // is only in sight once the whole box is.
    scrollRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [currentRow, virtualizer]);
  const currentHunkEnd = currentRow !== undefined && lines && rows ? hunkEnd(lines, rows, currentRow) : -1;

  return (
    <>
      <div className="spread-row line-diff__bar">
        {lines ? (
          <>
            <span className="line-diff__stats">
              <span className="ld-stat ld-stat--added">+{lines.added}</span>{' '}
              <span className="ld-stat ld-stat--removed">−{lines.removed}</span> <span className="muted">lines</span>
            </span>
            <ChangeNavigator
              current={nav.current}
              count={hunkStarts.length}
              onNext={nav.next}
              onPrevious={nav.previous}
              noun="changed block"
            />
          </>
        ) : (
          <LoadingState label="Comparing the documents line by line…" />
        )}
      </div>
      {mode === 'split' && (
        <div className="line-diff__heads" aria-hidden="true">
          <span>{beforeLabel}</span>
          <span>{afterLabel}</span>
        </div>
      )}
      <div
        ref={scrollRef}
        className={`line-diff__scroll line-diff__scroll--${mode}${lines ? '' : ' line-diff__scroll--pending'}`}
        // A region (named, focusable) once it has lines; until then an empty box the rows will fill.
        role={lines ? 'region' : undefined}
        aria-label={
          lines
            ? `Line diff, ${mode === 'split' ? 'side by side' : 'unified'}: ${beforeLabel} to ${afterLabel}`
            : undefined
        }
        tabIndex={lines ? 0 : undefined}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {/* Laid out like a row (the right-hand, narrower cell when split), never shown: see useWrapColumns. */}
          <div className={`ld-row ld-probe${mode === 'split' ? ' ld-row--split' : ''}`} aria-hidden="true">
            {mode === 'split' && <div className="ld-side" />}
            <div className="ld-side">
              {mode === 'unified' && <span className="ld-no" />}
              <span className="ld-no" />
              <span className="ld-mark" />
              <span className="ld-text" ref={probeRef}>
                <span className="ld-probe__chars">{'0'.repeat(PROBE_CHARS)}</span>
              </span>
            </div>
          </div>
          {lines &&
            rows &&
            virtualizer
              .getVirtualItems()
              .map((item) => (
                <DiffRowView
                  key={item.index}
                  lines={lines}
                  rows={rows}
                  index={item.index}
                  mode={mode}
                  start={item.start}
                  size={item.size}
                  current={currentRow !== undefined && item.index >= currentRow && item.index < currentHunkEnd}
                  columns={columns}
                  onExpand={onExpand}
                />
              ))}
        </div>
      </div>
    </>
  );
}
