import {
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import type { ExprProblem, Target } from '@/lib/expr';
import { targetLabel } from '@/lib/expr/targets';
import { loadExpr, loadedExpr } from '@/lib/expr/load';
import {
  applyCompletion,
  completionCandidates,
  completionContext,
  declaredNames,
  nameCandidates,
  type CompletionContext,
} from './completion';
import { highlightSegments, syntaxKinds } from './highlight-segments';
import { useExpressionProblems } from './use-expression-problems';
import './expression-input.css';

type FieldElement = HTMLInputElement | HTMLTextAreaElement;

export interface ExpressionInputProps {
  id?: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Visible label text; or point at an existing label with `aria-labelledby`. */
  label?: string;
  'aria-labelledby'?: string;
  target: Target;
  multiline?: boolean;
  /** A form-level error for this field (e.g. "required"); shown with the expression problems. */
  invalid?: boolean;
  errorId?: string;
  placeholder?: string;
  disabled?: boolean;
  ref?: Ref<FieldElement>;
}

/**
 * A monospace expression field that checks as you type (debounced), underlines the exact range of
 * each problem, lists them with line:column, announces them politely, tints keywords (`let` where
 * the target has it), called functions, `#`/`#acc`/`#index` and `let` names, and completes `$appeal.`
 * paths, the target's functions and declared `let` names (ARIA combobox pattern: arrows to move,
 * Enter/Tab to accept, Escape to close).
 */
export function ExpressionInput(props: ExpressionInputProps) {
  const {
    value,
    onChange,
    onBlur,
    target,
    multiline = false,
    invalid = false,
    errorId,
    label,
    disabled,
    placeholder,
    ref,
  } = props;
  const generatedId = useId();
  const id = props.id ?? `expr-${generatedId}`;
  const labelId = `${id}-label`;
  const problemsId = `${id}-problems`;
  const listboxId = `${id}-completions`;
  const fieldRef = useRef<FieldElement | null>(null);
  const mirrorRef = useRef<HTMLDivElement | null>(null);
  const problems = useExpressionProblems(value, target);
  const [completion, setCompletion] = useState<{
    context: CompletionContext;
    options: string[];
    active: number;
  } | null>(null);
  const [pendingCaret, setPendingCaret] = useState<number | null>(null);

  const newerSyntax = target !== 'guardian-1.12';
  const syntax = useMemo(() => syntaxKinds(value, newerSyntax), [value, newerSyntax]);
  const segments = useMemo(() => highlightSegments(value, problems, syntax), [value, problems, syntax]);
  const errors = problems.filter((p) => p.severity === 'error');
  const hasErrors = errors.length > 0;

  useLayoutEffect(() => {
    if (pendingCaret === null || !fieldRef.current) return;
    fieldRef.current.setSelectionRange(pendingCaret, pendingCaret);
    setPendingCaret(null);
  }, [pendingCaret]);

  const setRefs = (element: FieldElement | null) => {
    fieldRef.current = element;
    if (typeof ref === 'function') ref(element);
    else if (ref) (ref as { current: FieldElement | null }).current = element;
  };

  const updateCompletion = (text: string, caret: number | null) => {
    const context = caret === null ? null : completionContext(text, caret);
    let options: string[] = [];
    if (context?.kind === 'name') {
      // The function list arrives with the checker (loaded on first use): until then, `let` names
      // only, and the list is worked out again once it is there if the text has not changed.
      const expr = loadedExpr();
      if (!expr) {
        loadExpr().then(
          () => {
            const field = fieldRef.current;
            if (field && field.value === text && document.activeElement === field)
              updateCompletion(text, field.selectionStart);
          },
          () => undefined,
        );
      }
      const functions = expr?.builtinNames(target) ?? [];
      options = nameCandidates(context.prefix, declaredNames(text, context.from), functions);
    } else if (context) {
      options = completionCandidates(context.prefix);
    }
    setCompletion(context && options.length > 0 ? { context, options, active: 0 } : null);
  };

  const handleChange = (event: ChangeEvent<FieldElement>) => {
    onChange(event.target.value);
    updateCompletion(event.target.value, event.target.selectionStart);
  };

  const accept = (option: string) => {
    if (!completion) return;
    const next = applyCompletion(value, completion.context, option);
    onChange(next.text);
    setPendingCaret(next.caret);
    setCompletion(null);
  };

  const handleKeyDown = (event: KeyboardEvent<FieldElement>) => {
    if (!completion) return;
    const count = completion.options.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setCompletion({ ...completion, active: (completion.active + 1) % count });
        break;
      case 'ArrowUp':
        event.preventDefault();
        setCompletion({ ...completion, active: (completion.active - 1 + count) % count });
        break;
      case 'Enter':
      case 'Tab':
        event.preventDefault();
        accept(completion.options[completion.active] as string);
        break;
      case 'Escape':
        event.preventDefault();
        setCompletion(null);
        break;
    }
  };

  const syncScroll = () => {
    const field = fieldRef.current;
    const mirror = mirrorRef.current;
    if (!field || !mirror) return;
    mirror.scrollTop = field.scrollTop;
    mirror.scrollLeft = field.scrollLeft;
  };

  const describedBy =
    [errorId && invalid ? errorId : null, problems.length > 0 ? problemsId : null].filter(Boolean).join(' ') ||
    undefined;
  const activeOptionId = completion ? `${listboxId}-${completion.active}` : undefined;
  const common = {
    id,
    name: props.name,
    value,
    disabled,
    placeholder,
    spellCheck: false,
    autoComplete: 'off',
    autoCapitalize: 'off',
    className: 'expression-input__field',
    'aria-invalid': invalid || hasErrors ? true : undefined,
    'aria-describedby': describedBy,
    'aria-labelledby': props['aria-labelledby'] ?? (label ? labelId : undefined),
    'aria-autocomplete': 'list' as const,
    'aria-controls': completion ? listboxId : undefined,
    'aria-activedescendant': activeOptionId,
    onChange: handleChange,
    onKeyDown: handleKeyDown,
    onScroll: syncScroll,
    onSelect: syncScroll,
    onKeyUp: syncScroll,
    onBlur: () => {
      setCompletion(null);
      onBlur?.();
    },
    onClick: (event: { currentTarget: FieldElement }) =>
      updateCompletion(event.currentTarget.value, event.currentTarget.selectionStart),
  };

  return (
    <div className={`expression-input${multiline ? ' expression-input--multiline' : ''}`}>
      {label ? (
        <label id={labelId} htmlFor={id} className="expression-input__label">
          {label}
        </label>
      ) : null}
      <div className="expression-input__box" data-invalid={invalid || hasErrors ? 'true' : undefined}>
        <div ref={mirrorRef} className="expression-input__mirror" aria-hidden="true">
          {segments.map((segment, index) => {
            const classes = [
              segment.severity ? `expression-input__mark expression-input__mark--${segment.severity}` : '',
              segment.syntax ? `expression-input__syntax expression-input__syntax--${segment.syntax}` : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <span
                key={index}
                className={classes || undefined}
                data-severity={segment.severity ?? undefined}
                data-syntax={segment.syntax ?? undefined}
              >
                {segment.text}
              </span>
            );
          })}
          {multiline ? '\n' : null}
        </div>
        {multiline ? (
          <textarea ref={setRefs} rows={3} {...common} />
        ) : (
          <input ref={setRefs} type="text" role="combobox" aria-expanded={completion !== null} {...common} />
        )}
        {completion ? (
          <ul
            id={listboxId}
            role="listbox"
            className="expression-input__completions"
            aria-label={completion.context.kind === 'name' ? 'Functions and variables' : 'Appeal fields'}
          >
            {completion.options.map((option, index) => (
              <li
                key={option}
                id={`${listboxId}-${index}`}
                role="option"
                aria-selected={index === completion.active}
                className="expression-input__option"
                onMouseDown={(event) => {
                  event.preventDefault();
                  accept(option);
                }}
              >
                {option}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {problems.length > 0 ? (
        <div id={problemsId} className="expression-input__report">
          <ul className="expression-input__problems">
            {problems.map((problem, index) => (
              <ProblemItem key={index} problem={problem} />
            ))}
          </ul>
          {/* What the server can run decides what is a problem: say which server that is. */}
          <p className="expression-input__target">Checked for {targetLabel(target)}.</p>
        </div>
      ) : null}
      <div role="status" aria-live="polite" className="expression-input__announcer">
        {summary(problems)}
      </div>
    </div>
  );
}

function ProblemItem({ problem }: { problem: ExprProblem }) {
  return (
    <li className={`expression-input__problem expression-input__problem--${problem.severity}`}>
      <span className="expression-input__problem-kind">{problem.severity === 'error' ? 'Error' : 'Warning'}</span>{' '}
      <span className="expression-input__problem-at">
        {problem.start.line}:{problem.start.column}
      </span>{' '}
      {problem.message}
    </li>
  );
}

function summary(problems: readonly ExprProblem[]): string {
  if (problems.length === 0) return '';
  const first = problems[0] as ExprProblem;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return `${count} in expression. ${first.severity === 'error' ? 'Error' : 'Warning'} at line ${first.start.line}, column ${first.start.column}: ${first.message}`;
}
