import {
  type Claim,
  type ClaimStatus,
  type Evidence,
  type Occurrence,
  STATUS_PRECEDENCE,
  type StoredArticle,
  stableId,
} from '@quotecheck/shared';
import {
  type ClaimListPage,
  type ClaimQuery,
  compareWordings,
  type Decision,
  MAX_DECISION_TEXT_CHARS,
  MAX_REVIEWER_CHARS,
  reviewState,
} from '@quotecheck/verify';
import { html, type SafeHtml, safeHref } from './html.js';

/** What every page needs to know about the server. */
export interface PageEnv {
  writable: boolean;
}

const STATUS_LABEL: Record<ClaimStatus, string> = {
  denied: 'denied',
  walked_back: 'walked back',
  contradicted: 'contradicted',
  fact_checked_false: 'rated false',
  conflicting_speaker: 'conflicting speaker',
  second_hand: 'second-hand',
  anonymous: 'anonymous',
  single_source: 'single source',
  corroborated: 'corroborated',
};

/** The whole document around a page body: viewport for phones, one style sheet, no script. */
export function layout(title: string, body: SafeHtml, env: PageEnv): SafeHtml {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title} · quotecheck</title>
<link rel="stylesheet" href="/style.css">
</head><body>
<header><a class="brand" href="/claims">quotecheck review desk</a><a href="/claims?flag=denied">denied</a><a href="/claims?reviewed=unreviewed">to review</a><a href="/queues">queues</a>
<span class="mode">${env.writable ? 'decisions on' : 'read-only'}</span></header>
<main>${body}</main>
</body></html>`;
}

function badge(status: ClaimStatus): SafeHtml {
  return html`<span class="badge s-${status}">${STATUS_LABEL[status]}</span>`;
}

function reviewBadge(d: Decision | undefined): SafeHtml {
  const state = reviewState(d);
  if (state === 'unreviewed') return html``;
  return html`<span class="badge r-${state}" title="${d!.reviewer}, ${d!.at}">${state} by ${d!.reviewer}</span>`;
}

function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function when(iso: string | null | undefined): string {
  if (!iso) return 'date unknown';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

function outletsOf(c: Claim): string[] {
  return [...new Set(c.occurrences.map((o) => o.outlet))];
}

/** The query string of a list page (for links that keep the filters). */
export function queryString(raw: Record<string, string | undefined>, page?: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (v && k !== 'page') p.set(k, v);
  if (page && page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

function select(name: string, current: string | undefined, options: [value: string, label: string][]): SafeHtml {
  return html`<select name="${name}" id="f-${name}"><option value="">any</option>${options.map(
    ([v, l]) => html`<option value="${v}"${current === v ? html` selected` : ''}>${l}</option>`,
  )}</select>`;
}

/** The claim list with its filter form and pager. */
export function listPage(result: ClaimListPage, raw: Record<string, string | undefined>, env: PageEnv, ms: number): SafeHtml {
  const statuses = STATUS_PRECEDENCE.map((s) => [s, STATUS_LABEL[s]] as [string, string]);
  const form = html`<form class="filters" method="get" action="/claims">
<label for="f-status">status${select('status', raw.status, statuses)}</label>
<label for="f-flag">flag${select('flag', raw.flag, statuses)}</label>
<label for="f-reviewed">review${select('reviewed', raw.reviewed, [
    ['unreviewed', 'not reviewed'],
    ['reviewed', 'reviewed'],
    ['confirmed', 'confirmed'],
    ['rejected', 'rejected'],
  ])}</label>
<label>speaker<input name="speaker" value="${raw.speaker ?? ''}" placeholder="Rubio"></label>
<label>outlet<input name="outlet" value="${raw.outlet ?? ''}" placeholder="aljazeera.com"></label>
<label>since<input name="since" value="${raw.since ?? ''}" placeholder="2h, 7d or a date"></label>
<label>text<input name="q" type="search" value="${raw.q ?? ''}" placeholder="words of the quote"></label>
<button type="submit">Filter</button>
</form>`;
  const rows = result.claims.map((c) => {
    const outlets = outletsOf(c);
    return html`<li><div class="quote"><a href="/claims/${encodeURIComponent(c.id)}">“${shorten(c.canonical, 220)}”</a></div>
<div>${c.speaker.name ?? 'unknown speaker'}${c.speaker.role ? html` <span class="muted">(${c.speaker.role})</span>` : ''} ${badge(c.status)} ${c.flags
      .filter((f) => f !== c.status && f !== 'single_source')
      .map((f) => html`<span class="badge s-${f}">${STATUS_LABEL[f]}</span> `)}${reviewBadge(result.decisions.get(c.id))}</div>
<div class="muted">${c.occurrences.length} occurrence${c.occurrences.length === 1 ? '' : 's'} in ${shorten(outlets.join(', '), 120)} · updated ${when(c.updatedAt)}</div></li>`;
  });
  const pager = html`<nav class="pager">${
    result.page > 1 ? html`<a rel="prev" href="/claims${queryString(raw, result.page - 1)}">← newer</a>` : html`<span></span>`
  }<span class="muted">page ${result.page}</span>${
    result.more ? html`<a rel="next" href="/claims${queryString(raw, result.page + 1)}">older →</a>` : html`<span></span>`
  }</nav>`;
  const body = html`<h1>Claims</h1>${form}
${rows.length ? html`<ol class="claims">${rows}</ol>` : html`<p>No claim matches these filters.</p>`}
${pager}<p class="muted">${result.scanned} claims read in ${ms.toFixed(0)} ms.</p>`;
  return layout('Claims', body, env);
}

/** Text around [start, end) of `text`, cut at sentence ends (at most ~300 characters each side). */
export function around(text: string, start: number, end: number): { before: string; match: string; after: string } {
  const limit = 300;
  let from = Math.max(0, start - limit);
  const head = text.slice(from, start);
  const cut = Math.max(
    head.lastIndexOf('\n'),
    ...[...head.matchAll(/[.!?][”"’)]?\s+(?=[A-Z“"‘(])/g)].map((m) => m.index + m[0].length - 1),
  );
  if (cut >= 0) from += cut + 1;
  let to = Math.min(text.length, end + limit);
  const tail = text.slice(end, to);
  const stop = tail.search(/[.!?][”"’)]?(\s|$)|\n/);
  if (stop >= 0) to = end + stop + (tail[stop] === '\n' ? 0 : (tail.slice(stop).match(/^[.!?][”"’)]?/)?.[0].length ?? 1));
  return { before: text.slice(from, start).trimStart(), match: text.slice(start, end), after: text.slice(end, to) };
}

/** The sentence of an occurrence with its quoted words marked: from the stored article when it has the offsets, else the evidence line. */
function occurrenceContext(o: Occurrence, article: StoredArticle | undefined): SafeHtml {
  if (article && article.text.slice(o.start, o.end) === o.text) {
    const a = around(article.text, o.start, o.end);
    return html`${a.before}<mark>${a.match}</mark>${a.after}`;
  }
  const sentence = o.sentence ?? o.text;
  const i = sentence.indexOf(o.text);
  if (i < 0) return html`${sentence}`;
  return html`${sentence.slice(0, i)}<mark>${o.text}</mark>${sentence.slice(i + o.text.length)}`;
}

function evidenceContext(e: Evidence, article: StoredArticle | undefined): SafeHtml {
  if (article && e.end > e.start && e.end <= article.text.length) {
    const a = around(article.text, e.start, e.end);
    const inSentence = e.sentence.includes(a.match.trim()) || a.match.length < 400;
    if (inSentence) return html`${a.before}<mark>${a.match}</mark>${a.after}`;
  }
  return html`${e.sentence}`;
}

function link(url: string | null | undefined, label: string): SafeHtml {
  const href = safeHref(url);
  return href ? html`<a href="${href}" rel="noopener noreferrer">${label}</a>` : html`${label}`;
}

function speakerLine(s: Occurrence['speaker'] | Claim['speaker']): SafeHtml {
  return html`${s.name ?? 'unknown speaker'}${s.role ? html`, ${s.role}` : ''} <span class="muted">(${s.kind})</span>`;
}

/** The decision form (only with --writable). */
function decisionForm(c: Claim, csrfToken: string, reviewer: string): SafeHtml {
  return html`<form class="decide" method="post" action="/claims/${encodeURIComponent(c.id)}/decisions">
<input type="hidden" name="csrf" value="${csrfToken}">
<label>your name<input name="reviewer" required maxlength="${MAX_REVIEWER_CHARS}" value="${reviewer}" autocomplete="name"></label>
<fieldset><legend class="muted">decision</legend>
<label><input type="radio" name="action" value="confirm" required> confirm the verdict</label>
<label><input type="radio" name="action" value="reject"> reject it</label>
<label><input type="radio" name="action" value="note"> note only</label></fieldset>
<label>reason or note (required to reject or note)<textarea name="text" rows="3" maxlength="${MAX_DECISION_TEXT_CHARS}"></textarea></label>
<button type="submit">Record decision</button>
</form>`;
}

/** Everything about one claim. */
export function claimPage(
  c: Claim,
  articles: Map<string, StoredArticle>,
  history: Decision[],
  latest: Decision | undefined,
  env: PageEnv & { csrfToken?: string; reviewer?: string; message?: string },
): SafeHtml {
  const flags = c.flags.filter((f) => f !== c.status);
  const evidence = c.evidence.filter((e) => e.flag !== 'single_source' && e.flag !== 'corroborated');
  const texts = [...new Set(c.occurrences.map((o) => o.text.replace(/\s+/g, ' ').trim()))];
  const canonical = c.canonical.replace(/\s+/g, ' ').trim();
  const variants = texts.filter((t) => t !== canonical);
  const body = html`<p class="muted"><a href="/claims">← all claims</a></p>
<h1>“${c.canonical}”</h1>
<p>${speakerLine(c.speaker)}</p>
<p>${badge(c.status)} ${flags.map((f) => html`${badge(f)} `)}${reviewBadge(latest)} <a href="#review">${env.writable ? 'decide' : 'review'} ↓</a></p>
<dl class="facts"><dt>first seen</dt><dd>${when(c.firstSeen)}</dd>
<dt>occurrences</dt><dd>${c.occurrences.length} in ${outletsOf(c).length} outlet(s), ${c.independentSources} independent source(s)</dd>
<dt>updated</dt><dd>${when(c.updatedAt)}</dd><dt>claim id</dt><dd><code>${c.id}</code></dd></dl>

<h2 id="verdicts">Verdicts and evidence</h2>
${
  evidence.length
    ? evidence.map(
        (e) => html`<div class="card">${e.flag ? badge(e.flag) : ''} <span class="muted">${e.rule}</span>
<blockquote>${evidenceContext(e, articles.get(stableId(e.input)))}</blockquote>
${e.note ? html`<p>${e.note}</p>` : ''}<p class="muted">said in ${link(e.input, shorten(e.input, 90))}</p></div>`,
      )
    : html`<p class="muted">No flag: ${STATUS_LABEL[c.status]}.</p>`
}

<h2 id="occurrences">Occurrences</h2>
${c.occurrences.map((o) => {
  const a = articles.get(o.articleId);
  return html`<div class="card"><p><strong>${o.outlet}</strong> · ${when(o.published ?? a?.published)} · ${link(a?.url ?? o.input, a?.title ? shorten(a.title, 100) : 'article')}</p>
<blockquote>${occurrenceContext(o, a)}</blockquote>
<p class="muted">${o.type} quotation attributed to ${speakerLine(o.speaker)}${o.reportedBy ? html`, as reported by ${speakerLine(o.reportedBy)}` : ''} · wording ${o.fidelity}${o.meaningChanged ? ' (meaning changed)' : ''}${o.wire ? html` · wire: ${o.wire}` : ''}</p></div>`;
})}

<h2 id="wordings">Wordings</h2>
${
  variants.length
    ? html`<div class="variants"><div class="card"><p class="muted">canonical</p>${canonical}</div>${variants.map(
        (v) =>
          html`<div class="card"><p class="muted">variant (<ins>added</ins>, <del>left out</del>)</p>${compareWordings(
            canonical,
            v,
          ).map((p) =>
            p.kind === 'added' ? html`<ins>${p.text}</ins>` : p.kind === 'removed' ? html`<del>${p.text}</del>` : html`${p.text}`,
          )}</div>`,
      )}</div>`
    : html`<p class="muted">Every occurrence has the same wording.</p>`
}

<h2 id="review">Review</h2>
${env.message ? html`<p class="card">${env.message}</p>` : ''}
${
  history.length
    ? html`<ul class="history">${history.map(
        (d) =>
          html`<li><strong>${d.action === 'confirm' ? 'confirmed' : d.action === 'reject' ? 'rejected' : 'note'}</strong> by ${d.reviewer}, ${when(d.at)}${d.text ? html`: ${d.text}` : ''}</li>`,
      )}</ul>`
    : html`<p class="muted">No decision yet.</p>`
}
${env.writable && env.csrfToken ? decisionForm(c, env.csrfToken, env.reviewer ?? '') : html`<p class="muted">Read-only: start <code>quotecheck serve --writable</code> to record decisions.</p>`}`;
  return layout(shorten(c.canonical, 60), body, env);
}

/** A short page for 404 and friends. */
export function messagePage(title: string, message: string, env: PageEnv): SafeHtml {
  return layout(title, html`<h1>${title}</h1><p>${message}</p><p><a href="/claims">All claims</a></p>`, env);
}

export type { ClaimQuery };
