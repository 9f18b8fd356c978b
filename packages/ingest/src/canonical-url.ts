/**
 * Query parameters that identify a campaign, a click or a referrer, never the page.
 * Matched case-insensitively; entries ending in `*` are prefixes.
 */
export const TRACKING_PARAMS: readonly string[] = [
  'utm_*',
  'traffic_source',
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ocid',
  'cmpid',
  'cmp',
  'icid',
  'ito',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'at_medium',
  'at_campaign',
  'at_custom*',
  'smid',
  'smtyp',
  'ref_src',
  'ref_url',
  'rss',
  'feedtype',
  'feedname',
  'spm',
  '__twitter_impression',
];

const exact = new Set(TRACKING_PARAMS.filter((p) => !p.endsWith('*')));
const prefixes = TRACKING_PARAMS.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));

/** True when a query parameter name only tracks the click. */
export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return exact.has(n) || prefixes.some((p) => n.startsWith(p));
}

/**
 * The canonical form of an article URL, used as its identity (seen-set, article id):
 * resolved against `base` (the feed URL or its xml:base), lower-case host (the URL parser
 * does that and IDNA), default port dropped, fragment dropped, tracking parameters dropped,
 * remaining parameters sorted (stable by name, values kept in order). Returns null when
 * the link is not a URL. The path is kept as is: servers may treat it case-sensitively.
 */
export function canonicalUrl(link: string, base?: string | URL): string | null {
  let u: URL;
  try {
    u = base === undefined ? new URL(link.trim()) : new URL(link.trim(), base);
  } catch {
    return null;
  }
  u.hash = '';
  if (u.protocol === 'http:' || u.protocol === 'https:') {
    // the WHATWG parser already drops :80/:443 and lower-cases the host
    const kept = [...u.searchParams].filter(([k]) => !isTrackingParam(k));
    kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    u.search = kept.length ? new URLSearchParams(kept).toString() : '';
    if (u.pathname === '') u.pathname = '/';
  }
  return u.href;
}
