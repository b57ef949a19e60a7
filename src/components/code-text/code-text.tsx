/**
 * Text whose `backticked` parts are code (names, paths, expressions), set as code. For words from
 * our own templates: a backtick inside a user's value would start or end a code part.
 */
export function CodeText({ text, codeClassName }: { text: string; codeClassName?: string }) {
  const parts = text.split('`');
  const className = codeClassName ? `mono ${codeClassName}` : 'mono';
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className={className}>
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
