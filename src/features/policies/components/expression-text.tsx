/** An expression as code: monospace, its own colour, wrapping anywhere, never interpreted. */
export function ExpressionText({ children }: { children: string }) {
  return <code className="expression mono">{children}</code>;
}
