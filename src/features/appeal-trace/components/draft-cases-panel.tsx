import { useEffect, useState } from 'react';
import type { Policy } from '@/lib/api/guardian/policy-schema';
import { Link } from '@/lib/router';
import { useSettings } from '@/lib/settings';
import { usePolicyCases } from '../cases/cases-store';
import { caseTraceQuery } from '../form/case-to-form';
import { useCaseResults } from '../run/use-case-results';
import { tracePath } from '../trace-paths';
import { CasesPanel } from './cases-panel';

export interface DraftCasesPanelProps {
  policyId: string;
  /** The saved version the draft starts from, for links to its trace. */
  baseVersion?: number;
  /** The draft as a policy, read when the cases run. */
  currentPolicy: () => Policy;
  /** Calls back on every change of the draft; returns how to stop. */
  onDraftChange: (listener: () => void) => () => void;
}

/** The policy's test cases, run against the editor's draft a moment after every change. */
export function DraftCasesPanel({ policyId, baseVersion, currentPolicy, onDraftChange }: DraftCasesPanelProps) {
  const [revision, setRevision] = useState(0);
  useEffect(() => onDraftChange(() => setRevision((r) => r + 1)), [onDraftChange]);
  const { exprTarget } = useSettings();
  const { cases } = usePolicyCases(policyId);
  const state = useCaseResults(currentPolicy, cases, exprTarget, String(revision), 400);
  return (
    <CasesPanel
      policyId={policyId}
      policy={currentPolicy}
      state={state}
      against="this draft"
      traceLink={
        baseVersion === undefined
          ? undefined
          : (testCase) => (
              <Link
                className="button button--small button--ghost"
                to={tracePath(policyId, baseVersion, caseTraceQuery(testCase))}
              >
                Trace on v{baseVersion}
              </Link>
            )
      }
    />
  );
}
