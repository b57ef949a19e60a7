import type { Step } from '../../src/lib/api/guardian/policy-schema';
import type { Prng } from '../lib/random';
import { COUNTRIES_ALLOWED, type AreaWord } from './vocabulary';

/**
 * The approval steps generated policies are made of. Every expression reads only the creator and
 * resource fields the directory and the sample resource provide (src/lib/appeal/appeal-fields.ts), and
 * all but `finance_controller` run on expr 1.12 — that one uses `lower()`, which Guardian 1.12 cannot
 * run, so a test of it shows errors the way a real server would.
 */

export type StepBuilder = (rng: Prng, area: AreaWord) => Step;

function step(fields: Partial<Step> & Pick<Step, 'name' | 'strategy'>): Step {
  return { approvers: [], allowFailed: false, ...fields };
}

const list = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;

export const AUTO_STEPS: Record<string, StepBuilder> = {
  employee_check: () =>
    step({
      name: 'employee_check',
      description: 'Only employees may request access',
      strategy: 'auto',
      approveIf: '$appeal.creator.company == "Company Name"',
      rejectionReason: 'Access is limited to employees of Company Name.',
    }),
  risk_check: (rng) =>
    step({
      name: 'risk_check',
      description: 'Block requesters flagged as high risk',
      strategy: 'auto',
      approveIf: '$appeal.creator.risk != "high"',
      allowFailed: rng.chance(0.25),
    }),
  no_contractors: (rng) =>
    step({
      name: 'no_contractors',
      description: 'Contractors need a separate agreement first',
      strategy: 'auto',
      approveIf: '$appeal.creator.employment_type != "contractor"',
      allowFailed: rng.chance(0.3),
      rejectionReason: 'Contractors must request access through their agency contact.',
    }),
  country_check: () =>
    step({
      name: 'country_check',
      description: 'Data residency: only approved countries',
      strategy: 'auto',
      approveIf: `$appeal.creator.country in ${list(COUNTRIES_ALLOWED)}`,
    }),
  team_check: (_rng, area) =>
    step({
      name: 'team_check',
      description: `Only ${area.teams.join(' and ')} may request this`,
      strategy: 'auto',
      approveIf:
        area.teams.length === 1
          ? `$appeal.creator.department == ${JSON.stringify(area.teams[0])}`
          : `$appeal.creator.department in ${list(area.teams)}`,
    }),
  has_manager: () =>
    step({
      name: 'has_manager',
      description: 'The requester must have a manager on record',
      strategy: 'auto',
      approveIf: '$appeal.creator.manager_email != nil && len($appeal.creator.manager_email) > 0',
    }),
};

export const MANUAL_STEPS: Record<string, StepBuilder> = {
  manager_approval: (rng) =>
    step({
      name: 'manager_approval',
      description: "Approval from the requester's manager",
      strategy: 'manual',
      approvers: [rng.chance(0.5) ? '$appeal.creator.userManager' : '$appeal.creator.manager_email'],
    }),
  owner_approval: () =>
    step({
      name: 'owner_approval',
      description: 'Approval from the resource owner',
      strategy: 'manual',
      approvers: ['$appeal.resource.details.owner'],
    }),
  skip_level_approval: () =>
    step({
      name: 'skip_level_approval',
      description: 'Managers up the chain for sensitive resources',
      strategy: 'manual',
      when: '$appeal.resource.details.is_sensitive == true',
      approvers: ['$appeal.creator.managers'],
    }),
  pii_review: () =>
    step({
      name: 'pii_review',
      description: 'Privacy team review, only for datasets holding PII',
      strategy: 'manual',
      when: '$appeal.resource.details.is_pii',
      approvers: ['privacy-team@example.com'],
    }),
  security_review: () =>
    step({
      name: 'security_review',
      description: 'Security on-call reviews sensitive access by riskier requesters',
      strategy: 'manual',
      when: '$appeal.resource.details.is_sensitive == true && $appeal.creator.risk != "low"',
      approvers: ['security-oncall@example.com', '$appeal.resource.details.supervisor'],
    }),
  supervisor_approval: () =>
    step({
      name: 'supervisor_approval',
      description: 'Approval from the data supervisor',
      strategy: 'manual',
      approvers: ['$appeal.resource.details.supervisor'],
    }),
  finance_controller: () =>
    step({
      name: 'finance_controller',
      description: 'Controller sign-off for anyone outside finance',
      strategy: 'manual',
      when: 'lower($appeal.creator.department) != "finance"',
      approvers: ['controller@example.com'],
    }),
  contractor_sponsor: () =>
    step({
      name: 'contractor_sponsor',
      description: 'Contractors need their sponsoring manager',
      strategy: 'manual',
      when: '$appeal.creator.employment_type == "contractor"',
      approvers: ['$appeal.creator.manager_email'],
    }),
};

/** Renames a version may apply ("the step got a clearer name"). */
export const STEP_RENAMES: Record<string, string> = {
  manager_approval: 'line_manager_approval',
  owner_approval: 'resource_owner_approval',
  employee_check: 'employment_check',
  risk_check: 'requester_risk_check',
  security_review: 'security_oncall_review',
  pii_review: 'privacy_review',
  supervisor_approval: 'data_supervisor_approval',
  team_check: 'department_check',
};

export const FALLBACK_APPROVERS: readonly string[] = [
  'access-admins@example.com',
  'data-governance@example.com',
  'it-helpdesk@example.com',
  'platform-leads@example.com',
];

export const EXTRA_WHENS: readonly string[] = [
  '$appeal.resource.details.is_sensitive == true',
  '$appeal.creator.employment_type != "employee"',
  '$appeal.creator.risk == "high" || $appeal.resource.details.is_pii == true',
  'not ($appeal.creator.department in ["security", "eng"])',
];
