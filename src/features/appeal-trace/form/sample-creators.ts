import type { IamAnswer } from '@/lib/appeal';
import { SAMPLE_EMPLOYEE } from '@/lib/appeal/sample-creator';

/** Ready-made creators: what an IAM might answer for three kinds of people. */
export interface SampleCreator {
  id: string;
  label: string;
  email: string;
  iam: IamAnswer;
}

export const SAMPLE_CREATORS: readonly SampleCreator[] = [
  { id: 'employee', label: 'Employee with a manager', email: SAMPLE_EMPLOYEE.email, iam: SAMPLE_EMPLOYEE.iam },
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
