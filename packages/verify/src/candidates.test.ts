import type { Attribution, Speaker } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import { MemoryClaimStore } from './memory-store.js';
import { normalizeQuote } from './normalize.js';
import type { ArticleInput } from './prepare.js';
import { quoteKeys, STRIDE } from './quote-keys.js';
import { Verifier } from './verifier.js';

// Distinct made-up words so that only the intended overlap can match.
const WORDS = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}x`);
let next = 0;
const fresh = (n: number) => Array.from({ length: n }, () => WORDS[next++ % WORDS.length]!);

function article(id: string, outlet: string, quote: string, speaker: Speaker): ArticleInput {
  const text = `Lead paragraph ${id}.\n“${quote}” ${speaker.name} said.`;
  const start = text.indexOf(quote);
  const a: Attribution = {
    type: 'direct',
    content: { start, end: start + quote.length, text: quote },
    cue: null,
    source: null,
    speaker,
  };
  return { id, input: `${id}.txt`, outlet, published: null, text, paragraphs: text.split('\n'), byline: null, attributions: [a] };
}

const ann: Speaker = { name: 'Ann Lee', kind: 'person' };
const bob: Speaker = { name: 'Bob Ray', kind: 'person' };

/** Verifies the stored quote, then the probe, and says whether the probe joined the stored claim. */
async function joins(stored: string, probe: string, probeSpeaker: Speaker = ann): Promise<boolean> {
  const store = new MemoryClaimStore();
  const v = new Verifier(store);
  await v.addArticle(article('s', 'a.example', stored, ann));
  const r = await v.addArticle(article('p', 'b.example', probe, probeSpeaker));
  return (r.changed[0]?.occurrences.length ?? 0) > 1;
}

/** Verifies a short quote of Ann's, then a long one by `speaker`: did the long one join it? */
async function joinsLater(short: string, long: string, speaker: Speaker): Promise<boolean> {
  const v = new Verifier(new MemoryClaimStore());
  await v.addArticle(article('s', 'a.example', short, ann));
  const r = await v.addArticle(article('l', 'b.example', long, speaker));
  return r.changed.some((c) => c.occurrences.length > 1);
}

type QuoteAt = { quote: string; speaker: Speaker; type: Attribution['type']; line?: number };

/** An article of `text` with these attributions, each quote found from the start of line `line`. */
function articleWith(id: string, text: string, quotes: QuoteAt[]): ArticleInput {
  const lineStart = (n: number) =>
    text
      .split('\n')
      .slice(0, n)
      .reduce((at, l) => at + l.length + 1, 0);
  return {
    id,
    input: `${id}.txt`,
    outlet: `${id}.example`,
    published: null,
    text,
    paragraphs: text.split('\n'),
    byline: null,
    attributions: quotes.map(({ quote, speaker, type, line }) => {
      const start = text.indexOf(quote, lineStart(line ?? 0));
      return { type, content: { start, end: start + quote.length, text: quote }, cue: null, source: null, speaker };
    }),
  };
}

/** Verifies one article with these attributions ({@link articleWith}) and returns the occurrence count of every claim. */
async function occurrencesInOne(text: string, quotes: QuoteAt[]): Promise<number[]> {
  const store = new MemoryClaimStore();
  await new Verifier(store).addArticle(articleWith('one', text, quotes));
  return store.all().map((c) => c.occurrences.length);
}

/** Verifies these articles in this order and returns every claim's occurrence count, ascending. */
async function occurrencesInOrder(articles: ArticleInput[]): Promise<number[]> {
  const store = new MemoryClaimStore();
  const v = new Verifier(store);
  for (const a of articles) await v.addArticle(a);
  return store
    .all()
    .map((c) => c.occurrences.length)
    .sort((x, y) => x - y);
}

describe('sampled 4-gram postings keep the clustering rules', () => {
  it('posts a sample of a long quote’s 4-grams, not all of them', () => {
    const keys = quoteKeys(normalizeQuote(fresh(30).join(' ')).words, ann);
    expect(keys.grams).toHaveLength(27);
    expect(keys.posted.length).toBeLessThanOrEqual(Math.ceil(27 / STRIDE) + 1);
  });

  it('finds an 8-word shared run at every offset of a stored quote', async () => {
    const stored = fresh(24);
    for (let at = 0; at + 8 <= stored.length; at++) {
      const probe = [...fresh(5), ...stored.slice(at, at + 8), ...fresh(5)];
      // Same speaker: two different people need a longer shared passage (rarity.test.ts).
      expect(await joins(stored.join(' '), probe.join(' '), ann), `run at ${at}`).toBe(true);
    }
  });

  it('finds a one-word substitution at every position of 8- to 12-word quotes', async () => {
    for (let n = 8; n <= 12; n++) {
      const stored = fresh(n);
      for (let at = 0; at < n; at++) {
        const probe = [...stored];
        probe[at] = fresh(1)[0]!;
        expect(await joins(stored.join(' '), probe.join(' '), ann), `${n} words, word ${at}`).toBe(true);
      }
    }
  });

  it('finds a short same-speaker quote cut from anywhere in a stored long quote', async () => {
    const stored = fresh(20);
    for (let len = 4; len <= 7; len++)
      for (let at = 0; at + len <= stored.length; at++)
        expect(await joins(stored.join(' '), stored.slice(at, at + len).join(' ')), `${len} words at ${at}`).toBe(true);
  });

  it('finds a stored short same-speaker quote inside a later long quote, at every offset', async () => {
    const long = fresh(12);
    // (a one-word quote never joins by containment: too little to go on)
    for (let len = 2; len <= 3; len++)
      for (let at = 0; at + len <= long.length; at++) {
        const short = long.slice(at, at + len).join(' ');
        expect(await joinsLater(short, long.join(' '), ann), `${len} words at ${at}`).toBe(true);
        expect(await joinsLater(short, long.join(' '), bob), `other speaker, ${len} words at ${at}`).toBe(false);
      }
  });

  it('finds a stored quote whose words a later quote replaced with bracketed ones, in either order', async () => {
    const [a, b, c, d, e] = fresh(5);
    const plain = `${a} ${b} them into ${c}`;
    const bracketed = `${a}-${b} [the ${d} ${e}] into ${c}. ${fresh(14).join(' ')}`;
    expect(await joinsLater(plain, bracketed, ann)).toBe(true);
    expect(await joinsLater(bracketed, plain, ann)).toBe(true);
    expect(await joinsLater(plain, bracketed, bob)).toBe(false);
  });

  it('joins two few-word quotes of one speaker when one holds the other, in either order ("locker room" / "locker room talk")', async () => {
    const [a, b, c] = fresh(3);
    expect(await joinsLater(`${a} ${b}`, `${a} ${b} ${c}`, ann)).toBe(true);
    expect(await joinsLater(`${a} ${b} ${c}`, `${a} ${b}`, ann)).toBe(true);
    expect(await joinsLater(`${a} ${b}`, `${a} ${b} ${c}`, bob)).toBe(false);
  });

  it('joins one-word excerpts to a longer quotation of their speaker when their sentence quotes more of it, in either order', async () => {
    const [a, b, c] = fresh(3);
    const long = `${fresh(2).join(' ')} ${a} ${fresh(2).join(' ')} ${b} ${fresh(1)} ${c}`;
    const fragments = `Bob is a “${a},” a “${b}” and a “${c}.”`;
    const cut = articleWith('cut', `Ann Lee wrote that ${fragments}`, [{ quote: fragments, speaker: ann, type: 'mixed' }]);
    const whole = articleWith('whole', `“${long}” Ann Lee said.`, [{ quote: long, speaker: ann, type: 'direct' }]);
    expect(await occurrencesInOrder([cut, whole])).toEqual([4]);
    expect(await occurrencesInOrder([whole, cut])).toEqual([4]);
    // One of those words quoted alone, its sentence quoting nothing else of the quotation, is not cut from it.
    const alone = `Bob is a “${b}” now.`;
    const lone = articleWith('lone', `Ann Lee said that ${alone}`, [{ quote: alone, speaker: ann, type: 'mixed' }]);
    expect(await occurrencesInOrder([whole, lone])).toEqual([1, 1]);
  });

  it('keeps an unnamed voice apart from a named person quoted beside it, whichever article came first', async () => {
    const run = fresh(8).join(' ');
    const named = `${fresh(2).join(' ')} ${run} ${fresh(1)}`;
    const unnamed = `${fresh(3).join(' ')} ${run} ${fresh(4).join(' ')}`;
    const nobody: Speaker = { name: null, kind: 'unknown' };
    const both = articleWith('both', `“${named}” Ann Lee said.\nA voter said “${unnamed}”.`, [
      { quote: named, speaker: ann, type: 'direct' },
      { quote: unnamed, speaker: nobody, type: 'direct' },
    ]);
    const alone = articleWith('alone', `“${named}” Ann Lee said.`, [{ quote: named, speaker: ann, type: 'direct' }]);
    expect(await occurrencesInOrder([both, alone])).toEqual([1, 2]);
    expect(await occurrencesInOrder([alone, both])).toEqual([1, 2]);
  });

  it('lets a slogan that ends two of one speaker’s statements join one of them, not bridge them', async () => {
    const slogan = fresh(4).join(' ');
    const v = new Verifier(new MemoryClaimStore());
    await v.addArticle(article('s1', 'a.example', `${fresh(10).join(' ')} ${slogan}`, ann));
    await v.addArticle(article('s2', 'b.example', `${fresh(10).join(' ')} ${slogan}`, ann));
    const r = await v.addArticle(article('p', 'c.example', slogan, ann));
    expect(r.merged).toEqual([]);
    expect(r.changed.map((c) => c.occurrences.length)).toEqual([2]);
  });

  it('finds a stored short quote inside a later long one that has an "of" between its words', async () => {
    const [a, b] = fresh(2);
    const long = `${fresh(8).join(' ')} a ${a} of ${b} ${fresh(3).join(' ')}`;
    expect(await joinsLater(`a ${a} ${b}`, long, ann)).toBe(true);
    expect(await joinsLater(`a ${a} ${b}`, long, bob)).toBe(false);
  });

  it('does not take a short quote for part of a long one when its words are not consecutive there', async () => {
    const long = fresh(12);
    expect(await joinsLater(`${long[2]} ${long[4]}`, long.join(' '), ann)).toBe(false);
  });

  it('finds a short same-speaker quote cut from a longer one earlier in the same article', async () => {
    const long = fresh(20).join(' ');
    const short = long.split(' ').slice(9, 13).join(' ');
    const text = `“${long}” Ann Lee said.\nShe added they “${short}”.`;
    const counts = await occurrencesInOne(text, [
      { quote: long, speaker: ann, type: 'direct' },
      { quote: short, speaker: ann, type: 'mixed', line: 1 },
    ]);
    expect(counts).toEqual([2]);
  });

  it('finds a short same-speaker quote inside a longer one later in the same article', async () => {
    const long = fresh(20).join(' ');
    const short = long.split(' ').slice(5, 8).join(' ');
    const text = `Ann Lee called it “${short}”.\n“${long}” she said.`;
    const counts = await occurrencesInOne(text, [
      { quote: short, speaker: ann, type: 'mixed' },
      { quote: long, speaker: ann, type: 'direct', line: 1 },
    ]);
    expect(counts).toEqual([2]);
  });

  it('does not join a short quote to a different wording of the same speaker in the same article', async () => {
    const text = 'Ann Lee said: “They don’t want to be the headline”\nShe added: “They want to cover the headline.”';
    const counts = await occurrencesInOne(text, [
      { quote: 'They don’t want to be the headline', speaker: ann, type: 'direct' },
      { quote: 'They want to cover the headline.', speaker: ann, type: 'direct' },
    ]);
    expect(counts).toEqual([1, 1]);
  });

  it('keeps the same short words from two speakers of one article apart', async () => {
    const text = 'Ann Lee called it “top secret” on Monday.\nBob Ray called it “top secret” too.';
    const counts = await occurrencesInOne(text, [
      { quote: 'top secret', speaker: ann, type: 'mixed' },
      { quote: 'top secret', speaker: bob, type: 'mixed', line: 1 },
    ]);
    expect(counts).toEqual([1, 1]);
  });

  it('finds the quote a few words were cut from however many of the speaker’s claims came between', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    const stored = fresh(20);
    await v.addArticle(article('s', 'a.example', stored.join(' '), ann));
    // More of Ann's claims than any recent-claims window read (it was 200), none sharing a word.
    for (let i = 0; i < 250; i++) await v.addArticle(article(`f${i}`, 'c.example', `f${i}a f${i}b f${i}c f${i}d f${i}e`, ann));
    const r = await v.addArticle(article('p', 'b.example', stored.slice(9, 14).join(' '), ann));
    expect(r.changed[0]?.occurrences.map((o) => o.articleId).sort()).toEqual(['p', 's']);
  });

  it('lets a few words join one of two claims that hold them, never bridge the two', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    const phrase = fresh(3);
    await v.addArticle(article('a', 'a.example', [...fresh(6), ...phrase, ...fresh(6)].join(' '), ann));
    await v.addArticle(article('b', 'b.example', [...fresh(6), ...phrase, ...fresh(6)].join(' '), ann));
    await v.addArticle(article('p', 'c.example', phrase.join(' '), ann));
    expect(
      store
        .all()
        .map((c) => c.occurrences.length)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('gives a few words to the statement their own article quotes whole, even when the article quotes them first', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    const phrase = fresh(3);
    await v.addArticle(article('old', 'a.example', [...fresh(6), ...phrase, ...fresh(6)].join(' '), ann));
    const whole = [...fresh(6), ...phrase, ...fresh(6)].join(' ');
    const text = `Ann Lee and the “${phrase.join(' ')}”.\n“${whole}” Ann Lee said.`;
    const at = (q: string, from = 0) => text.indexOf(q, from);
    const quote = (q: string, from = 0): Attribution => ({
      type: 'direct',
      content: { start: at(q, from), end: at(q, from) + q.length, text: q },
      cue: null,
      source: null,
      speaker: ann,
    });
    const r = await v.addArticle({
      id: 'new',
      input: 'new.txt',
      outlet: 'b.example',
      published: null,
      text,
      paragraphs: text.split('\n'),
      byline: null,
      attributions: [quote(phrase.join(' ')), quote(whole, text.indexOf('\n'))],
    });
    const holding = (articleId: string) =>
      store.all().find((c) => c.occurrences.some((o) => o.articleId === articleId && o.text === whole));
    expect(holding('new')?.occurrences).toHaveLength(2);
    // The result's claim ids stay in the article's order.
    expect(r.claimIds).toEqual([holding('new')!.id, holding('new')!.id]);
  });
});
