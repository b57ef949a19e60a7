import { useEffect, useState } from 'react';
import type { Token } from '@/lib/highlight/tokenize-document';

/** Past this size a document is shown plain: tens of thousands of coloured runs cost more than they help. */
const HIGHLIGHT_LIMIT = 200_000;

/**
 * The document's coloured runs, once the tokenizer (loaded on first use, in its own chunk) has read
 * it; until then, and for a very large document, undefined: the plain text shows meanwhile.
 */
export function useHighlight(code: string, enabled: boolean): Token[] | undefined {
  const [result, setResult] = useState<{ code: string; tokens: Token[] }>();
  useEffect(() => {
    if (!enabled || code.length > HIGHLIGHT_LIMIT) return;
    let live = true;
    import('@/lib/highlight/tokenize-document').then(
      ({ tokenizeDocument }) => live && setResult({ code, tokens: tokenizeDocument(code) }),
      () => undefined, // no chunk (offline): plain text is still the whole document
    );
    return () => {
      live = false;
    };
  }, [code, enabled]);
  return result?.code === code ? result.tokens : undefined;
}
