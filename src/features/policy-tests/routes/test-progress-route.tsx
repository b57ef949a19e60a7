/** Placeholder until this view lands. */
export function TestProgressRoute() {
  return (
    <section className="page">
      <h1>Test</h1>
      <p className="muted">This view is not built yet.</p>
    </section>
  );
}
