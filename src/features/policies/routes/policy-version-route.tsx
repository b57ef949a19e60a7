/** Placeholder until this view lands. */
export function PolicyVersionRoute() {
  return (
    <section className="page">
      <h1>Policy version</h1>
      <p className="muted">This view is not built yet.</p>
    </section>
  );
}
