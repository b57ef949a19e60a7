/** Hands a file to the browser's download manager without a server round-trip. */
export function downloadFile(parts: BlobPart[], fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name safe on every OS, from untrusted parts such as a test id. */
export function safeFileName(...parts: string[]): string {
  return parts
    .map((part) => part.replace(/[^\w.-]+/g, '_').replace(/^[._]+|[._]+$/g, ''))
    .filter(Boolean)
    .join('-')
    .slice(0, 180);
}
