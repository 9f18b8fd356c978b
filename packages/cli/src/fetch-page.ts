import { assertHtmlPage, HttpClient } from '@quotecheck/ingest';
import { loadConfig } from '@quotecheck/shared';

/**
 * Fetches one page for the one-shot commands with the same safe client the workers use, and the
 * same rule for what a page is: only HTML/XHTML (`assertHtmlPage`), anything else is refused
 * with a one-line reason naming its type.
 */
export async function fetchPage(url: string): Promise<{ url: string; body: Uint8Array; contentType: string | null }> {
  const config = loadConfig();
  const client = new HttpClient(config.fetch, config.userAgent);
  try {
    const res = await client.get(url, { accept: 'text/html,application/xhtml+xml' });
    assertHtmlPage(res.url, res.contentType, res.body);
    return { url: res.url, body: res.body, contentType: res.contentType };
  } finally {
    await client.close();
  }
}
