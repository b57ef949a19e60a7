import { readFileSync } from 'node:fs';
import { Ajv, type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { toCamelCase } from '../../src/lib/api/casing';
import { isPlainObject } from '../../src/lib/guardian-rules/plain-object';
import { REASONS } from '../../src/lib/appeal';

/**
 * Validators for the two published specs in ../specs (copied into the repo's specs/):
 *  - Guardian: Swagger 2.0, definitions in camelCase. Guardian answers in snake_case (UseProtoNames),
 *    so keys are mapped to camelCase first, and the API prefix `/api` is added to its paths. Its
 *    marshaller leaves zero values out, so a `required` boolean (Question.required) may be absent:
 *    those are dropped from `required`. In strict mode every object also refuses undeclared keys,
 *    which catches a misspelt or mis-cased field.
 *  - Cloudflare: OpenAPI 3.0 (`nullable`), paths under the server's `/client/v4`.
 */
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const specPath = (p: string) => new URL(`../../specs/${p}`, import.meta.url);
// The specs are untyped JSON documents walked by path; typing every level would only restate them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const load = (p: string) => JSON.parse(readFileSync(specPath(p), 'utf8')) as Loose;

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const f of ['int32', 'int64', 'uint32', 'uint64', 'float', 'double', 'byte']) ajv.addFormat(f, true);
  return ajv;
}

function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [toCamelCase(k), camelKeys(v)]));
}

/** Matches a concrete path against `{param}` templates. */
function matchTemplate(templates: string[], path: string, prefix: string): string | undefined {
  return templates.find((t) => new RegExp(`^${(prefix + t).replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}

export interface ResponseValidator {
  /** Undefined when the body conforms; otherwise what is wrong. */
  check(method: string, path: string, status: number, body: unknown): string | undefined;
}

export function guardianValidator(options: { strict: boolean }): ResponseValidator {
  const swagger = load('guardian/guardian.swagger.json');
  const definitions = structuredClone(swagger.definitions) as Record<string, Loose>;
  for (const def of Object.values(definitions)) {
    if (Array.isArray(def.required) && def.properties) {
      def.required = def.required.filter((k: string) => def.properties[k]?.type !== 'boolean');
    }
    if (options.strict && def.properties && def.additionalProperties === undefined) def.additionalProperties = false;
  }
  const ajv = newAjv();
  ajv.addSchema({ $id: 'guardian.json', definitions } as AnySchema);
  const cache = new Map<string, ValidateFunction>();
  const templates = Object.keys(swagger.paths);
  return {
    check(method, path, status, body) {
      const template = matchTemplate(templates, path, '/api');
      if (!template) return `no operation in the swagger for ${path}`;
      const operation = swagger.paths[template][method.toLowerCase()];
      if (!operation) return `no ${method} operation for ${template}`;
      const response = operation.responses[String(status)] ?? operation.responses.default;
      const ref: string = response.schema.$ref;
      let validate = cache.get(ref);
      if (!validate) {
        validate = ajv.compile({ $ref: `guardian.json${ref}` });
        cache.set(ref, validate);
      }
      return validate(camelKeys(body)) ? undefined : `${ref}:\n${describe(validate.errors)}`;
    },
  };
}

const WHY_FIELDS = {
  step: { type: 'string' },
  reason: { type: 'string', enum: [...REASONS] },
  error: { type: 'string' },
};

export function cloudflareValidator(): ResponseValidator & {
  checkRequest(path: string, body: unknown): string | undefined;
} {
  const spec = load('cloudflare/policy-tests.openapi.json');
  const schemas = structuredClone(spec.components.schemas) as Record<string, Loose>;
  // Every key of these objects is declared: refuse any other, except our servers' documented
  // extensions (README, "What our test servers add"), each with its type.
  schemas.access_policy_users.additionalProperties = false;
  Object.assign(schemas.access_policy_users.properties, WHY_FIELDS);
  for (const name of ['access_policy_init_resp', 'access_policy_update_resp']) {
    schemas[name].allOf[1].properties.result.additionalProperties = false;
  }
  schemas.access_policy_update_resp.allOf[1].properties.result.properties.reasons = {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['status', 'reason', 'users'],
      properties: { status: { enum: ['approved', 'blocked', 'error'] }, users: { type: 'integer' }, ...WHY_FIELDS },
    },
  };
  const ajv = newAjv();
  ajv.addSchema({ $id: 'cloudflare.json', components: { schemas } } as AnySchema);
  const templates = Object.keys(spec.paths);
  const failure = ajv.compile({ $ref: 'cloudflare.json#/components/schemas/access_api-response-common-failure' });
  const compiled = new Map<string, ValidateFunction>();
  const get = (ref: string) => {
    let v = compiled.get(ref);
    if (!v) {
      v = ajv.compile({ $ref: `cloudflare.json${ref}` });
      compiled.set(ref, v);
    }
    return v;
  };
  return {
    check(method, path, status, body) {
      const template = matchTemplate(templates, path, '/client/v4');
      if (!template) return `no operation in the OpenAPI for ${path}`;
      const operation = spec.paths[template][method.toLowerCase()];
      if (!operation) return `no ${method} operation for ${template}`;
      // The spec documents 200 and 400; any other failure must still be the failure envelope.
      const documented = operation.responses[String(status)];
      const validate = documented ? get(documented.content['application/json'].schema.$ref) : failure;
      return validate(body) ? undefined : `${status}:\n${describe(validate.errors)}`;
    },
    checkRequest(path, body) {
      const template = matchTemplate(templates, path, '/client/v4');
      const ref: string = spec.paths[template!].post.requestBody.content['application/json'].schema.$ref;
      const validate = get(ref);
      return validate(body) ? undefined : describe(validate.errors);
    },
  };
}
