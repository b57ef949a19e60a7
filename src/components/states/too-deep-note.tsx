import { useMemo } from 'react';
import { findTooDeep, formatTooDeepPath } from '@/lib/json/json-depth';

/** Before a write: parts nested too deep to handle (shown as raw text) are not sent back. Said, not done quietly. */
export function TooDeepNote({ policy }: { policy: unknown }) {
  const paths = useMemo(() => findTooDeep(policy), [policy]);
  if (paths.length === 0) return null;
  const where = paths.slice(0, 5).map(formatTooDeepPath).join(', ');
  return (
    <p className="state state--warning state--compact" role="note">
      <strong>Left out when saving:</strong> {where}
      {paths.length > 5 ? ` and ${paths.length - 5} more` : ''} {paths.length === 1 ? 'is' : 'are'} nested too deep for
      this console to handle, so {paths.length === 1 ? 'it is' : 'they are'} shown as raw text and not sent back.
      Guardian drops keys it does not know in any case.
    </p>
  );
}
