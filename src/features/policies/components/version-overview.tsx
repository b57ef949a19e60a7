import type { Policy } from '@/lib/api/guardian/policy-schema';
import { AppealSettingsView } from './appeal-settings-view';
import { IamView } from './iam-view';
import { OtherSettings, otherParts } from './other-settings';
import { RequirementsView } from './requirements-view';
import { StepsFlow } from './steps-flow';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="version-section" aria-labelledby={`section-${id}`}>
      <h2 id={`section-${id}`} className="version-section__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The whole version read-only, part by part, in the order an appeal meets them. */
export function VersionOverview({ policy }: { policy: Policy }) {
  const labels = Object.entries(policy.labels);
  const others = otherParts(policy);
  return (
    <div className="version-overview">
      <Section id="steps" title={`Steps (${policy.steps.length})`}>
        <StepsFlow steps={policy.steps} />
      </Section>
      <Section id="requirements" title={`Requirements (${policy.requirements.length})`}>
        <RequirementsView requirements={policy.requirements} />
      </Section>
      <Section id="appeal" title="Appeal settings">
        <AppealSettingsView appeal={policy.appeal} />
      </Section>
      <Section id="labels" title={`Labels (${labels.length})`}>
        {labels.length === 0 ? (
          <p className="muted">No labels.</p>
        ) : (
          <ul className="label-list">
            {labels.map(([key, value]) => (
              <li key={key} className="chip">
                <span className="mono">{key}</span>: <span className="mono">{value}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="iam" title="IAM">
        <IamView iam={policy.iam} />
      </Section>
      {others.length > 0 && (
        <Section id="other" title="Other settings this console does not edit">
          <OtherSettings parts={others} />
        </Section>
      )}
    </div>
  );
}
