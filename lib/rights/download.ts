/** Save text as a file the user downloads: a Blob, an object URL and an <a download>. Nothing leaves the browser. */
export function downloadText(text: string, fileName: string, type = 'text/plain;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Firefox needs the URL a little after the click; it is released once the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
