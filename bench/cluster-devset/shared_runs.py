#!/usr/bin/env python3
"""An unlabelled check of claims as statements over every PolNeAR text: passages in quotation
marks ("…", “…”, ''…'') of different outlets that share a run of N words (default 10) are, almost
always, one statement quoted twice. For each such pair of articles it asks whether the
occurrences holding that run sit in one claim of `quotecheck check --json`.

    python3 bench/cluster-devset/shared_runs.py                  # runs check over all texts (~45 s here)
    python3 bench/cluster-devset/shared_runs.py --jsonl F        # scores a saved `check --json` output
    options: --n N (run length), --save F (keep the check output), --details (list every pair not in one claim)

Not a gold standard: a shared run can be a stock phrase said by different people ("to be
president of the United States"), which verification rightly keeps apart, so read the split
pairs (--details); at N = 10 they are rare. Runs in more than 8 articles are skipped as stock.
"""
import glob
import itertools
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.environ.get('QUOTECHECK_CORPUS', '/work/shared/corpus')
QUOTED = re.compile(r"“([^”]{20,3000})”|\"([^\"]{20,3000})\"|''(.{20,3000}?)''")
MAX_ARTICLES_PER_RUN = 8


def words(s):
    return re.findall(r"[a-z0-9]+", s.replace('’', "'").replace('‘', "'").lower())


def arg(name, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def outlet(path):
    return os.path.basename(path).split('_')[0]


def main():
    n = int(arg('--n', '10'))
    files = sorted(glob.glob(os.path.join(CORPUS, 'polnear/data/*/text/*.txt')))
    runs = defaultdict(set)
    for f in files:
        text = open(f, encoding='utf-8').read()
        for m in QUOTED.finditer(text):
            w = words(m.group(1) or m.group(2) or m.group(3))
            for i in range(len(w) - n + 1):
                runs[' '.join(w[i:i + n])].add(f)
    jsonl = arg('--jsonl')
    if jsonl:
        lines = open(jsonl, encoding='utf-8').read().splitlines()
    else:
        out = subprocess.run(['pnpm', '--silent', 'quotecheck', 'check', '--json', *files], cwd=REPO,
                             capture_output=True, text=True, check=False).stdout
        if arg('--save'):
            open(arg('--save'), 'w', encoding='utf-8').write(out)
        lines = out.splitlines()
    occurrences = defaultdict(list)  # file -> [(claim id, words, speaker)]
    for line in lines:
        c = json.loads(line)
        for o in c.get('occurrences', []):
            speaker = (c.get('speaker') or {}).get('name')
            occurrences[os.path.realpath(o['input'])].append((c['id'], ' '.join(words(o['text'])), speaker))
    pairs = {}
    for run, fs in runs.items():
        if len(fs) > MAX_ARTICLES_PER_RUN or len({outlet(f) for f in fs}) < 2:
            continue
        for a, b in itertools.combinations(sorted(fs), 2):
            if outlet(a) != outlet(b):
                pairs.setdefault((a, b), run)
    together = split = missing = 0
    details = []
    for (a, b), run in sorted(pairs.items()):
        ca = {(c, s) for c, w, s in occurrences[os.path.realpath(a)] if run in w}
        cb = {(c, s) for c, w, s in occurrences[os.path.realpath(b)] if run in w}
        if not ca or not cb:
            missing += 1
            details.append(f'not found: {os.path.basename(a if not ca else b)} “{run}”')
        elif {c for c, _ in ca} & {c for c, _ in cb}:
            together += 1
        else:
            split += 1
            details.append(f'split: {os.path.basename(a)} {sorted(s for _, s in ca)} / {os.path.basename(b)} '
                           f'{sorted(s for _, s in cb)} “{run}”')
    found = together + split
    print(f'article pairs sharing a quoted {n}-word run across outlets: {len(pairs)}')
    print(f'  both excerpts found: {found}; in one claim: {together}/{found}; split: {split}; an excerpt not found: {missing}')
    if '--details' in sys.argv:
        for d in details:
            print(' ', d)


if __name__ == '__main__':
    main()
