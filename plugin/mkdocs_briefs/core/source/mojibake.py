"""Spot text that was mis-decoded on its way into a brief (mojibake).

Pasted text sometimes arrives decoded with the wrong character set: UTF-8
read as Windows-1252 turns a curly apostrophe into `â€™` and `é` into `Ã©`, and a damaged
transmission can leave a stray Greek or Cyrillic letter between English words
("Ukraine β launching"). Both are reported as warnings with the suspicious text
and its position; nothing is changed. To keep legitimate non-English text
quiet, only byte patterns that decode to a plausible character are flagged,
and a lone letter only when both neighbouring words are Latin and the line is
mostly Latin.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from mkdocs_briefs.core.problems import Location, Problems


@dataclass(frozen=True)
class Suspect:
    """Suspicious text at a 1-based line and column."""

    line: int
    col: int
    text: str
    message: str


def _cp1252(byte: int) -> str:
    # The five bytes Windows-1252 leaves undefined come through as Latin-1 controls.
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def _chars(first: int, last: int) -> str:
    """A character-class body for the bytes first..last as Windows-1252 and Latin-1 show them."""
    chars = {_cp1252(b) for b in range(first, last + 1)} | {chr(b) for b in range(first, last + 1)}
    return "".join(re.escape(c) for c in sorted(chars))


_CONT = _chars(0x80, 0xBF)  # UTF-8 continuation bytes
_CONT_1251 = "".join(re.escape(bytes([b]).decode("cp1251", "ignore")) for b in range(0x80, 0xC0))
_SEQUENCE = re.compile(
    f"[{_chars(0xC2, 0xDF)}][{_CONT}]"  # two-byte characters: é -> Ã©
    f"|[{_chars(0xE0, 0xEF)}][{_CONT}]{{2}}"  # three-byte: curly quotes, dashes, euro
    f"|[{_chars(0xF0, 0xF4)}][{_CONT}]{{3}}"  # four-byte: emoji
    f"|вЂ[{_CONT_1251}]"  # curly quotes and dashes read as Windows-1251
)
# What a mis-decoded sequence must stand for to be worth a warning: accented
# Latin, Greek, Cyrillic, Hebrew, Arabic, typographic punctuation, currency,
# the trade mark sign and emoji. Anything else is more likely real text.
_PLAUSIBLE = (
    (0x00A0, 0x017F),
    (0x0370, 0x04FF),
    (0x0590, 0x06FF),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x214F),
    (0x1F000, 0x1FAFF),
)
_LONE_LETTER = re.compile(r"(?<!\S)([\u0370-\u03ff\u0400-\u04ff])(?!\S)")
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _decode(sequence: str) -> str | None:
    """The character the sequence stood for, if it is a plausible mis-decoding."""
    for codec in ("cp1252", "latin-1", "cp1251"):
        try:
            raw = b"".join(c.encode(codec) for c in sequence)
            decoded = raw.decode("utf-8")
        except UnicodeError:
            continue
        if len(decoded) == 1 and any(lo <= ord(decoded) <= hi for lo, hi in _PLAUSIBLE):
            return decoded
    return None


def find_suspects(text: str, first_line: int = 1) -> list[Suspect]:
    """Every suspicious spot in `text`, whose first line is file line `first_line`."""
    suspects: list[Suspect] = []
    # Plain ASCII is the common case; only control characters can be wrong in it.
    if text.isascii() and not _CONTROL.search(text):
        return suspects
    for index, line in enumerate(text.split("\n")):
        if line.isascii() and not _CONTROL.search(line):
            continue
        number = first_line + index
        covered: set[int] = set()  # columns inside a reported sequence
        for match in _SEQUENCE.finditer(line):
            meant = _decode(match.group())
            if meant is not None:
                covered.update(range(match.start(), match.end()))
                visible = meant.isprintable() and not meant.isspace()
                shown = meant if visible else f"U+{ord(meant):04X}"
                suspects.append(
                    Suspect(
                        number,
                        match.start() + 1,
                        match.group(),
                        f"'{match.group()}' looks like mis-decoded text (probably '{shown}'): "
                        "retype it, or paste the text again from a UTF-8 source",
                    )
                )
        suspects.extend(_lone_letters(line, number))
        suspects.extend(s for s in _controls(line, number) if s.col - 1 not in covered)
    return sorted(suspects, key=lambda s: (s.line, s.col))


def _lone_letters(line: str, number: int) -> list[Suspect]:
    found: list[Suspect] = []
    mostly_latin: bool | None = None  # judged once per line, when first needed
    for match in _LONE_LETTER.finditer(line):
        before = _word_before(line, match.start())
        after = _word_after(line, match.end())
        if not before or not after or not (_latin_word(before) and _latin_word(after)):
            continue
        if mostly_latin is None:
            mostly_latin = _mostly_latin(line)
        if not mostly_latin:
            break
        letter = match.group(1)
        script = unicodedata.name(letter, "GREEK").split()[0].capitalize()
        context = f"{before} {letter} {after}"
        found.append(
            Suspect(
                number,
                match.start() + 1,
                letter,
                f"the {script} letter '{letter}' stands alone between English words "
                f"('{context}') and may be a mis-decoded character: retype what was meant, "
                "or write the letter's name",
            )
        )
    return found


# The word next to a lone letter, found from the letter (not by splitting the whole
# line at every letter, which made a line of 30,000 of them take minutes).
_WORD_AFTER = re.compile(r"\s*(\S+)")


def _word_before(line: str, end: int) -> str:
    """The last word of `line[:end]`, or ""."""
    start = end
    while start > 0 and line[start - 1].isspace():
        start -= 1
    word_end = start
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    return line[start:word_end]


def _word_after(line: str, start: int) -> str:
    """The first word of `line[start:]`, or ""."""
    found = _WORD_AFTER.match(line, start)
    return found.group(1) if found else ""


def _controls(line: str, number: int) -> list[Suspect]:
    found: list[Suspect] = []
    for match in _CONTROL.finditer(line):
        char = match.group()
        meant = _cp1252(ord(char)) if 0x80 <= ord(char) <= 0x9F else ""
        hint = f" (probably a mis-decoded '{meant}')" if meant and meant != char else ""
        found.append(
            Suspect(
                number,
                match.start() + 1,
                char,
                f"invisible control character U+{ord(char):04X}{hint}: delete or retype it",
            )
        )
    return found


def _latin_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in letters)


def _mostly_latin(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii() or "LATIN" in unicodedata.name(c, ""))
    return latin >= 0.8 * len(letters)


MAX_REPORTED = 10  # a whole mis-decoded paste would otherwise bury every other message


def check_mojibake(text: str, path: str, problems: Problems, first_line: int = 1) -> None:
    """Report the suspects in a file's text as warnings at their positions."""
    suspects = find_suspects(text, first_line)
    for suspect in suspects[:MAX_REPORTED]:
        problems.warning(Location(path, suspect.line, suspect.col), suspect.message)
    if len(suspects) > MAX_REPORTED:
        first = suspects[MAX_REPORTED]
        problems.warning(
            Location(path, first.line, first.col),
            f"{len(suspects) - MAX_REPORTED} more suspicious characters from here on: "
            "paste the text again from a UTF-8 source",
        )
