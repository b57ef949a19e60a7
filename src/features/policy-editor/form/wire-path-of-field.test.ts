import { describe, expect, it } from 'vitest';
import { wirePathOfField } from './wire-path-of-field';

describe('wirePathOfField', () => {
  it.each([
    ['id', 'id'],
    ['steps.0.approveIf', 'steps[0].approve_if'],
    ['steps.2.approvers.1.value', 'steps[2].approvers[1]'],
    ['requirements.0.on.providerType', 'requirements[0].on.provider_type'],
    ['requirements.1.appeals.0.resourceId', 'requirements[1].appeals[0].resource.id'],
    ['requirements.1.appeals.0.expirationDate', 'requirements[1].appeals[0].options.expiration_date'],
    ['appeal.durationOptions.1.value', 'appeal.duration_options[1].value'],
    ['appeal.allowActiveAccessExtensionIn', 'appeal.allow_active_access_extension_in'],
    ['iam.password', 'iam.config.auth.password'],
    ['iam.headers.0.key', 'iam.config.headers'],
    ['labels.3.key', 'labels'],
  ])('%s → %s', (form, wire) => expect(wirePathOfField(form)).toBe(wire));
});
