import { HttpClient } from '@quotecheck/ingest';
import { loadConfig } from '@quotecheck/shared';

/** Fetches one page for the one-shot commands with the same safe client the workers use. */
export async function fetchPage(url: string): Promise<{ url: string; body: Uint8Array; contentType: string | null }> {
  const config = loadConfig();
  const client = new HttpClient(config.fetch, config.userAgent);
  const res = await client.get(url, { accept: 'text/html,application/xhtml+xml' });
  return { url: res.url, body: res.body, contentType: res.contentType };
}
