/** Placeholder until this view lands. */
export function RecentTestsRoute() {
  return (
    <section className="page">
      <h1>Tests</h1>
      <p className="muted">This view is not built yet.</p>
    </section>
  );
}
