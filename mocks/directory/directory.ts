import { hash32, uuidFrom } from '../lib/random';
import { FAMILY_NAMES, GIVEN_NAMES, HOSTILE_NAMES } from './names';
import { ALL_RECORD_FIELDS, RECORD_BITS as F } from './iam-record-fields';

/**
 * A synthetic user directory of any size: user i is a pure function of (seed, i), so a million
 * users cost no memory and every transport sees the same people. Each user's record is what the
 * mock IAM answers for them (iam-record-fields.ts); a small share of users lacks some fields, and
 * a very few are unknown to the IAM, as in real directories.
 */

/** What the mock IAM `http` provider answers for a user (JSON object; absent keys are left out). */
export interface IamRecord {
  user_id?: string;
  email?: string;
  name?: string;
  full_name?: string;
  fullName?: string;
  company_name?: string;
  companyName?: string;
  department?: string;
  title?: string;
  manager_email?: string;
  manager?: { email: string; name: string };
  managers?: string[];
  country?: string;
  employment_type?: string;
  risk?: string;
}

/** Guardian's HTTP IAM client's words for a lookup the provider answers 404 to. */
export const IAM_NOT_FOUND = 'request failed: 404 Not Found';

export interface DirectoryUser {
  /** UUID-shaped, as the policy tester reports user ids. */
  id: string;
  email: string;
  name: string;
}

export const MIN_USERS = 1;
export const MAX_USERS = 1_000_000;
export const EMAIL_DOMAIN = 'example.com';

const DEPARTMENTS = [
  ['eng', 30],
  ['data', 12],
  ['sales', 12],
  ['support', 9],
  ['marketing', 7],
  ['finance', 7],
  ['ops', 6],
  ['security', 4],
  ['hr', 4],
  ['legal', 3],
  ['design', 6],
] as const;
const TITLES: Record<string, readonly string[]> = {
  eng: ['Software Engineer', 'Senior Software Engineer', 'Staff Engineer', 'Engineering Manager', 'SRE'],
  data: ['Data Analyst', 'Data Scientist', 'Analytics Engineer', 'Data Engineering Manager'],
  sales: ['Account Executive', 'Sales Manager', 'Solutions Engineer', 'SDR'],
  support: ['Support Engineer', 'Support Manager', 'Customer Success Manager'],
  marketing: ['Marketing Manager', 'Content Strategist', 'Growth Analyst'],
  finance: ['Accountant', 'Financial Analyst', 'Finance Manager', 'Controller'],
  ops: ['Operations Analyst', 'IT Administrator', 'Operations Manager'],
  security: ['Security Engineer', 'Security Analyst', 'Security Manager'],
  hr: ['People Partner', 'Recruiter', 'HR Manager'],
  legal: ['Counsel', 'Paralegal', 'Legal Manager'],
  design: ['Product Designer', 'UX Researcher', 'Design Manager'],
};
const COUNTRIES = [
  ['US', 34],
  ['GB', 10],
  ['DE', 8],
  ['IN', 12],
  ['NL', 4],
  ['SG', 4],
  ['BR', 5],
  ['NG', 3],
  ['JP', 4],
  ['CA', 5],
  ['FR', 4],
  ['PL', 3],
  ['ZA', 2],
  ['IE', 2],
] as const;
const EMPLOYMENT = [
  ['employee', 85],
  ['contractor', 12],
  ['intern', 3],
] as const;
const RISK = [
  ['low', 80],
  ['medium', 15],
  ['high', 5],
] as const;
const AGENCIES = ['Acme Staffing', 'Globex Contracting', 'Initech Services'] as const;

/** A weighted choice made with one hash and integer compares (this runs a million times a test). */
function weighted<T>(items: readonly (readonly [T, number])[]): (h: number) => T {
  const values = items.map(([v]) => v);
  const bounds: number[] = [];
  let total = 0;
  for (const [, w] of items) bounds.push((total += w));
  return (h) => {
    const r = h % total;
    let k = 0;
    while (r >= bounds[k]!) k++;
    return values[k]!;
  };
}
const pickDepartment = weighted(DEPARTMENTS);
const pickCountry = weighted(COUNTRIES);
const pickEmployment = weighted(EMPLOYMENT);
const pickRisk = weighted(RISK);

// Salts: one per field, so fields vary independently.
const S = {
  given: 1,
  family: 2,
  dept: 3,
  title: 4,
  country: 5,
  employment: 6,
  risk: 7,
  manager: 8,
  grand: 9,
  noManagerEmail: 11,
  noManagers: 12,
  noDept: 13,
  noCompany: 14,
  noTitle: 15,
  noCountry: 16,
  noRisk: 17,
  noEmployment: 18,
  id: 19,
  hostile: 20,
  unknownToIam: 21,
} as const;

/** Users below this index are the executives at the top of the reporting tree. */
const TOP = 8;

export class Directory {
  constructor(
    readonly seed: number,
    readonly size: number,
    readonly hostileNames = true,
  ) {}

  private chance(i: number, salt: number, perMille: number): boolean {
    return hash32(this.seed, i, salt) % 1000 < perMille;
  }

  private given(i: number) {
    return GIVEN_NAMES[hash32(this.seed, i, S.given) % GIVEN_NAMES.length]!;
  }

  private family(i: number) {
    return FAMILY_NAMES[hash32(this.seed, i, S.family) % FAMILY_NAMES.length]!;
  }

  email(i: number): string {
    return `${this.given(i)[1]}.${this.family(i)[1]}${i}@${EMAIL_DOMAIN}`;
  }

  name(i: number): string {
    if (this.hostileNames && i > 20 && hash32(this.seed, i, S.hostile) % 1000 === 0) {
      return HOSTILE_NAMES[hash32(this.seed, i, S.hostile + 1) % HOSTILE_NAMES.length]!;
    }
    return `${this.given(i)[0]} ${this.family(i)[0]}`;
  }

  id(i: number): string {
    return uuidFrom(this.seed, i, S.id);
  }

  /** The manager's index, or -1 at the top: always a lower index, so the tree has no cycles. */
  managerOf(i: number): number {
    if (i < TOP) return i === 0 ? -1 : 0;
    // Skewed towards low indexes: managers have many reports, and chains stay short.
    const r = hash32(this.seed, i, S.manager) / 4294967296;
    return Math.floor(r * r * Math.min(i, Math.max(TOP, i / 4)));
  }

  user(i: number): DirectoryUser {
    return { id: this.id(i), email: this.email(i), name: this.name(i) };
  }

  /** Whether the IAM answers 404 for user i (2 in 1,000: accounts the IAM no longer has). */
  unknownToIam(i: number): boolean {
    return i >= TOP && this.chance(i, S.unknownToIam, 2);
  }

  /** The IAM's record of user i; `fields` (a RECORD_BITS mask) limits it to what a test reads. */
  iamRecord(i: number, fields = ALL_RECORD_FIELDS): IamRecord {
    const seed = this.seed;
    const record = {} as IamRecord;
    if (fields & F.user_id) record.user_id = this.id(i);
    if (fields & F.email) record.email = this.email(i);
    if (fields & (F.name | F.full_name | F.fullName)) {
      const name = this.name(i);
      if (fields & F.name) record.name = name;
      if (fields & F.full_name) record.full_name = name;
      if (fields & F.fullName) record.fullName = name;
    }
    const department = pickDepartment(hash32(seed, i, S.dept));
    const employment = pickEmployment(hash32(seed, i, S.employment));
    if (fields & F.department && !this.chance(i, S.noDept, 10)) record.department = department;
    if (fields & (F.company_name | F.companyName) && !this.chance(i, S.noCompany, 10)) {
      const company =
        employment === 'contractor' ? AGENCIES[hash32(seed, i, S.employment + 100) % AGENCIES.length]! : 'Company Name';
      if (fields & F.company_name) record.company_name = company;
      if (fields & F.companyName) record.companyName = company;
    }
    if (fields & F.title && !this.chance(i, S.noTitle, 10)) {
      const titles = TITLES[department]!;
      record.title = employment === 'intern' ? 'Intern' : titles[hash32(seed, i, S.title) % titles.length]!;
    }
    if (fields & (F.manager_email | F.manager | F.managers)) {
      const manager = this.managerOf(i);
      if (manager >= 0) {
        const managerEmail = this.email(manager);
        if (!this.chance(i, S.noManagerEmail, 30)) {
          if (fields & F.manager_email) record.manager_email = managerEmail;
          if (fields & F.manager) record.manager = { email: managerEmail, name: this.name(manager) };
        }
        if (fields & F.managers && !this.chance(i, S.noManagers, 20)) {
          const grand = this.managerOf(manager);
          record.managers = grand >= 0 ? [managerEmail, this.email(grand)] : [managerEmail];
        }
      }
    }
    if (fields & F.country && !this.chance(i, S.noCountry, 5)) record.country = pickCountry(hash32(seed, i, S.country));
    if (fields & F.employment_type && !this.chance(i, S.noEmployment, 10)) record.employment_type = employment;
    if (fields & F.risk && !this.chance(i, S.noRisk, 20)) record.risk = pickRisk(hash32(seed, i, S.risk));
    return record;
  }
}
