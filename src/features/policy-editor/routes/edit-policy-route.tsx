/** Placeholder until this view lands. */
export function EditPolicyRoute() {
  return (
    <section className="page">
      <h1>Edit policy</h1>
      <p className="muted">This view is not built yet.</p>
    </section>
  );
}
