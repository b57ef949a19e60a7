/** The list the mock HTTP server sends, written by the bench before the build (vite alias `bench-compare-data`). */
declare module 'bench-compare-data/policies.json' {
  const list: { policies: Record<string, unknown>[] };
  export default list;
}
