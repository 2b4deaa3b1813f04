"""Write docextract/words.npy, the word list OCR mends misread words against (docextract.spelling).

The most frequent words of each language from wordfreq (its data: CC-BY-SA 4.0, Robyn Speer),
letters only, lower case, three letters or more; with the label words of
docextract.rules.lexicon, whose abbreviations ("qty", "jln") and compounds ("rechnungs") no
frequency list holds, and the month names dates are read in (docextract.parsing.month_names).

The list is stored as the sorted keys of its words (docextract.spelling.word_key); ``--text``
also writes the words themselves, one per line, to read or diff.

    pip install wordfreq && python scripts/build_words.py [--top 30000] [--text words.txt]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LANGUAGES = ("en", "ms", "id", "de", "fr", "es", "it", "nl")


def lexicon_words() -> set[str]:
    """Plain words of the label lexicon's fragments (a fragment's letters between regex syntax)."""
    from docextract.rules import lexicon

    out: set[str] = set()
    for value in vars(lexicon).values():
        groups = value.values() if isinstance(value, dict) else [value] if isinstance(value, (tuple, frozenset)) else []
        for group in groups:
            for fragment in group if isinstance(group, (list, tuple, frozenset)) else [group]:
                if isinstance(fragment, str):
                    out.update(w.lower() for w in re.findall(r"(?<![\\?])\b[A-Za-z]{3,}\b", fragment))
    return out


def main() -> None:
    import wordfreq

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=30000, help="words per language")
    ap.add_argument("--out", type=Path, default=ROOT / "docextract" / "words.npy")
    ap.add_argument("--text", type=Path, help="also write the words here, one per line")
    args = ap.parse_args()
    from docextract.parsing import month_names

    words = lexicon_words() | {m.lower() for m in month_names() if m.isalpha() and len(m) >= 3}
    for lang in LANGUAGES:
        words.update(w for w in wordfreq.top_n_list(lang, args.top) if w.isalpha() and len(w) >= 3)
    import numpy as np

    from docextract.spelling import word_key

    keys = np.unique(np.array([word_key(w) for w in words], dtype=np.uint64))
    assert len(keys) == len(words), "two words share a key"
    np.save(args.out, keys, allow_pickle=False)
    if args.text:
        args.text.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
