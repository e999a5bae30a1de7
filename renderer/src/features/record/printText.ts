/**
 * Prints plain text in the official typeface through a hidden frame, so the
 * clerk gets the print dialog without leaving the app. The frame is built
 * through the DOM, never from HTML, so no text from the record can become markup.
 */
export function printText(title: string, text: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  Object.assign(frame.style, { position: 'fixed', width: '0', height: '0', border: '0', right: '0', bottom: '0' });
  document.body.append(frame);
  const page = frame.contentDocument;
  const view = frame.contentWindow;
  if (!page || !view) {
    frame.remove();
    return;
  }
  page.title = title;
  const style = page.createElement('style');
  style.textContent =
    '@page { size: A4; margin: 37mm 26mm 35mm 28mm; } body { margin: 0; } pre { white-space: pre-wrap; word-break: break-all; font: 16pt/28pt FangSong, "仿宋", "FangSong_GB2312", STFangsong, serif; }';
  page.head.append(style);
  const body = page.createElement('pre');
  body.textContent = text;
  page.body.append(body);
  view.addEventListener('afterprint', () => frame.remove());
  view.focus();
  view.print();
}
