import type { ExpressionTrace } from '@/lib/appeal';
import { formatValue } from '@/lib/appeal/describe-trace';

/** Where in the source an error happened: the line, with a caret under the column. */
function ErrorPlace({ source, line, column }: { source: string; line: number; column: number }) {
  const text = source.split('\n')[line - 1] ?? '';
  return (
    <pre className="trace-error__place mono" aria-label={`at line ${line}, column ${column}`}>
      {text}
      {'\n'}
      {' '.repeat(Math.max(0, column - 1))}^
    </pre>
  );
}

/**
 * One expression as Guardian evaluated it: the text, what it gave (or why it failed, and where), and
 * every `$appeal…` value it read.
 */
export function ExpressionResult({ label, trace }: { label: string; trace: ExpressionTrace }) {
  return (
    <div className="trace-expression">
      <div className="trace-expression__head">
        <span className="trace-expression__label">{label}</span>
        <code className="trace-expr mono trace-expression__source">{trace.source}</code>
      </div>
      {!trace.ran ? (
        <p className="trace-expression__outcome muted">Not evaluated for this appeal.</p>
      ) : trace.error ? (
        <div className="trace-error">
          <p className="trace-expression__outcome">
            <strong>Failed:</strong> <span className="break-anywhere">{trace.error.message}</span>
            {trace.error.start && (
              <span className="muted">
                {' '}
                (line {trace.error.start.line}, column {trace.error.start.column})
              </span>
            )}
          </p>
          {trace.error.start && (
            <ErrorPlace source={trace.source} line={trace.error.start.line} column={trace.error.start.column} />
          )}
        </div>
      ) : (
        <p className="trace-expression__outcome">
          gave <code className="mono trace-value">{formatValue(trace.value, 200)}</code>
        </p>
      )}
      {trace.reads.length > 0 && (
        <ul className="trace-reads" aria-label="Values it read">
          {trace.reads.map((read) => (
            <li key={read.path}>
              <code className="mono">{read.path}</code> <span aria-hidden="true">= </span>
              <span className="visually-hidden">was </span>
              <code className={read.value === null ? 'mono trace-value trace-value--nil' : 'mono trace-value'}>
                {formatValue(read.value, 200)}
              </code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
