/** `<policy-id>.cases.yaml`, safe as a file name whatever the id holds. */
export const casesFileName = (policyId: string) => `${policyId.replace(/[^\w.-]+/g, '_')}.cases.yaml`;
