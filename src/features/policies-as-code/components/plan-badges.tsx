import { Link } from '@/lib/router';
import { Icon } from '@/components/icon/icon';
import { versionPath } from '@/features/policies';
import type { PlanEntry } from '../plan/plan-entry';
import { CasesCheck } from './cases-check';

/** What applying the file would do: a word, an icon and a colour. */
export function PlanStatusBadge({ entry }: { entry: PlanEntry }) {
  if (entry.status === undefined) {
    return (
      <span className="badge badge--neutral">
        <span className="spinner spinner--small" aria-hidden="true" />{' '}
        {entry.stage === 'reading' ? 'Reading' : 'Comparing'}
      </span>
    );
  }
  switch (entry.status) {
    case 'new':
      return (
        <span className="badge badge--info">
          <Icon name="plus" /> New
        </span>
      );
    case 'changed':
      return (
        <span className="badge badge--warning">
          <Icon name="change" /> Changed
          {entry.latest && <span className="plan-badge__from"> from v{entry.latest.version}</span>}
        </span>
      );
    case 'unchanged':
      return (
        <span className="badge badge--neutral">
          <Icon name="approved" /> Unchanged{entry.latest && ` (v${entry.latest.version})`}
        </span>
      );
    case 'skipped':
      return (
        <span className="badge badge--neutral">
          <Icon name="minus" /> Skipped
        </span>
      );
    case 'invalid':
      return (
        <span className="badge badge--danger">
          <Icon name="error" /> Cannot apply
        </span>
      );
    case 'cases':
      return (
        <span className="badge badge--warning">
          <Icon name="flask" /> Test cases
        </span>
      );
  }
}

/** The editor's checks, Guardian's dry run and the policy's test cases, in a few words. */
export function ChecksCell({ entry }: { entry: PlanEntry }) {
  if (entry.status === 'unchanged' && entry.cases && entry.cases.state !== 'none') {
    return (
      <span className="plan-checks">
        <CasesCheck entry={entry} />
      </span>
    );
  }
  if (entry.status !== 'new' && entry.status !== 'changed') return <span className="muted">—</span>;
  const client = entry.clientProblems;
  const server = entry.serverCheck;
  return (
    <span className="plan-checks">
      {client === undefined ? (
        <span className="muted">Checking…</span>
      ) : client.length === 0 ? (
        <span className="plan-checks__ok">
          <Icon name="approved" /> Checks pass
        </span>
      ) : (
        <span className="plan-checks__bad">
          <Icon name="error" /> {client.length} {client.length === 1 ? 'problem' : 'problems'}
        </span>
      )}
      {server && (
        <span className={`plan-checks__server plan-checks__server--${server.state}`}>
          {server.state === 'waiting' || server.state === 'running' ? (
            <>
              <span className="spinner spinner--small" aria-hidden="true" /> Asking Guardian…
            </>
          ) : server.state === 'passed' ? (
            <>
              <Icon name="approved" /> Guardian accepts
            </>
          ) : server.state === 'refused' ? (
            <>
              <Icon name="blocked" /> Guardian refuses
            </>
          ) : (
            <>
              <Icon name="info" /> Guardian not asked
            </>
          )}
        </span>
      )}
      <CasesCheck entry={entry} />
    </span>
  );
}

/** What happened when the file was applied. */
export function ResultCell({ entry }: { entry: PlanEntry }) {
  if (entry.stage === 'applying') {
    return (
      <span className="plan-result">
        <span className="spinner spinner--small" aria-hidden="true" /> Applying…
      </span>
    );
  }
  const result = entry.result;
  if (!result) return null;
  const id = entry.id ?? '';
  switch (result.kind) {
    case 'applied':
      return (
        <span className="plan-result plan-result--ok">
          <Icon name="approved" /> {result.created ? 'Created' : 'Saved'}{' '}
          <Link to={versionPath(id, result.version)}>v{result.version}</Link>
        </span>
      );
    case 'already':
      return (
        <span className="plan-result plan-result--ok">
          <Icon name="approved" /> Already <Link to={versionPath(id, result.version)}>v{result.version}</Link>
        </span>
      );
    case 'conflict':
      return (
        <span className="plan-result plan-result--bad">
          <Icon name="blocked" /> Not applied: changed meanwhile
        </span>
      );
    case 'refused':
      return (
        <span className="plan-result plan-result--bad">
          <Icon name="blocked" /> Refused by Guardian
        </span>
      );
    case 'failed':
      return (
        <span className="plan-result plan-result--bad">
          <Icon name="error" /> Failed
        </span>
      );
  }
}
