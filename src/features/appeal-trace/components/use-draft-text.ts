import { useEffect, useRef, useState } from 'react';

/**
 * A text field whose truth is the URL: typing updates the field at once and the URL a moment later
 * (one history entry replaced, not one per keystroke). A URL changed from outside (back, a link)
 * replaces the text unless the field has changes not yet written.
 */
export function useDraftText(
  fromUrl: string,
  write: (text: string) => void,
  delayMs = 250,
): [string, (t: string) => void] {
  const [text, setText] = useState(fromUrl);
  const pending = useRef(false);
  const writeRef = useRef(write);
  useEffect(() => {
    writeRef.current = write;
  });
  useEffect(() => {
    if (!pending.current) setText(fromUrl);
  }, [fromUrl]);
  useEffect(() => {
    if (!pending.current) return;
    const timer = setTimeout(() => {
      pending.current = false;
      writeRef.current(text);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  return [
    text,
    (next: string) => {
      pending.current = true;
      setText(next);
    },
  ];
}
