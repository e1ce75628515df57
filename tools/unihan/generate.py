#!/usr/bin/env python3
"""Derives Yilian's pinyin and simplified-variant tables from Unicode's Unihan data.

Usage: tools/unihan/generate.py [UNIHAN_DIR]
UNIHAN_DIR holds Unihan_Readings.txt(.bz2) and Unihan_Variants.txt(.bz2); Debian's `unicode-data` package ships them in
/usr/share/unicode (`apt-get download unicode-data && dpkg-deb -x unicode-data_*.deb x` gets them without installing).
Writes src/Yilian.SharedKernel/Text/unihan-pinyin.tsv (a character of the Basic Multilingual Plane, then its kMandarin readings without tones, ü as v)
and unihan-simplified.tsv (a traditional character, then its first kSimplifiedVariant). The output is modified data from
the Unicode Character Database; see UNICODE-LICENSE.txt beside it.
"""
import bz2, os, sys, unicodedata

src = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/unicode'
out = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'Yilian.SharedKernel', 'Text')


def lines(name):
    path = os.path.join(src, name)
    opener = bz2.open if not os.path.exists(path) else open
    with opener(path if os.path.exists(path) else path + '.bz2', 'rt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            yield line.rstrip('\n').split('\t')


def toneless(reading):
    decomposed = unicodedata.normalize('NFD', reading)
    plain = ''.join(c for c in decomposed if not unicodedata.combining(c) or c == '\u0308')
    return plain.replace('u\u0308', 'v').replace('\u0308', '')


def char(cp):
    return chr(int(cp[2:], 16))


def bmp(cp):
    """Yilian compares text one UTF-16 unit at a time: characters beyond the Basic Multilingual Plane are left out."""
    return int(cp[2:], 16) <= 0xFFFF


pinyin = {}
for cp, key, value in lines('Unihan_Readings.txt'):
    if key == 'kMandarin' and bmp(cp):
        readings = []
        for r in value.split():
            t = toneless(r)
            if t.isascii() and t.isalpha() and t not in readings:
                readings.append(t)
        if readings:
            pinyin[char(cp)] = readings

simplified = {}
for cp, key, value in lines('Unihan_Variants.txt'):
    if key == 'kSimplifiedVariant' and bmp(cp) and bmp(value.split()[0].split('<')[0]):
        target = char(value.split()[0].split('<')[0])
        if target != char(cp):
            simplified[char(cp)] = target

header = '# Derived from the Unicode Character Database (Unihan) by tools/unihan/generate.py; modified: {0}. See UNICODE-LICENSE.txt.\n'
with open(os.path.join(out, 'unihan-pinyin.tsv'), 'w', encoding='utf-8') as f:
    f.write(header.format('kMandarin readings without tone marks, ü written v'))
    for c in sorted(pinyin):
        f.write(f'{c}\t{" ".join(pinyin[c])}\n')
with open(os.path.join(out, 'unihan-simplified.tsv'), 'w', encoding='utf-8') as f:
    f.write(header.format('the first kSimplifiedVariant of each character that has one other than itself'))
    for c in sorted(simplified):
        f.write(f'{c}\t{simplified[c]}\n')
print(len(pinyin), 'readings,', len(simplified), 'simplified variants')
