"""Rule recognition over gazetteer matches: names, state organs, military units,
names after a head noun (marsad.actors.heads) and persons introduced by a title or
a given name.

`recognise(doc)` walks the tokens once, left to right; at each token it takes
the longest gazetteer match and lets the first rule that applies consume it.
Organs, units and facilities are patterns (head word + what follows), so a
generic organ word with no state after it yields nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from marsad.actors.matcher import Index, Match, all_matches, index
from marsad.actors.registry import Entry, Kind
from marsad.actors.tsv import load_tsv
from marsad.arabic.normalize import normalize_text
from marsad.arabic.tokenize import split_clitics
from marsad.model import Document, Entity, Token

# Words that continue a personal name whatever follows (بن، آل، أبو …), normalised.
NAME_LINKS = frozenset({"بن", "بنت", "ابن", "ال", "ابو", "ابي", "عبد", "ام", "دي", "لو", "فون", "دو", "ولد"})
STATE_PREFIXES = frozenset({"دوله", "جمهوريه", "مملكه", "سلطنه", "اماره"})
QUOTES = frozenset('"“”«»\'')
MAX_NAME_TOKENS = 4


@dataclass
class Scan:
    """The state of one left-to-right pass over a document."""

    doc: Document
    tokens: Sequence[Token]
    matches: list[Match | None]
    idx: Index
    out: list[Entity]

    def emit(self, start: int, end: int, etype: str, actor: str | None, source: str,
             role: str | None = None, affiliation: str | None = None) -> Entity:
        ent = Entity(start, end, self.doc.text[start:end], type=etype, actor=actor, role=role,
                     affiliation=affiliation, source=source)
        self.out.append(ent)
        return ent

    def kinds_at(self, i: int) -> set[Kind]:
        m = self.matches[i] if 0 <= i < len(self.tokens) else None
        return m.kinds() if m else set()

    def entry_at(self, i: int, *kinds: Kind) -> tuple[Match, Entry] | None:
        if not 0 <= i < len(self.tokens):
            return None
        m = self.matches[i]
        if m is None:
            return None
        e = m.first_of(*kinds)
        return (m, e) if e else None


def recognise(doc: Document) -> list[Entity]:
    idx = index()
    scan = Scan(doc, doc.tokens, all_matches(doc.tokens, idx), idx, [])
    i = 0
    while i < len(doc.tokens):
        i = _step(scan, i)
    return scan.out


def _step(scan: Scan, i: int) -> int:
    m = scan.matches[i]
    if m is None:
        return i + 1
    kinds = m.kinds()
    for kind, rule in _RULES:
        if kind in kinds:
            nxt = rule(scan, i, m)
            if nxt is not None:
                return nxt
    return i + 1


# -- state and organisation names ------------------------------

def _name(scan: Scan, i: int, m: Match) -> int | None:
    e = m.first_of(Kind.STATE, Kind.ORG, Kind.PLACE, Kind.CITY, Kind.PERSON)
    if e is None:
        return None
    start = m.start
    if e.kind is Kind.STATE and i > 0 and _is_word(scan.tokens[i - 1], STATE_PREFIXES) and m.at_token_start:
        start = scan.tokens[i - 1].base_start  # «دولة قطر», «جمهورية مصر» (gold writes them whole)
    actor = None if e.kind in (Kind.CITY, Kind.PLACE) else e.code
    affiliation = e.code if e.kind is Kind.PERSON else None
    end, last = m.end, m.last
    demonym = scan.entry_at(last, Kind.DEMONYM) if e.kind is Kind.ORG else None
    if demonym is not None and demonym[0].at_token_start:
        # «حزب العدالة والتنمية التركي», «الهلال الأحمر الإيراني»: the demonym is part of the name
        end, last = demonym[0].end, demonym[0].last
    scan.emit(start, end, e.etype or "GPE", None if e.kind is Kind.PERSON else actor,
              "gazetteer", affiliation=affiliation)
    return last


def _is_word(tok: Token, words: frozenset[str]) -> bool:
    return tok.norm in words or tok.norm[tok.base_start - tok.start:] in words


# -- state organs: head (+ modifiers) + demonym | state ------------------------

def state_after(scan: Scan, j: int, max_modifiers: int = 2, cities: bool = False) -> tuple[int, str] | None:
    """(token index after, state code) when tokens from j name a state by demonym or name.

    Up to `max_modifiers` qualifiers (الأميرية، الملكي، المسلحة …) may come first:
    «القوات الجوية الأميرية القطرية».  A state name may carry دولة before it.  With
    `cities`, a city in construct (no proclitic) gives its country: «شرطة دبي»,
    «حكومة بغداد» (the gold codes a city's organs with the state).
    """
    for _ in range(max_modifiers + 1):
        hit = scan.entry_at(j, Kind.DEMONYM)
        if hit:
            return hit[0].last, hit[1].code  # type: ignore[return-value]
        if j < len(scan.tokens) and _is_word(scan.tokens[j], STATE_PREFIXES):
            j += 1
        hit = scan.entry_at(j, Kind.STATE)
        if hit:
            return hit[0].last, hit[1].code  # type: ignore[return-value]
        hit = scan.entry_at(j, Kind.CITY) if cities else None
        if hit and hit[1].code and _bare(scan.tokens[j]):
            return hit[0].last, hit[1].code
        if scan.entry_at(j, Kind.MODIFIER) is None:
            return None
        j = scan.matches[j].last  # type: ignore[union-attr]
    return None


def _bare(tok: Token) -> bool:
    """No proclitic (not even a fused «لل»): «بعثة للدوحة» is a mission *to* Doha."""
    return tok.base_start == tok.start and not tok.norm.startswith("لل")


def _organ(scan: Scan, i: int, m: Match) -> int | None:
    found = state_after(scan, m.last, cities=True)
    if found is None:
        return _standalone(scan, i, m)
    last, code = found
    scan.emit(m.start, scan.tokens[last - 1].end, "ORG", code, "organ")
    return last


@lru_cache(maxsize=1)
def standalone_organs() -> dict[str, int]:
    """Organ heads (normalised) that name a body without a state after them → max name words."""
    out: dict[str, int] = {}
    for row in load_tsv("standalone_organs.tsv", ("head", "max_words", "source")):
        if not row["max_words"].isdigit() or not 1 <= int(row["max_words"]) <= 5:
            raise row.fail("max_words must be a number from 1 to 5")
        out[normalize_text(row["head"])] = int(row["max_words"])
    return out


def _standalone(scan: Scan, i: int, m: Match) -> int | None:
    """«وزارة الصحة», «وزارة النقل التركية»: a ministry named by its portfolio (definite
    words, one «و» coordination), then an optional demonym or state."""
    toks = scan.tokens
    norm = toks[i].norm
    max_words = standalone_organs().get(norm[split_clitics(norm)[0]:])
    if max_words is None:
        return None
    j, coordinated = i + 1, False
    while j < len(toks) and j - i <= max_words:
        tok = toks[j]
        kinds = scan.kinds_at(j)
        if tok.kind != "word" or (_stop(scan, j) and Kind.ORGAN not in kinds) or kinds & _NAME_OR_PLACE:
            break  # a title, a stopword, a name or a demonym ends the portfolio
        n = tok.norm
        if n.startswith("وال") and tok.base_start > tok.start and not coordinated and j > i + 1:
            coordinated = True
        elif not n.startswith("ال") or tok.base_start > tok.start:
            break
        j += 1
    if j == i + 1:
        return None
    found = state_after(scan, j, max_modifiers=0)
    last, code = found if found else (j, None)
    scan.emit(m.start, toks[last - 1].end, "ORG", code, "organ")
    return last


# -- military units: «السرب رقم 83 من القوات الجوية البريطانية» ---------------------

def _unit(scan: Scan, i: int, m: Match) -> int | None:
    toks = scan.tokens
    j = m.last
    while j < len(toks) and j - m.last < 4 and toks[j].norm != "رقم":
        if toks[j].kind != "word":
            return None
        j += 1
    if j + 1 >= len(toks) or toks[j].norm != "رقم" or toks[j + 1].kind != "number":
        return None
    last = j + 2
    code = None
    # «… من القوات الجوية البريطانية» belongs to the name; «التابع إلى …» only gives the state.
    k = last
    include = k < len(toks) and toks[k].norm == "من"
    for k in range(last, min(last + 4, len(toks))):
        hit = scan.entry_at(k, Kind.ORGAN)
        found = state_after(scan, hit[0].last) if hit else None
        if found:
            code = found[1]
            if include:
                last = found[0]
            break
    scan.emit(m.start, toks[last - 1].end, "ORG", code, "unit")
    return last


# -- persons ------------------------------

def _stop(scan: Scan, j: int) -> bool:
    return bool(scan.kinds_at(j) & _NAME_STOP)


def name_tokens(scan: Scan, j: int) -> int:
    """Index after the personal name that starts at token j (j when there is none)."""
    toks = scan.tokens
    k, count = j, 0
    while k < len(toks) and count < MAX_NAME_TOKENS:
        tok = toks[k]
        if tok.kind not in ("word", "latin") or _has_proclitic(tok, first=k == j):
            break  # a proclitic («وقال», «للحلف») ends the name
        if _alif_maqsura_word(tok) or _pronoun_suffixed(tok):
            break  # «على» folds to «علي»; «بحقه», «مشاركته» carry a pronoun: not names
        if tok.norm in NAME_LINKS:
            # «عبد الرحمن», «أبو بكر», «بن محمد»: the next word belongs to the name
            if k + 1 < len(toks) and toks[k + 1].kind == "word":
                k += 2
                count += 1
                continue
            break
        kinds = scan.kinds_at(k)
        if kinds & _NAME_STOP and Kind.GIVEN_NAME not in kinds and Kind.PERSON not in kinds:
            break
        if tok.norm.startswith("لل"):
            break
        if tok.norm.startswith("ال") and Kind.PERSON not in kinds and (k == j or not tok.norm.endswith("ي")):
            break  # first names do not take ال; surnames that do are mostly nisbas (الخليفي)
        if kinds & {Kind.STATE, Kind.ORG} and k > j:
            break
        if Kind.CITY in kinds and k > j and (tok.norm.startswith("ال") or Kind.GIVEN_NAME not in scan.kinds_at(k - 1)):
            break  # «جورج واشنطن» after a given name is a surname; elsewhere a city ends the name
        k += 1
        count += 1
    while k > j and toks[k - 1].norm in NAME_LINKS:
        k -= 1
    return k


_PRONOUN_ENDINGS = ("ها", "هم", "هما", "هن", "كم", "ته")


def _pronoun_suffixed(tok: Token) -> bool:
    """A word with an attached pronoun («طلبه», «يغادرها», «خارجيته») is never a name.

    Read on the raw text: normalisation folds ة into ه (and «أسامة» is a name).  Names
    ending in a written ه keep a vowel or د/ل before it («شاه», «زاده», «عبد الله»)."""
    raw = tok.text
    if raw.endswith(_PRONOUN_ENDINGS) and len(raw) >= 4:
        return True
    return len(raw) >= 4 and raw.endswith("ه") and raw[-2] not in "اأدليو"


def _lone_word_is_name(scan: Scan, j: int) -> bool:
    """Whether one unknown word after a title can be a (sur)name: «قال المتحدث حسب …»,
    «رفض البابا طلبه», «أشارت …» are not.  Verbs, feminine and plural nouns, masdars
    (إفعال) and three-letter roots are rejected; known given names always pass."""
    tok = scan.tokens[j]
    if Kind.GIVEN_NAME in scan.kinds_at(j) or tok.kind == "latin":
        return True
    raw, n = tok.text, tok.norm
    if raw.endswith(("ة", "اء")) or len(n) <= 3:
        return False
    if (n.endswith("ت") and len(n) <= 5) or (n[0] in "يت" and len(n) <= 5):
        return False  # «أشارت», «يغادر»
    if n[0] == "ا" and (len(n) == 4 or (len(n) == 5 and n[3] == "ا")):
        return False  # «أكثر» (elative), «إحقاق» (masdar)
    return True


def _has_proclitic(tok: Token, first: bool) -> bool:
    """Whether a token opens with a real proclitic.  Inside a name only و (coordination)
    and ال-fused prepositions count: foreign names often begin with ف ب ل ك (فيرسنيل)."""
    if tok.start == tok.base_start:
        return tok.norm.startswith("لل")
    return first or tok.norm[0] == "و" or tok.norm[1:3] == "ال"


_NAME_OR_PLACE = frozenset({Kind.STATE, Kind.CITY, Kind.PLACE, Kind.PERSON, Kind.ORG, Kind.DEMONYM})
_NAME_STOP = frozenset({Kind.STOPWORD, Kind.TITLE, Kind.DEMONYM, Kind.ORGAN, Kind.FACILITY, Kind.UNIT,
                        Kind.NAME_HEAD})


def _alif_maqsura_word(tok: Token) -> bool:
    """A word written with final ى (على، إلى، لدى) that normalises like a name ending in ي."""
    return tok.text.endswith("ى") and tok.norm in _MAQSURA_CLASH


_MAQSURA_CLASH = frozenset({"علي", "الي", "لدي", "حتي", "متي", "سوي", "مدي"})


def _title(scan: Scan, i: int, m: Match) -> int | None:
    toks = scan.tokens
    title = m.first_of(Kind.TITLE)
    j = m.last
    affiliation = None
    # the title's complement: a demonym, a state or an organisation («وزير خارجية قطر»)
    for _ in range(2):
        found = state_after(scan, j, max_modifiers=1)
        if found:
            end, affiliation = found
            hit = scan.entry_at(j, Kind.STATE)
            if hit:
                _name(scan, j, hit[0])
            j = end
            continue
        hit = scan.entry_at(j, Kind.ORG)
        if hit:
            _name(scan, j, hit[0])
            affiliation = hit[1].code
            j = hit[0].last
            continue
        hit = scan.entry_at(j, Kind.TITLE)  # «الأمين العام» after «نائب مساعد», «الشيخ» after «الأمير»
        if hit and hit[1].role_kind == "honorific":
            j = hit[0].last
        break
    if j < len(toks) and toks[j].norm in ("السابق", "الاسبق", "الحالي", "الجديد"):
        j += 1
    known = scan.entry_at(j, Kind.PERSON)
    end = known[0].last if known else name_tokens(scan, j)
    if end == j:
        return None if affiliation is None else j
    construct = not key_head(title).startswith("ال") if title else False
    if construct and not known and end - j < 2 and Kind.GIVEN_NAME not in scan.kinds_at(j):
        # «رئيس مجلس …», «وزير شؤون …»: a construct title before one unknown word is idafa
        return None if affiliation is None else j
    if not known and end - j == 1 and not _lone_word_is_name(scan, j):
        return None if affiliation is None else j
    role = title.label if title and title.role_kind != "honorific" else None
    aff = affiliation or (known[1].code if known else None)
    # A name after a title carries no proclitic (name_tokens stops at one), so the
    # span starts at the token: «فلورانس» is not ف + لورانس.
    start = known[0].start if known else toks[j].start
    scan.emit(start, toks[end - 1].end, "PER", None, "title", role=role, affiliation=aff)
    return end


def _head(scan: Scan, i: int, m: Match) -> int | None:
    # marsad.actors.heads builds on this module's scanning helpers, so it is imported
    # on first use rather than at the top (which would be circular).
    from marsad.actors.heads import head_rule

    return head_rule(scan, i, m)


def key_head(entry: Entry) -> str:
    from marsad.actors.registry import key_of

    return key_of(entry.label)[0]


def _given_name(scan: Scan, i: int, m: Match) -> int | None:
    if scan.entry_at(i, Kind.PERSON):
        return _name(scan, i, scan.matches[i])  # type: ignore[arg-type]
    end = name_tokens(scan, i)
    if end - i < 2:
        return None
    tok = scan.tokens[i]
    scan.emit(tok.base_start, scan.tokens[end - 1].end, "PER", None, "given-name")
    return end


_RULES = (
    (Kind.ORGAN, _organ),
    (Kind.UNIT, _unit),
    (Kind.NAME_HEAD, _head),
    (Kind.TITLE, _title),
    (Kind.STATE, _name),
    (Kind.ORG, _name),
    (Kind.PERSON, _name),
    (Kind.CITY, _name),
    (Kind.PLACE, _name),
    (Kind.GIVEN_NAME, _given_name),
)
