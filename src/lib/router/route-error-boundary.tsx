import { Component, type ReactNode } from 'react';

interface Props {
  /** Changes on every navigation: a new address gets a fresh try. */
  resetKey: string;
  fallback: (error: unknown) => ReactNode;
  children: ReactNode;
}

/** Catches what a view throws while rendering, so the shell around it stays usable. */
export class RouteErrorBoundary extends Component<Props, { error: unknown; key: string; failed: boolean }> {
  override state = { error: null as unknown, key: this.props.resetKey, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: { key: string; failed: boolean }) {
    return props.resetKey === state.key ? null : { error: null, failed: false, key: props.resetKey };
  }

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}
