import { Icon } from '@/components/icon/icon';
import type { PolicyTest } from '@/lib/api/policy-tests/policy-test-schema';
import { errorsDominateWords } from '../progress/errors-dominate';
import { CodeText } from '@/components/code-text/code-text';

/** A finished test where most users errored: a warning in words, never a green tick. */
export function ErrorsDominateNotice({ test }: { test: PolicyTest }) {
  const { headline, detail } = errorsDominateWords(test);
  return (
    <div className="notice notice--warning errors-dominate" role="alert">
      <Icon name="error" />
      <div>
        <p className="notice__title">
          <CodeText text={headline} />
        </p>
        <p>{detail}</p>
      </div>
    </div>
  );
}
