import type { IamAnswer } from '@/lib/appeal';

/**
 * Ready-made creators: what an IAM might answer for three kinds of people. The keys are those the
 * example policies' schemas read (the docs' examples disagree on naming, so both are there).
 */
export interface SampleCreator {
  id: string;
  label: string;
  email: string;
  iam: IamAnswer;
}

const manager = { email: 'maria.lopez@example.com', name: 'María López' };

export const SAMPLE_CREATORS: readonly SampleCreator[] = [
  {
    id: 'employee',
    label: 'Employee with a manager',
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
    },
  },
  {
    id: 'contractor',
    label: 'Contractor without a manager',
    email: 'sam.okafor@example.com',
    iam: {
      ok: true,
      body: {
        user_id: 'u-2002',
        email: 'sam.okafor@example.com',
        name: 'Sam Okafor',
        full_name: 'Sam Okafor',
        fullName: 'Sam Okafor',
        company_name: 'Acme Staffing',
        companyName: 'Acme Staffing',
        department: 'sales',
        title: 'Account Executive',
        country: 'NG',
        employment_type: 'contractor',
        risk: 'medium',
      },
    },
  },
  {
    id: 'unknown',
    label: 'Someone the IAM does not know',
    email: 'former.employee@example.com',
    iam: { ok: false, message: 'request failed: 404 Not Found' },
  },
];

export const sampleCreator = (id: string | null): SampleCreator =>
  SAMPLE_CREATORS.find((s) => s.id === id) ?? SAMPLE_CREATORS[0]!;
