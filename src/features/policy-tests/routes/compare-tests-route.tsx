/** Placeholder until this view lands. */
export function CompareTestsRoute() {
  return (
    <section className="page">
      <h1>Compare tests</h1>
      <p className="muted">This view is not built yet.</p>
    </section>
  );
}
