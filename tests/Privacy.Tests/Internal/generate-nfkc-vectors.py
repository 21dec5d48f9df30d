#!/usr/bin/env python3
"""Writes nfkc-vectors.txt, test cases for UnicodeNfkc computed by Python's unicodedata module.

Run it from this folder: python3 generate-nfkc-vectors.py. Each line is an input and its normalization form KC, both as
space-separated hexadecimal code points, joined by ';'. The cases: every fourth code point with a compatibility
decomposition, the decomposed form of every composed character (of every 97th Hangul syllable), and strings that mix starters with marks in scrambled order.
"""
import random
import unicodedata


def hexes(text):
    return " ".join("%X" % ord(c) for c in text)


def main():
    cases = []
    decomposable = [cp for cp in range(0x110000)
                    if not 0xD800 <= cp < 0xE000 and unicodedata.normalize("NFKD", chr(cp)) != chr(cp)]
    cases += [chr(cp) for cp in decomposable[::4]]
    composed = [cp for cp in range(0x110000)
                if not 0xD800 <= cp < 0xE000 and unicodedata.normalize("NFD", chr(cp)) != chr(cp)]
    cases += [unicodedata.normalize("NFD", chr(cp)) for cp in composed if not 0xAC00 <= cp <= 0xD7A3 or cp % 97 == 0]
    marks = [cp for cp in range(0x300, 0x370)] + [0x1DC0, 0x20D0, 0x0951, 0x093C, 0x05B0, 0x0F71, 0x0F72, 0x302A]
    starters = [ord(c) for c in "aeiouAEIOUnNcCsSzZyYαεηιουωΑΕΗΙΟΥΩиеИЕ"] + [0x1100, 0x1161, 0x11A8, 0xAC00, 0x0915, 0x0F40]
    generator = random.Random(20261205)
    for _ in range(400):
        text = ""
        for _ in range(generator.randint(1, 4)):
            text += chr(generator.choice(starters))
            text += "".join(chr(generator.choice(marks)) for _ in range(generator.randint(0, 3)))
        cases.append(text)
    with open("nfkc-vectors.txt", "w", encoding="ascii", newline="\n") as output:
        output.write(f"# Unicode {unicodedata.unidata_version}\n")
        for case in cases:
            output.write(f"{hexes(case)};{hexes(unicodedata.normalize('NFKC', case))}\n")


if __name__ == "__main__":
    main()
