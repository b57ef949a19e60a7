/** Text whose `backticked` parts are code (names, paths, expressions), set as such. */
export function CodeText({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="mono trace-code">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
