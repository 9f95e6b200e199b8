/**
 * Saves a file made on the phone (a CSV, a chart, a JSON export) through the
 * browser's download, by a link clicked for the person. The link is in the
 * document while it is clicked (Firefox needs that), and its address is let go
 * once the download has had time to start.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
