// File name extensions by risk. Windows runs executables and scripts on a double click; macro-enabled Office
// formats carry VBA. Kept as data so that the rules only say how to look.
export const executableExtensions = new Set([
  'exe', 'scr', 'com', 'pif', 'bat', 'cmd', 'msi', 'msp', 'dll', 'cpl', 'jar', 'lnk', 'gadget', 'application',
  'appx', 'msix', 'iso', 'img', 'vhd', 'vhdx', 'apk', 'app', 'dmg', 'reg', 'inf', 'scf', 'chm', 'hlp',
]);

export const scriptExtensions = new Set([
  'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'wsc', 'ps1', 'psm1', 'hta', 'sh', 'py', 'pl', 'mjs', 'cjs', 'svg',
]);

export const macroOfficeExtensions = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm']);

/** Extensions a person reads as a harmless document: the first half of a double-extension trick. */
export const documentExtensions = new Set([
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'txt', 'rtf', 'jpg', 'jpeg', 'png', 'gif', 'htm', 'html',
  'zip', 'csv', 'odt', 'mp3', 'mp4', 'wav',
]);

/** An attachment a browser opens as a web page: declared text/html, or named so. */
export function isHtmlPage(a: { contentType: string; filename: string }): boolean {
  return a.contentType === 'text/html' || ['htm', 'html', 'shtml', 'xhtml'].includes(extensionOf(a.filename));
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot === -1 ? '' : filename.slice(dot + 1).trim().toLowerCase();
}
