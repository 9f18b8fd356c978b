/**
 * The review desk's one style sheet: system fonts, one column that reads on a phone (375 px) and
 * widens to 60 rem on a desktop; no script, no web font, no build step.
 */
export const STYLE_CSS = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fdfdfc; --muted: #5f6368; --line: #d9d9d6;
  --accent: #0b57d0; --mark: #fff1a8; --bad: #b3261e; --warn: #8a5a00; --ok: #1e6b34; --card: #f3f3f0; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e8e6; --bg: #161616; --muted: #a3a3a0; --line: #3a3a38;
  --accent: #8ab4f8; --mark: #5c4d00; --bad: #f2b8b5; --warn: #f6c26b; --ok: #8fd19e; --card: #222221; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header { border-bottom: 1px solid var(--line); padding: .5rem 1rem; display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
header .brand { font-weight: 700; }
header .mode { margin-left: auto; color: var(--muted); font-size: .85rem; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
a { color: var(--accent); }
h1 { font-size: 1.4rem; line-height: 1.3; margin: .25rem 0 .5rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
.muted { color: var(--muted); font-size: .9rem; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .8rem; border: 1px solid currentColor; white-space: nowrap; }
.s-denied, .s-contradicted, .s-walked_back, .s-fact_checked_false, .r-rejected { color: var(--bad); }
.s-conflicting_speaker, .s-second_hand, .s-anonymous { color: var(--warn); }
.s-corroborated, .r-confirmed { color: var(--ok); }
.s-single_source { color: var(--muted); }
form.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: .5rem; align-items: end; margin-bottom: 1rem; }
label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); gap: .15rem; }
input, select, textarea, button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: .3rem; padding: .3rem .4rem; }
button { background: var(--accent); color: var(--bg); border-color: var(--accent); cursor: pointer; }
ol.claims { list-style: none; padding: 0; margin: 0; }
ol.claims li { border-bottom: 1px solid var(--line); padding: .6rem 0; }
ol.claims .quote { font-size: 1.05rem; }
.pager { display: flex; justify-content: space-between; margin: 1rem 0; }
.card { background: var(--card); border-radius: .4rem; padding: .6rem .8rem; margin: .5rem 0; overflow-wrap: anywhere; }
blockquote { margin: 0; font-size: 1.05rem; }
mark { background: var(--mark); color: inherit; padding: 0 .1rem; }
ins { background: rgba(30, 107, 52, .18); text-decoration: none; }
del { background: rgba(179, 38, 30, .18); }
.variants { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .5rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: .5rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
form.decide { display: grid; gap: .5rem; max-width: 32rem; }
form.decide fieldset { border: 1px solid var(--line); border-radius: .3rem; display: flex; gap: 1rem; flex-wrap: wrap; }
form.decide fieldset label { flex-direction: row; gap: .3rem; color: var(--fg); font-size: 1rem; }
ul.history { padding-left: 1.2rem; }
`;
