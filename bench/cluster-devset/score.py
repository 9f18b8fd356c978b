#!/usr/bin/env python3
"""Scores `quotecheck check` on the cluster dev set (issue 11): does every outlet's excerpt of one
statement land in one claim, do look-alike pairs stay apart, is the speaker right, are conflicting
speakers and disputes flagged.

    python3 bench/cluster-devset/score.py                 # runs check over the dev set's files
    python3 bench/cluster-devset/score.py --all           # ... over every file of the split (slow: ~5 min)
    python3 bench/cluster-devset/score.py --jsonl F       # scores a saved `check --json` output
    python3 bench/cluster-devset/score.py --devset bench/cluster-devset/heldout.json   # another label file
    options: --save F (keep the check output), --details (list every miss), --json (one JSON line)

A label file's "corpus" is a folder under the corpus; occurrence files are paths relative to it
(devset.json: file names in polnear/data/train/text; heldout.json, heldout2.json, heldout3.json and heldout4.json:
"train/text/…" and "dev/text/…" under polnear/data, labelled after the dev set was tuned on, to see
how the figures hold on statements nobody tuned on). With --all, check runs over every .txt file under that folder except
PolNeAR's test split.

The labels are in devset.json beside this script: per statement its speaker, whether it is
disputed (a walk-back, denial or correction reported in some article) or has conflicting
speakers (outlets name different people), and per occurrence the file and a short distinctive
substring of the quote; look-alike pairs are two occurrences by different people sharing a phrase.
An occurrence is found when a claim holds an occurrence in that file whose words contain the
substring's words (or lie inside them, 3 words or more).
"""
import json
import os
import re
import subprocess
import sys
import unicodedata
from itertools import combinations

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.environ.get('QUOTECHECK_CORPUS', '/work/shared/corpus')
DISPUTE_FLAGS = {'denied', 'contradicted', 'walked_back', 'fact_checked_false'}


def words(s):
    s = s.replace('’', "'").replace('‘', "'").replace("''", '"').lower()
    # Apostrophes split words, the same on both sides: a label cut at "ISIS" must still be
    # found inside "ISIS's best recruiter" (it was not while "isis's" was one word).
    return re.findall(r"\w+", s)


def contains(hay, needle):
    if not needle or len(needle) > len(hay):
        return False
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def fold(name):
    s = unicodedata.normalize('NFKD', name or '')
    s = ''.join(c for c in s if not unicodedata.combining(c)).lower()
    return re.findall(r'[a-z]+', s)


def same_person(a, b):
    fa, fb = fold(a), fold(b)
    return bool(fa and fb and fa[-1] == fb[-1])


def arg(name):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else None


def run_check(paths):
    cmd = ['pnpm', '--silent', 'quotecheck', 'check', '--json', '--outlet-from', 'prefix', *paths]
    res = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if res.returncode not in (0, 1):
        sys.exit(f'check failed ({res.returncode}): {res.stderr.strip()[:500]}')
    return res.stdout


def main():
    dev = json.load(open(arg('--devset') or os.path.join(HERE, 'devset.json'), encoding='utf-8'))
    root = os.path.join(CORPUS, dev['corpus'])
    if arg('--jsonl'):
        out = open(arg('--jsonl'), encoding='utf-8').read()
    else:
        if '--all' in sys.argv:
            names = sorted(os.path.relpath(os.path.join(d, f), root)
                           for d, _, fs in os.walk(root) for f in fs
                           if f.endswith('.txt') and 'test' not in os.path.relpath(d, root).split(os.sep))
        else:
            names = sorted({o['file'] for s in dev['statements'] for o in s['occurrences']}
                           | {p[k]['file'] for p in dev['lookalikes'] for k in ('a', 'b')})
        out = run_check([os.path.join(root, n) for n in names])
        if arg('--save'):
            open(arg('--save'), 'w', encoding='utf-8').write(out)
    claims = {}
    by_file = {}
    for line in out.splitlines():
        if not line.startswith('{'):
            continue
        c = json.loads(line)
        claims[c['id']] = c
        for o in c['occurrences']:
            by_file.setdefault(os.path.basename(o['input']), []).append((c['id'], words(o['text'])))

    def claims_of(occ):
        needle = words(occ['quote'])
        return {cid for cid, w in by_file.get(os.path.basename(occ['file']), [])
                if contains(w, needle) or (len(w) >= 3 and contains(needle, w))}

    misses = []
    found = total = pairs = joined = 0
    spk_right = spk_total = 0
    conf_hit = conf_total = conf_false = 0
    disp_hit = disp_total = disp_false = undisputed = 0
    for s in dev['statements']:
        sets = [claims_of(o) for o in s['occurrences']]
        for o, cs in zip(s['occurrences'], sets):
            total += 1
            if cs:
                found += 1
            else:
                misses.append(f"not found: {s['id']} {o['file']} “{o['quote']}”")
        for (i, a), (j, b) in combinations(enumerate(sets), 2):
            pairs += 1
            if a & b:
                joined += 1
            else:
                misses.append(f"split: {s['id']} #{i} / #{j}")
        held = {}
        for cs in sets:
            for cid in cs:
                held[cid] = held.get(cid, 0) + 1
        if not held:
            continue
        main = max(held, key=lambda cid: (held[cid], len(claims[cid]['occurrences'])))
        mine = [claims[cid] for cid in held]
        spk_total += 1
        name = claims[main]['speaker'].get('name')
        if same_person(name, s['speaker']):
            spk_right += 1
        else:
            misses.append(f"speaker: {s['id']} labelled {s['speaker']}, claim says {name}")
        flagged_conf = 'conflicting_speaker' in claims[main]['flags']
        if s['conflict']:
            conf_total += 1
            conf_hit += flagged_conf
            if not flagged_conf:
                misses.append(f"conflict not flagged: {s['id']}")
        elif flagged_conf:
            conf_false += 1
            misses.append(f"conflict wrongly flagged: {s['id']}")
        flagged_disp = any(DISPUTE_FLAGS & set(c['flags']) for c in mine)
        if s['disputed']:
            disp_total += 1
            disp_hit += flagged_disp
            if not flagged_disp:
                misses.append(f"dispute not flagged: {s['id']}")
        else:
            undisputed += 1
            if flagged_disp:
                disp_false += 1
                misses.append(f"undisputed flagged: {s['id']}")
    merged = 0
    for p in dev['lookalikes']:
        if claims_of(p['a']) & claims_of(p['b']):
            merged += 1
            misses.append(f"look-alikes merged: {p['id']} ({p['a']['speaker']} / {p['b']['speaker']})")
    result = {
        'statements': len(dev['statements']),
        'occurrences_found': [found, total],
        'pairs_in_one_claim': [joined, pairs],
        'lookalikes_merged': [merged, len(dev['lookalikes'])],
        'speaker_right': [spk_right, spk_total],
        'conflicts_flagged': [conf_hit, conf_total],
        'conflicts_wrongly_flagged': conf_false,
        'disputed_flagged': [disp_hit, disp_total],
        'undisputed_flagged': [disp_false, undisputed],
        'claims': len(claims),
    }
    if '--json' in sys.argv:
        print(json.dumps(result))
    else:
        def frac(a, b):
            return f'{a}/{b} ({a / b:.2f})' if b else f'{a}/{b}'
        print('| measure | value |\n| --- | --- |')
        print(f"| occurrences found | {frac(found, total)} |")
        print(f"| same-statement pairs in one claim | {frac(joined, pairs)} |")
        print(f"| look-alike pairs wrongly merged | {merged}/{len(dev['lookalikes'])} |")
        print(f"| statement's speaker right | {frac(spk_right, spk_total)} |")
        print(f"| conflicting speakers flagged | {conf_hit}/{conf_total} (wrongly flagged: {conf_false}) |")
        print(f"| disputed statements flagged | {disp_hit}/{disp_total}, {disp_false} of {undisputed} others |")
        print(f"\n{len(claims)} claims over {len(by_file)} files")
    if '--details' in sys.argv:
        print('\n'.join(misses), file=sys.stderr)


if __name__ == '__main__':
    main()
