#!/usr/bin/env python3
"""Extract the common-English lexicon the PERSON recognizer uses to tell names from words.

Source: SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson) as packaged by Debian in
`wamerican` 2020.12.07-2 (`/usr/share/dict/american-english`). SCOWL's licence is permissive
(see src/main/resources/io/tunebatch/pii/names/NOTICE.md, which carries its notice). Reproduce:

    apt-get install wamerican=2020.12.07-2
    python3 tools/pii-names/extract_english_words.py /usr/share/dict/american-english \
        src/main/resources/io/tunebatch/pii/names/english-words.txt

SCOWL writes proper nouns capitalised ("Jennifer", "Paris") and common words in lower case
("will", "grant", "smith"), so the lower-case entries are exactly "words that are not only
names". Possessives ("dog's") are left out; other forms (plurals, tenses) are kept.
"""
import sys
from pathlib import Path


def main(src, dst):
    words = sorted({w for w in Path(src).read_text(encoding="utf-8").split()
                    if w.islower() and "'" not in w})
    header = "# lower-case words of SCOWL via Debian wamerican 2020.12.07-2; see NOTICE.md\n"
    Path(dst).write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {dst}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
