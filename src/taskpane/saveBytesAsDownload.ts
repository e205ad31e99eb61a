/**
 * Offers bytes to the browser as a download named `fileName`, through a Blob link: what the preview
 * and Excel on the web allow a task pane. (Excel on Windows and Mac hosts the pane in a web view
 * that drops such downloads, so the Office host does not call this there.)
 *
 * @example
 * saveBytesAsDownload(bytes, "进展报告.docx", docxType);
 */
export function saveBytesAsDownload(bytes: Uint8Array, fileName: string, type: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() has returned.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}

/** The media type of a .docx. */
export const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
