/** Text with `code` in backticks, set with the code as code: the words come from our own templates. */
export function CodeWords({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="mono">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
