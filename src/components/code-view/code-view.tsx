import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { Icon } from '@/components/icon/icon';
import type { Token } from '@/lib/highlight/tokenize-document';
import { copyText, downloadText } from './download-text';
import { useHighlight } from './use-highlight';
import './code-view.css';

interface CodeViewProps {
  code: string;
  /** The accessible name of the block, e.g. "bigquery_approval v3 as YAML". */
  label: string;
  fileName: string;
  mimeType: string;
  /** A line above the code, e.g. that secrets are masked. */
  note?: ReactNode;
  /** Limit the height; the block scrolls inside. */
  maxHeight?: string;
  /** What the download button says, when "Download" alone is not enough. */
  downloadLabel?: string;
  /** Controls shown in the bar before copy and download (e.g. options of the text). */
  controls?: ReactNode;
  /** Colour the document's keys, strings, numbers… (JSON and YAML). */
  highlight?: boolean;
}

/** Coloured runs as React text in spans: policy text is untrusted and is never parsed as markup. */
const Highlighted = memo(function Highlighted({ tokens }: { tokens: Token[] }) {
  return tokens.map((token, i) =>
    token.kind ? (
      <span key={i} className={`tok tok--${token.kind}`}>
        {token.text}
      </span>
    ) : (
      token.text
    ),
  );
});

/** A monospace block of text with copy and download; untrusted text stays text. */
export function CodeView({
  code,
  label,
  fileName,
  mimeType,
  note,
  maxHeight = '36rem',
  downloadLabel = 'Download',
  controls,
  highlight = false,
}: CodeViewProps) {
  const [status, setStatus] = useState('');
  const tokens = useHighlight(code, highlight);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const say = (message: string) => {
    setStatus(message);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(''), 2_500);
  };

  const lines = code.endsWith('\n') ? code.split('\n').length - 1 : code.split('\n').length;

  return (
    <div className="code-view">
      <div className="code-view__bar">
        <span className="code-view__meta muted">
          {fileName} · {lines} {lines === 1 ? 'line' : 'lines'}
        </span>
        {note && <span className="code-view__note">{note}</span>}
        {controls}
        <span className="code-view__actions">
          <span role="status" className="code-view__status">
            {status}
          </span>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              copyText(code).then(
                () => say('Copied'),
                () => say('Could not copy: select the text and copy it by hand'),
              );
            }}
          >
            <Icon name="copy" /> Copy
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              downloadText(code, fileName, mimeType);
              say(`Downloading ${fileName}`);
            }}
          >
            <Icon name="download" /> {downloadLabel}
          </button>
        </span>
      </div>
      <pre className="code-view__code" style={{ maxHeight }} tabIndex={0} role="region" aria-label={label}>
        <code>{tokens ? <Highlighted tokens={tokens} /> : code}</code>
      </pre>
    </div>
  );
}
