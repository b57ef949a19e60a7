import { CST, Lexer } from 'yaml';

/** What a run of a JSON or YAML document is, for colouring. */
type TokenKind = 'key' | 'string' | 'number' | 'boolean' | 'null' | 'comment' | 'punctuation' | 'plain';

export interface Token {
  text: string;
  /** Absent for spaces and line breaks. */
  kind?: TokenKind;
}

/**
 * Splits a YAML or JSON document (JSON is YAML's flow style) into coloured runs, with the `yaml`
 * library's own lexer: the runs are the document's text exactly, in order, so rendering them as
 * text nodes shows the document as it is (nothing is ever parsed as markup).
 */

/** The lexer's control tokens: markers in its stream, not characters of the document. */
const DOCUMENT = '\u0002';
const FLOW_ERROR_END = '\u0018';
const SCALAR = '\u001f';

const PUNCTUATION = new Set([
  'map-value-ind',
  'seq-item-ind',
  'explicit-key-ind',
  'flow-map-start',
  'flow-map-end',
  'flow-seq-start',
  'flow-seq-end',
  'comma',
  'block-scalar-header',
  'doc-start',
  'doc-end',
  'anchor',
  'tag',
  'alias',
  'directive-line',
]);

const NUMBER = /^[-+]?(?:\.inf|\.nan|0x[0-9a-f]+|0o[0-7]+|(?:\d[\d_]*)?\.?\d+(?:e[-+]?\d+)?)$/i;

function plainKind(text: string): TokenKind {
  if (/^(?:true|false)$/i.test(text)) return 'boolean';
  if (/^(?:null|~)$/i.test(text)) return 'null';
  return NUMBER.test(text) ? 'number' : 'string';
}

export function tokenizeDocument(source: string): Token[] {
  const raw = [...new Lexer().lex(source)];
  const tokens: Token[] = [];
  let scalarNext = false;
  for (let i = 0; i < raw.length; i++) {
    const text = raw[i]!;
    if (text === DOCUMENT || text === FLOW_ERROR_END) continue;
    if (text === SCALAR) {
      scalarNext = true;
      continue;
    }
    const type = scalarNext ? 'scalar' : CST.tokenType(text);
    const wasScalar = scalarNext;
    scalarNext = false;
    if (type === 'space' || type === 'newline' || type === 'byte-order-mark') {
      tokens.push({ text });
      continue;
    }
    if (type === 'comment') tokens.push({ text, kind: 'comment' });
    else if (type && PUNCTUATION.has(type)) tokens.push({ text, kind: 'punctuation' });
    else if (wasScalar || type === 'double-quoted-scalar' || type === 'single-quoted-scalar') {
      const kind = isKey(raw, i) ? 'key' : wasScalar && !text.includes('\n') ? plainKind(text) : 'string';
      tokens.push({ text, kind });
    } else tokens.push({ text, kind: 'plain' });
  }
  return tokens;
}

/** A scalar is a key when the next thing on its line, past spaces, is the `:` of a mapping. */
function isKey(raw: readonly string[], index: number): boolean {
  for (let j = index + 1; j < raw.length; j++) {
    const type = CST.tokenType(raw[j]!);
    if (type === 'space') continue;
    return type === 'map-value-ind';
  }
  return false;
}
