import type { IamAnswer } from './appeal-request';

/**
 * What an IAM might answer for an ordinary employee: the policy checks try every expression on an
 * appeal by this person, and the trace view offers them first. The keys are those the example
 * policies' schemas read (the docs' examples disagree on naming, so both spellings are there).
 */
const manager = { email: 'maria.lopez@example.com', name: 'María López' };

export const SAMPLE_EMPLOYEE = {
  email: 'ana.silva@example.com',
  iam: {
    ok: true,
    body: {
      user_id: 'u-1001',
      email: 'ana.silva@example.com',
      name: 'Ana Silva',
      full_name: 'Ana Silva',
      fullName: 'Ana Silva',
      company_name: 'Company Name',
      companyName: 'Company Name',
      department: 'eng',
      title: 'Software Engineer',
      manager_email: manager.email,
      manager,
      managers: [manager.email, 'ceo@example.com'],
      country: 'NL',
      employment_type: 'employee',
      risk: 'low',
    },
  } satisfies IamAnswer as IamAnswer,
};
