import { PolicyEditor } from '../components/policy-editor';

/** `/policies/new`: a policy from nothing, or from pasted YAML/JSON. */
export function NewPolicyRoute() {
  return <PolicyEditor />;
}
