/** Quote for a POSIX shell: single quotes, with embedded ones closed and escaped; plain words as they are. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
