/** Placeholder until this view lands. */
export function NewPolicyRoute() {
  return (
    <section className="page">
      <h1>New policy</h1>
      <p className="muted">This view is not built yet.</p>
    </section>
  );
}
