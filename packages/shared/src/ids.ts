import { createHash } from 'node:crypto';

/** A short stable id (hex) of a string: article ids from canonical URLs, raw-page ids. */
export function stableId(value: string, length = 16): string {
  return createHash('sha1').update(value).digest('hex').slice(0, length);
}

/** The outlet of a URL or file path: its registrable-looking host ("www.example.com" -> "example.com"). */
export function outletOf(urlOrPath: string): string {
  try {
    const u = new URL(urlOrPath);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.hostname.replace(/^www\d?\./, '');
  } catch {
    // a file path
  }
  return 'file';
}
