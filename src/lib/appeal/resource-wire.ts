import type { AppealRequest } from './appeal-request';

/** The appeal's resource as Guardian's JSON and the cases file spell it: snake_case, labels only when there are some. */
export function resourceWire(resource: AppealRequest['resource']): Record<string, unknown> {
  return {
    id: resource.id,
    provider_type: resource.providerType,
    provider_urn: resource.providerUrn,
    type: resource.type,
    urn: resource.urn,
    name: resource.name,
    details: resource.details,
    ...(resource.labels && Object.keys(resource.labels).length > 0 ? { labels: resource.labels } : {}),
  };
}
