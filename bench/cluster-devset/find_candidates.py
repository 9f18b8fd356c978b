#!/usr/bin/env python3
"""Lists quoted passages that recur across outlets of a PolNeAR split: a helper for labelling the
cluster dev set by hand (it prints candidates; it labels nothing).

    python3 bench/cluster-devset/find_candidates.py /work/shared/corpus/polnear/data/train/text [--n 8]

Quoted passages are the text between curly or straight double quotes; two passages are one
candidate group when they share a run of N words (default 8) and come from 2+ outlets.
"""
import os
import re
import sys
from collections import defaultdict

QUOTE = re.compile(r'“([^”]{20,2000})”|"([^"]{20,2000})"')


def words(s):
    return re.findall(r"[a-z0-9']+", s.lower().replace('’', "'"))


def main():
    root = sys.argv[1]
    n = int(sys.argv[sys.argv.index('--n') + 1]) if '--n' in sys.argv else 8
    passages = []  # (file, outlet, text)
    for name in sorted(os.listdir(root)):
        if not name.endswith('.txt'):
            continue
        text = open(os.path.join(root, name), encoding='utf-8').read()
        for m in QUOTE.finditer(text):
            passages.append((name, name.split('_')[0], m.group(1) or m.group(2)))
    shingles = defaultdict(set)
    for i, (_, _, t) in enumerate(passages):
        w = words(t)
        for j in range(len(w) - n + 1):
            shingles[' '.join(w[j:j + n])].add(i)
    parent = list(range(len(passages)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for ids in shingles.values():
        if len(ids) < 2 or len(ids) > 40:
            continue
        ids = sorted(ids)
        for k in ids[1:]:
            parent[find(k)] = find(ids[0])
    groups = defaultdict(list)
    for i in range(len(passages)):
        groups[find(i)].append(i)
    out = []
    for ids in groups.values():
        outlets = {passages[i][1] for i in ids}
        if len(outlets) >= 2:
            out.append((len(outlets), ids))
    out.sort(key=lambda x: -x[0])
    for k, (no, ids) in enumerate(out):
        print(f'## group {k} outlets={no} passages={len(ids)}')
        for i in ids:
            f, _, t = passages[i]
            print(f'  {f}\t{t[:110]!r}')


if __name__ == '__main__':
    main()
