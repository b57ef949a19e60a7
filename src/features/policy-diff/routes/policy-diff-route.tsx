/** Placeholder until this view lands. */
export function PolicyDiffRoute() {
  return (
    <section className="page">
      <h1>Compare versions</h1>
      <p className="muted">This view is not built yet.</p>
    </section>
  );
}
