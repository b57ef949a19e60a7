/** Placeholder until this view lands. */
export function LaunchTestRoute() {
  return (
    <section className="page">
      <h1>New test</h1>
      <p className="muted">This view is not built yet.</p>
    </section>
  );
}
