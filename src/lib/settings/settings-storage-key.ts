/** Where the settings (all but credentials) are kept in localStorage; the built HTML reads it too (page-started-worker.ts). */
export const SETTINGS_STORAGE_KEY = 'policy-console.settings';
