/** Empty text means "not set": Guardian omits zero values, so "" and absent are the same policy. */
export const optional = (value: string): string | undefined => (value === '' ? undefined : value);

/** Whether a part kept keys the form does not model (then it is sent even if its fields are empty). */
export const hasKeys = (value: Record<string, unknown>): boolean => Object.keys(value).length > 0;
