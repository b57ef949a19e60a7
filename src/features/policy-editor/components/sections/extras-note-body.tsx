import { maskSecrets, type JsonPath } from '@/lib/secrets';
import { Icon } from '@/components/icon/icon';

interface ExtrasNoteProps {
  extras: Record<string, unknown> | undefined;
  /** "this step", "this policy": what holds them. */
  what: string;
  /** Where the extras sit in the policy, so that IAM rules of secret masking apply. */
  at?: JsonPath;
}

/** Keys the console does not model (a fork's extensions): shown read-only, secrets masked, sent back unchanged. */
export default function ExtrasNoteBody({ extras, what, at }: ExtrasNoteProps) {
  const keys = Object.keys(extras ?? {});
  if (!extras || keys.length === 0) return null;
  return (
    <div className="editor__extras">
      <p className="editor__extras-title">
        <Icon name="info" />
        <span>
          {what === 'this policy' ? 'This policy also has' : `Also in ${what}`}:{' '}
          {keys.map((key, i) => (
            <span key={key}>
              {i > 0 && ', '}
              <code>{key}</code>
            </span>
          ))}
          . Sent unchanged; a raystack Guardian server ignores them.
        </span>
      </p>
      <pre className="mono editor__extras-code">{JSON.stringify(maskSecrets(extras, at ? { at } : {}), null, 2)}</pre>
    </div>
  );
}
