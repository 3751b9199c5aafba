"""Boilerplate removal and whitespace tidying: `clean(text) -> CleanResult`.

Cleaning runs once, before a Document's text is fixed; every later offset indexes
its output.  It works line by line:

1. whitespace: CR/LF and Unicode line separators become "\n", control characters
   go, runs of spaces within a line collapse to one, lines are stripped;
2. data rules (resources/ingest/boilerplate.tsv), matched on the normalised form of
   each line so that hamza/alef variants, diacritics and tatweel do not matter;
3. generic heuristics: lines that are only a URL, an e-mail address, hashtags, a
   time stamp or a rule of punctuation; and a trailing run of very short lines
   after the body (link lists, credits, share buttons).

Paragraphs stay separated: a blank line between two kept lines becomes exactly one
blank line, a plain newline stays a newline.  What is removed is returned, with the
rule that removed it, so nothing disappears silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.ingest.resources import BoilerplateRule, RuleKind, boilerplate_rules, match_key

# Boilerplate lines are short; longer lines are body paragraphs, and skipping them
# also bounds the cost of every regex.
MAX_RULE_LINE = 400
# A block header ("اقرأ أيضا") is short, and so are the headline links that follow it.
MAX_HEADER_WORDS = 12
MAX_LINK_WORDS = 15
MAX_BLOCK_LINES = 12
# A trailing line this short, after the body, is chrome (credits, buttons, tags).
MAX_TRAILING_WORDS = 4
MAX_TRAILING_LINES = 6

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Invisible formatting: bidi marks, embeddings, overrides and isolates, word joiner, a
# stray BOM.  They carry no content, split words for matching, and can reorder what a
# reader sees (spoofing), so the fixed text never holds them.  ZWNJ/ZWJ (U+200C/D)
# stay: they are orthography in Persian and Urdu names.  (U+200B, a zero-width
# *space*, is a word break and becomes a space above.)
_INVISIBLE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x85]")
# Characters stripped from both ends of a line before it is compared with a rule:
# bullets, rules and trailing punctuation do not change what a chrome line is.
_END_CHARS = " *-_=•·.:|/\\~–—…!،,؛#>"
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S{1,2000}$", re.IGNORECASE)
_EMAIL_ONLY = re.compile(r"^[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}$")
_TIME_ONLY = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?: ?(?:ت ?م|ص|م|am|pm|gmt))?$", re.IGNORECASE)
_SENTENCE_END = (".", "!", "؟", "?", ":", "»", '"', "”")


@dataclass(frozen=True, slots=True)
class Removal:
    rule: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "text": self.text}


@dataclass(frozen=True, slots=True)
class CleanResult:
    text: str
    removed: tuple[Removal, ...]

    def removed_dicts(self) -> list[dict[str, str]]:
        return [r.to_dict() for r in self.removed]


def tidy_line(line: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", _CONTROL.sub("", line))).strip()


def split_lines(text: str) -> list[str]:
    return [tidy_line(line) for line in _NEWLINES.sub("\n", text).split("\n")]


def line_key(line: str) -> str:
    return match_key(line).strip(_END_CHARS)


def rule_for(line: str, rules: tuple[BoilerplateRule, ...]) -> BoilerplateRule | None:
    """The first non-block rule that matches the line, if any."""
    if len(line) > MAX_RULE_LINE:
        return None
    key = line_key(line)
    if not key:
        return None
    for rule in rules:
        if rule.kind is RuleKind.LINE and key == rule.key:
            return rule
        if rule.kind is RuleKind.PREFIX and key.startswith(rule.key):
            return rule
        if rule.kind is RuleKind.REGEX and rule.regex is not None and rule.regex.search(key):
            return rule
    return None


def block_rule_for(line: str, rules: tuple[BoilerplateRule, ...]) -> BoilerplateRule | None:
    if len(line.split()) > MAX_HEADER_WORDS:
        return None
    key = match_key(line).lstrip(_END_CHARS)
    for rule in rules:
        if rule.kind is RuleKind.BLOCK and key.startswith(rule.key):
            return rule
    return None


def generic_rule_for(line: str) -> str | None:
    """Rule id of a content-free line (URL, e-mail, hashtags, time stamp, punctuation)."""
    if len(line) > MAX_RULE_LINE:
        return None
    if _URL_ONLY.match(line):
        return "url_only"
    if _EMAIL_ONLY.match(line):
        return "email_only"
    words = line.split()
    if words and all(w.startswith("#") for w in words):
        return "hashtags_only"
    if _TIME_ONLY.match(match_key(line)):
        return "timestamp_only"
    if not any(ch.isalnum() for ch in line):
        return "separator"
    return None


def is_link_line(line: str) -> bool:
    """A short headline-like line, as listed under a "related" header."""
    return len(line.split()) <= MAX_LINK_WORDS and not line.endswith(".")


def is_trailing_chrome(line: str) -> bool:
    # A numbered item ("110- الأردن") belongs to a list in the body, not to chrome.
    if line[:1].isdigit():
        return False
    return len(line.split()) <= MAX_TRAILING_WORDS and not line.endswith(_SENTENCE_END)


def clean(text: str) -> CleanResult:
    """Remove site chrome from article text; return the cleaned text and what went."""
    lines = split_lines(text)
    removed: dict[int, str] = {}  # line index -> rule id
    rules = boilerplate_rules()
    _apply_rules(lines, rules, removed)
    _trim_trailing(lines, removed)
    return _assemble(lines, removed)


def _apply_rules(lines: list[str], rules: tuple[BoilerplateRule, ...], removed: dict[int, str]) -> None:
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line or i in removed:
            i += 1
            continue
        block = block_rule_for(line, rules)
        if block is not None:
            removed[i] = block.id
            # A bare header ("اقرأ أيضا:") heads a list of links; a header with its
            # link on the same line ("للمزيد: …") stands alone and the body goes on.
            if line_key(line) == block.key.strip(_END_CHARS):
                i = _remove_links(lines, i + 1, block.id, removed)
                continue
        rule = rule_for(line, rules)
        if rule is not None:
            removed[i] = rule.id
        else:
            generic = generic_rule_for(line)
            if generic is not None:
                removed[i] = generic
        i += 1


def _remove_links(lines: list[str], j: int, rule_id: str, removed: dict[int, str]) -> int:
    """Remove the link lines after a block header; return where scanning resumes."""
    taken = 0
    while j < len(lines) and taken < MAX_BLOCK_LINES:
        line = lines[j]
        if not line:
            j += 1
            continue
        if not is_link_line(line):
            break
        removed[j] = rule_id
        taken += 1
        j += 1
    return j


def _trim_trailing(lines: list[str], removed: dict[int, str]) -> None:
    kept = [i for i, line in enumerate(lines) if line and i not in removed]
    if len(kept) < 2:
        return
    # Only lines after a real body paragraph count as trailing chrome, and the first
    # kept line (headline or dateline) is never taken.
    run: list[int] = []
    for i in reversed(kept[1:]):
        if not is_trailing_chrome(lines[i]) or len(run) >= MAX_TRAILING_LINES:
            break
        run.append(i)
    body_left = [i for i in kept if i not in run]
    if run and any(not is_trailing_chrome(lines[i]) for i in body_left):
        for i in run:
            removed[i] = "trailing_short"


def _assemble(lines: list[str], removed: dict[int, str]) -> CleanResult:
    parts: list[str] = []
    blank_before = False
    for i, line in enumerate(lines):
        if not line:
            blank_before = True
            continue
        if i in removed:
            continue
        if parts:
            parts.append("\n\n" if blank_before else "\n")
        parts.append(line)
        blank_before = False
    removals = tuple(Removal(removed[i], lines[i]) for i in sorted(removed))
    return CleanResult("".join(parts), removals)
