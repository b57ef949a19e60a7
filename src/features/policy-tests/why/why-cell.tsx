import type { UserWhy } from '@/lib/api/policy-tests/policy-test-schema';
import { CodeText } from '@/components/code-text/code-text';
import { whyWords } from './why-words';
import './why.css';

/**
 * One user's why, on one line (pages place rows by a fixed height): step and reason, the error's
 * text after them, all of it in the tooltip. A server that does not report why says so per row,
 * so a server that stops sending the fields half way leaves the rest of the table as it was.
 */
export function WhyCell({ why }: { why: UserWhy | undefined }) {
  if (!why) return <span className="muted why-cell">not reported by this server</span>;
  const words = whyWords(why);
  const full = why.error ? `${words.replaceAll('`', '')} — ${why.error}` : words.replaceAll('`', '');
  return (
    <span className="why-cell" title={full}>
      <CodeText text={words} />
      {why.error && <span className="muted"> — {why.error}</span>}
    </span>
  );
}
