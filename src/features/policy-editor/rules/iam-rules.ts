import { isPlainObject } from '@/lib/guardian-rules/plain-object';
import type { IamValues } from '../form/policy-form-schema';
import type { FormIssue } from './form-issue';
import { keyValueIssues } from './key-value-rules';
import { quote } from './text-checks';

function urlProblem(value: string): string | undefined {
  if (value.trim() === '') return 'Give the URL of the identity service, e.g. https://iam.example.com/users/{user_id}.';
  if (value.trim() !== value) return 'Remove the spaces around the URL.';
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Use an http:// or https:// URL.';
    return undefined;
  } catch {
    return 'Not a full URL: start with http:// or https://, e.g. https://iam.example.com/users/{user_id}.';
  }
}

function credentialsProblem(value: string): string | undefined {
  if (value.trim() === '') return 'Paste the service account key (the JSON file Google gives you).';
  try {
    const parsed: unknown = JSON.parse(value);
    return isPlainObject(parsed)
      ? undefined
      : 'The credentials must be a JSON object: paste the whole key file, starting with {.';
  } catch {
    return 'This is not valid JSON: paste the whole key file exactly as Google gave it.';
  }
}

export function iamIssues(iam: IamValues): FormIssue[] {
  if (!iam.enabled) return [];
  const issues: FormIssue[] = [];
  const at = (field: string) => ['iam', field];
  const required = (field: keyof IamValues, message: string) => {
    if (String(iam[field]).trim() === '') issues.push({ path: at(field), message });
  };
  if (iam.provider !== 'http') {
    issues.push({ path: at('provider'), message: 'Guardian supports only the http identity provider: choose http.' });
  }
  const url = urlProblem(iam.url);
  if (url) issues.push({ path: at('url'), message: url });
  issues.push(...keyValueIssues(iam.headers, ['iam', 'headers'], 'header', { caseInsensitive: true }));
  switch (iam.authType) {
    case 'basic':
      required('username', 'Basic auth needs a username.');
      required('password', 'Basic auth needs a password.');
      break;
    case 'api_key':
      if (iam.apiKeyIn !== 'header' && iam.apiKeyIn !== 'query') {
        issues.push({
          path: at('apiKeyIn'),
          message:
            iam.apiKeyIn === ''
              ? 'Say where the key goes: in a header or in a query parameter.'
              : `Guardian can send the key only in a header or a query parameter, not ${quote(iam.apiKeyIn)}: choose one of them.`,
        });
      }
      required('apiKeyName', 'Give the name of the header or query parameter that carries the key, e.g. X-API-Key.');
      required('apiKeyValue', 'Give the API key itself.');
      break;
    case 'bearer':
      required('token', 'Bearer auth needs a token.');
      break;
    case 'google_idtoken': {
      required('audience', 'Give the audience the ID token is for, usually the identity service URL.');
      const problem = credentialsProblem(iam.credentialsJson);
      if (problem) issues.push({ path: at('credentialsJson'), message: problem });
      break;
    }
    case '':
      break;
    default:
      issues.push({
        path: at('authType'),
        message: `Guardian does not know the auth type ${quote(iam.authType)}: choose basic, api_key, bearer, google_idtoken or none.`,
      });
  }
  issues.push(
    ...keyValueIssues(iam.schema, ['iam', 'schema'], 'schema field', {
      valueRequired: 'Say where in the identity response this field comes from, e.g. manager_email.',
    }),
  );
  return issues;
}
