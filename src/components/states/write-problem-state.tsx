import { describeApiError } from '@/lib/api/describe-api-error';
import type { WriteProblem } from '@/lib/api/uncertain-write';

/**
 * Why a save did not go through, inside the dialog that confirmed it (which announces it): the
 * server's words, what is known about whether anything was stored, and that nothing typed is lost.
 */
export function WriteProblemState({ problem }: { problem: WriteProblem }) {
  const { title, message } = describeApiError(problem.error);
  return (
    <div className={`state state--compact ${problem.kind === 'verifying' ? 'state--warning' : 'state--error'}`}>
      <div className="state__body">
        <p className="state__title">{title}</p>
        <p className="state__message">{message}</p>
        <p className="state__message">
          <Outcome problem={problem} />
        </p>
      </div>
    </div>
  );
}

function Outcome({ problem }: { problem: WriteProblem }) {
  switch (problem.kind) {
    case 'recheck-failed':
      return (
        <>The check for versions saved meanwhile failed, so nothing was sent. Your changes are still here; try again.</>
      );
    case 'failed':
      return <>Nothing was saved; your changes are still here. Try again, or cancel.</>;
    case 'verifying':
      return (
        <>
          <strong>The server may have saved this.</strong> Looking at its latest version before anything else…
        </>
      );
    case 'not-stored':
      return (
        <>
          The server may have saved this, so its latest version was checked:{' '}
          {problem.latest === undefined ? 'the policy does not exist yet' : `it is still version ${problem.latest}`}, so{' '}
          <strong>nothing was saved</strong>. Your changes are still here; saving again is safe.
        </>
      );
    case 'unknown':
      return (
        <>
          <strong>The server may have saved this</strong>, and looking at its latest version failed too (
          {describeApiError(problem.checkError).title.toLowerCase()}). Do not save again before knowing: check again
          when the server answers.
        </>
      );
  }
}
