#!/usr/bin/env python3
"""Writes nfkc-table.txt, the Unicode data that UnicodeNfkc reads, from Python's unicodedata module.

Run it from this folder: python3 generate-nfkc-table.py. The first line of the output names the Unicode version.
Lines:
  D <code point> <code points...>   the full compatibility decomposition (NFKD) of one code point
  C <code point> <class>            the canonical combining class, where it is not 0
  P <first> <second> <composite>    a pair that canonical composition joins (primary composites only)
Hangul syllables are left out: UnicodeNfkc decomposes and composes them arithmetically.
"""
import unicodedata

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3


def code_points():
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000 or HANGUL_FIRST <= cp <= HANGUL_LAST:
            continue
        yield cp


def main():
    lines = [f"# Unicode {unicodedata.unidata_version}"]
    for cp in code_points():
        c = chr(cp)
        decomposed = unicodedata.normalize("NFKD", c)
        if decomposed != c:
            lines.append("D %X %s" % (cp, " ".join("%X" % ord(x) for x in decomposed)))
    for cp in code_points():
        combining = unicodedata.combining(chr(cp))
        if combining:
            lines.append("C %X %d" % (cp, combining))
    for cp in code_points():
        mapping = unicodedata.decomposition(chr(cp))
        if not mapping or mapping.startswith("<"):
            continue
        parts = [int(x, 16) for x in mapping.split()]
        if len(parts) == 2 and unicodedata.normalize("NFC", chr(parts[0]) + chr(parts[1])) == chr(cp):
            lines.append("P %X %X %X" % (parts[0], parts[1], cp))
    with open("nfkc-table.txt", "w", encoding="ascii", newline="\n") as output:
        output.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
