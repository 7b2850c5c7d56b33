// Untrusted text in the desktop's own surfaces: the tray's tooltip and menu, and OS notifications.
//  - Menu labels: Electron reads `&` as a mnemonic marker on Windows and Linux, so a literal one is `&&`.
//  - Tooltips and notification titles: one line.
//  - Notification bodies on Linux: the Desktop Notifications spec lets servers read a body as markup
//    (`<a href>`, `<img>`, `<b>`), so `&`, `<` and `>` are sent as entities there.
import { plainText } from './plain-text';

export function trayLabel(text: string): string {
  return plainText(text, { oneLine: true }).replace(/&/g, '&&');
}

export function trayTooltipText(text: string): string {
  return plainText(text, { oneLine: true });
}

export function notificationTitle(text: string): string {
  return plainText(text, { oneLine: true });
}

export function notificationBody(text: string, platform: NodeJS.Platform): string {
  const plain = plainText(text);
  return platform === 'linux'
    ? plain.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    : plain;
}
