/** Guardian's rule: an approver is an email address, or else an expression resolving to one. */
export function isEmailApprover(value: string): boolean {
  return /^[^\s@$()"']+@[^\s@$()"']+\.[^\s@$()"']+$/.test(value);
}
