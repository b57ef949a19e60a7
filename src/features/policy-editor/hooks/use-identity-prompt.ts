import { useState } from 'react';
import { getSettings } from '@/lib/settings';

/** Guardian writes need the admin's identity email: ask for it (once asked, the banner turns urgent). */
export function useIdentityPrompt() {
  const [asked, setAsked] = useState(false);
  const needIdentity = () => {
    if (getSettings().identityEmail) return false;
    setAsked(true);
    requestAnimationFrame(() => document.getElementById('editor-identity')?.focus());
    return true;
  };
  return { asked, needIdentity };
}
