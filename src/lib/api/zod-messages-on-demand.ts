// Stands in for ./zod-messages.ts where a schema module imports it inside the catalog's worker
// (scripts/vite-plugins.ts `zodMessagesOnDemand`): the worker checks its list without zod's English
// messages and imports ./zod-messages.ts only when something fails, to describe it in those words.
export {};
