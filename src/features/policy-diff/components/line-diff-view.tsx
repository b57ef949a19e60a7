import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { LoadingState } from '@/components/states/loading-state';
import { foldUnchanged, toSplitRows, type DiffLine, type DiffRow, type SplitRow } from '../line/line-diff';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { useLineDiff } from '../line/use-line-diff';
import { ChangeNavigator } from './change-navigator';
import { useChangeNavigation } from './use-change-navigation';
import './notice.css';
import './line-diff.css';

type Fold = Extract<DiffRow, { type: 'fold' }>;
type ViewRow = { kind: 'unified'; line: DiffLine } | { kind: 'split'; row: SplitRow } | { kind: 'fold'; fold: Fold };

const MARK = { added: '+', removed: '−', same: ' ' } as const;
const WORD = { added: 'added', removed: 'removed', same: '' } as const;

function Cell({ line, side }: { line: DiffLine | undefined; side: 'old' | 'new' }) {
  if (!line) return <div className="ld-cell ld-cell--empty" />;
  const no = side === 'old' ? line.oldNo : line.newNo;
  return (
    <div className={`ld-cell ld-cell--${line.kind}`}>
      <span className="ld-no" aria-hidden="true">
        {no}
      </span>
      <span className="ld-mark" aria-hidden="true">
        {MARK[line.kind]}
      </span>
      {line.kind !== 'same' && <span className="visually-hidden">{WORD[line.kind]}: </span>}
      <span className="ld-text">{line.text}</span>
    </div>
  );
}

function UnifiedLine({ line }: { line: DiffLine }) {
  return (
    <div className={`ld-cell ld-cell--${line.kind}`}>
      <span className="ld-no" aria-hidden="true">
        {line.oldNo}
      </span>
      <span className="ld-no" aria-hidden="true">
        {line.newNo}
      </span>
      <span className="ld-mark" aria-hidden="true">
        {MARK[line.kind]}
      </span>
      {line.kind !== 'same' && <span className="visually-hidden">{WORD[line.kind]}: </span>}
      <span className="ld-text">{line.text}</span>
    </div>
  );
}

interface LineDiffViewProps {
  before: Policy;
  after: Policy;
  mode: 'split' | 'unified';
  beforeLabel: string;
  afterLabel: string;
}

/** Two versions' normalised YAML, line by line: unchanged stretches folded, rows virtualised. */
export function LineDiffView({ before, after, mode, beforeLabel, afterLabel }: LineDiffViewProps) {
  const state = useLineDiff(before, after);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const folded = useMemo(
    () => (state.status === 'done' ? foldUnchanged(state.result.lines, 3, expanded) : undefined),
    [state, expanded],
  );
  const view = useMemo(() => {
    if (!folded) return undefined;
    if (mode === 'unified') {
      const rows: ViewRow[] = folded.rows.map((row) =>
        row.type === 'fold' ? { kind: 'fold', fold: row } : { kind: 'unified', line: row.line },
      );
      return { rows, hunkStarts: folded.hunkStarts };
    }
    const split = toSplitRows(folded.rows);
    const rows: ViewRow[] = split.rows.map((row) =>
      'type' in row ? { kind: 'fold', fold: row } : { kind: 'split', row },
    );
    return { rows, hunkStarts: split.hunkStarts };
  }, [folded, mode]);

  if (state.status === 'pending') return <LoadingState label="Comparing the documents line by line…" />;
  if (state.status === 'error') {
    return (
      <div className="policy-notice policy-notice--warning" role="alert">
        <p>The line diff failed: {state.message}</p>
      </div>
    );
  }
  return (
    <div className="line-diff">
      {state.result.timedOut && (
        <div className="policy-notice policy-notice--warning" role="status">
          <p>
            These documents are too different to line up in time: every line is shown as removed, then added. The
            structural view still says what changed.
          </p>
        </div>
      )}
      <VirtualLines
        rows={view!.rows}
        hunkStarts={view!.hunkStarts}
        mode={mode}
        stats={{ added: state.result.added, removed: state.result.removed }}
        beforeLabel={beforeLabel}
        afterLabel={afterLabel}
        onExpand={(from) => setExpanded((set) => new Set([...set, from]))}
      />
    </div>
  );
}

function VirtualLines({
  rows,
  hunkStarts,
  mode,
  stats,
  beforeLabel,
  afterLabel,
  onExpand,
}: {
  rows: ViewRow[];
  hunkStarts: number[];
  mode: 'split' | 'unified';
  stats: { added: number; removed: number };
  beforeLabel: string;
  afterLabel: string;
  onExpand: (from: number) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const nav = useChangeNavigation(hunkStarts.length);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler memoisation here
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 20,
    overscan: 30,
  });
  const currentRow = nav.current >= 0 ? hunkStarts[nav.current] : undefined;
  useEffect(() => {
    if (currentRow !== undefined) virtualizer.scrollToIndex(currentRow, { align: 'center' });
  }, [currentRow, virtualizer]);
  const currentHunkEnd = nav.current >= 0 ? (hunkStarts[nav.current + 1] ?? rows.length) : -1;

  return (
    <>
      <div className="line-diff__bar">
        <span className="line-diff__stats">
          <span className="ld-stat ld-stat--added">+{stats.added}</span>{' '}
          <span className="ld-stat ld-stat--removed">−{stats.removed}</span> <span className="muted">lines</span>
        </span>
        <ChangeNavigator
          current={nav.current}
          count={hunkStarts.length}
          onNext={nav.next}
          onPrevious={nav.previous}
          noun="changed block"
        />
      </div>
      {mode === 'split' && (
        <div className="line-diff__heads" aria-hidden="true">
          <span>{beforeLabel}</span>
          <span>{afterLabel}</span>
        </div>
      )}
      <div
        ref={scrollRef}
        className={`line-diff__scroll line-diff__scroll--${mode}`}
        role="region"
        aria-label={`Line diff, ${mode === 'split' ? 'side by side' : 'unified'}: ${beforeLabel} to ${afterLabel}`}
        tabIndex={0}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const inCurrent = currentRow !== undefined && item.index >= currentRow && item.index < currentHunkEnd;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={`ld-row${inCurrent ? ' ld-row--current' : ''}${mode === 'split' ? ' ld-row--split' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.kind === 'fold' ? (
                  <button type="button" className="ld-fold" onClick={() => onExpand(row.fold.from)}>
                    Show {row.fold.count} unchanged lines
                  </button>
                ) : row.kind === 'unified' ? (
                  <UnifiedLine line={row.line} />
                ) : (
                  <>
                    <Cell line={row.row.left?.kind === 'added' ? undefined : row.row.left} side="old" />
                    <Cell line={row.row.right?.kind === 'removed' ? undefined : row.row.right} side="new" />
                  </>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
