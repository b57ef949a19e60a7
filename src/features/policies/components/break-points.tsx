import { Fragment } from 'react';

const AFTER_SEPARATORS = /(?<=[_\-./:@])/;

/**
 * Lets a long name wrap where a reader would break it — by default after `_ - . / : @` — instead of at
 * any letter: `gitlab_marketing_<wbr>approval`. The text is unchanged.
 */
export function BreakPoints({ text, at = AFTER_SEPARATORS }: { text: string; at?: RegExp }) {
  const parts = text.split(at);
  if (parts.length === 1) return text;
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
