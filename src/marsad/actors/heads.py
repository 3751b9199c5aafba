"""Names introduced by a head noun (resources/actors/name_heads.tsv).

«محافظة حجة», «ولاية تكساس», «جبال الأطلس», «مطار المدين الدولي», «قاعدة "العديد"
الجوية», «حزب الشعوب الديمقراطي», «حركة أحرار الشام», «تحالف "دعم الشرعية"».

The head fixes the type; its `extent` says how far the name reaches:

* NAME: one name — a gazetteer name, a quoted segment, a given-name chain or one
  word — then facility suffixes («الجوية», «الدولي»).  Places and facilities.
* PHRASE: a bounded genitive/adjective chain — a first word, then definite words
  («حزب العمال الكردستاني»), one «و» coordination («العدالة والتنمية»), ending at
  a demonym.  Organisations.

Only an indefinite head in construct state introduces a name («مطار X»); a
definite head («المطار») is a generic noun.  An indefinite adjective after an
indefinite head («قاعدة عسكرية», «حركة احتجاجية») is a description, not a name.
"""
from __future__ import annotations

from marsad.actors.recognise import (
    NAME_LINKS, QUOTES, Scan, _has_proclitic, _stop, name_tokens, state_after,
)
from marsad.actors.registry import Entry, Extent, Kind
from marsad.model import Token

MAX_QUOTED = 6  # tokens inside quotes: «تحالف "دعم الشرعية في اليمن"»
MAX_PHRASE = 5  # tokens after an organisation head
# Gazetteer kinds that may stand after a head as (part of) its name.
_NAME_KINDS = (Kind.CITY, Kind.STATE, Kind.PLACE, Kind.PERSON, Kind.ORG)
# Nisba and participle endings of indefinite adjectives (normalised): «عسكريه», «نووي».
_ADJ_ENDINGS = ("يه", "ي")


def head_rule(scan: Scan, i: int, m) -> int | None:
    head = m.first_of(Kind.NAME_HEAD)
    if head is None or _maqsura_clash(scan.tokens[i], head):
        return None
    j = m.last
    if j >= len(scan.tokens):
        return None
    if scan.tokens[j].text in QUOTES:
        end = _quoted(scan, j)
        if end is None:
            return None
        name = (j + 1, end - 1)
    else:
        end = _name_end(scan, j, head)
        if end is None:
            return None
        name = (j, end)
    known = _known_name(scan, name[0], name[1])
    if known is not None and known.kind is Kind.PERSON and head.etype != "FAC":
        return None  # «ولاية ترامب»: a term of office, not a state
    if head.etype == "ORG" and name[0] > j:
        return _inner(scan, name, end, head)  # «منظمة "غولوس"»: the gold writes the quoted name
    if known is not None and _known_wins(head, known):
        # «مدينة جنيف», «وكالة "فرانس برس"», «حركة حماس»: the gazetteer knows the name;
        # the gold writes it as the gazetteer does (or groups it by its code).
        return _known(scan, m, end, head, name, known)
    end, actor = _tail(scan, end, head)
    if head.bare:
        s, e = scan.tokens[name[0]].start, scan.tokens[name[1] - 1].end
        scan.emit(s, e, head.etype or "GPE", None, "head-name")
    else:
        scan.emit(m.start, scan.tokens[end - 1].end, head.etype or "ORG", actor, "head")
    return end


def _known_wins(head: Entry, known: Entry) -> bool:
    """Whether a gazetteer name after a head is emitted as the gazetteer has it.

    Places: «مدينة جنيف» is Geneva; organisations: «حركة حماس» is Hamas.  A facility
    or a body named after a place is itself («مطار الحديدة», «جامعة هامبورغ»)."""
    if head.etype == "FAC":
        return False
    if head.etype == "ORG":
        return known.kind is Kind.ORG
    return True


def _inner(scan: Scan, name: tuple[int, int], end: int, head: Entry) -> int:
    toks = scan.tokens
    known = _known_name(scan, name[0], name[1])
    actor = known.code if known is not None and known.kind is Kind.ORG else None
    scan.emit(toks[name[0]].start, toks[name[1] - 1].end, "ORG", actor, "head-name")
    return end


def _known(scan: Scan, m, end: int, head: Entry, name: tuple[int, int], known: Entry) -> int:
    toks = scan.tokens
    if known.kind is Kind.ORG and head.etype == "ORG" and not head.bare:
        scan.emit(m.start, toks[end - 1].end, known.etype or "ORG", known.code, "head")
        return end
    etype = known.etype or head.etype or "GPE"
    actor = None if known.kind in (Kind.CITY, Kind.PLACE) else known.code
    scan.emit(toks[name[0]].start, toks[name[1] - 1].end, etype, actor, "gazetteer")
    return end


def _maqsura_clash(tok: Token, head: Entry) -> bool:
    """«وأدى» folds to «وادي» (valley): a head written with final ى is another word."""
    return tok.text.endswith("ى") and head.label.endswith("ي")


def _quoted(scan: Scan, j: int) -> int | None:
    """Index after the closing quote of a quoted name opening at token j."""
    toks = scan.tokens
    for k in range(j + 1, min(j + 2 + MAX_QUOTED, len(toks))):
        if toks[k].text in QUOTES:
            return k + 1 if k > j + 1 else None
        if toks[k].kind == "punct":
            return None
    return None


def _name_end(scan: Scan, j: int, head: Entry) -> int | None:
    """Index after the (unquoted) name that starts at token j, None when there is none."""
    toks = scan.tokens
    tok = toks[j]
    if tok.kind not in ("word", "latin") or _coordinated(tok, head) or _stop(scan, j):
        return None
    hit = scan.entry_at(j, *_NAME_KINDS)
    if hit is not None and hit[0].at_token_start:
        end = hit[0].last
    elif tok.norm in NAME_LINKS or Kind.GIVEN_NAME in scan.kinds_at(j):
        end = name_tokens(scan, j)  # «مطار رفيق الحريري»
        if end == j:
            return None
    elif Kind.NAME_HEAD in scan.kinds_at(j) or _adjective(tok) or _imperfect_verb(tok, head):
        return None  # «قاعدة عسكرية», «حركة احتجاجية», «جزر تزعم»: not a name
    elif head.extent is Extent.BRAND:
        return _brand(scan, j)
    elif head.extent is Extent.PHRASE and not _definite(tok) and not _definite_at(scan, j + 1):
        return None  # «لجنة تحقيق»: an indefinite common noun, not a name
    elif head.extent is Extent.NAME and head.etype != "FAC" and not _definite(tok) and _noun_at(scan, j + 1):
        return None  # «منطقة نزع السلاح», «منطقة حوض اليرموك»: a noun in construct, not a name
    else:
        end = j + 1
        while end + 1 < len(toks) and toks[end].norm in ("ابو", "بن", "ابن") and toks[end + 1].kind == "word":
            end += 2  # «معبر كرم أبو سالم»
    if head.extent is Extent.PHRASE:
        end = _chain(scan, end)
    return end


def _coordinated(tok: Token, head: Entry | None = None) -> bool:
    """A proclitic («قاعدة وميناء», «جماعة لتنظيم …») means the head was not in construct
    state with a name.  Foreign place names often open with ب ل ك ف («بنسلفانيا»),
    so after a place head only «و» and a fused «لل» count."""
    if tok.norm.startswith("لل"):
        return True
    if head is not None and head.etype != "ORG":
        return tok.base_start > tok.start and tok.norm.startswith("و")
    return tok.base_start > tok.start


def _definite(tok: Token) -> bool:
    return tok.kind == "word" and tok.norm.startswith("ال") and tok.base_start == tok.start


def _definite_at(scan: Scan, k: int) -> bool:
    return k < len(scan.tokens) and _definite(scan.tokens[k]) and not _stop(scan, k)


def _noun_at(scan: Scan, k: int) -> bool:
    """A definite noun (not a nisba adjective, demonym or suffix) at token k."""
    if not _definite_at(scan, k) or scan.entry_at(k, Kind.DEMONYM, Kind.FACILITY_SUFFIX):
        return False
    return not scan.tokens[k].norm.endswith(_ADJ_ENDINGS)


def _imperfect_verb(tok: Token, head: Entry | None = None) -> bool:
    """«يقع», «تزعم», «تحاول»: a short word opening with an imperfect prefix reads as a
    verb.  Place names are often foreign (a five-letter «تكساس»), organisation names less."""
    n = tok.norm
    longest = 5 if head is None or head.etype == "ORG" else 4
    return tok.kind == "word" and n[:1] in ("ي", "ت") and len(n) <= longest


def _adjective(tok: Token) -> bool:
    """An indefinite nisba adjective («عسكرية», «نووي», «جوي») — never a name on its own."""
    n = tok.norm
    return tok.kind == "word" and not n.startswith("ال") and len(n) >= 3 and n.endswith(_ADJ_ENDINGS)


def _brand(scan: Scan, j: int) -> int | None:
    """A foreign or brand name after a company/media head: Latin words, or one or two
    Arabic words that are not plurals, feminines or nisbas («شركة اتصالات» is generic)."""
    toks = scan.tokens
    k = j
    while k < len(toks) and k - j < 2:
        tok = toks[k]
        if tok.kind == "latin":
            k += 1
            continue
        n = tok.norm
        if tok.kind != "word" or _stop(scan, k) or n.startswith("ال") or n.endswith(("ات", "ه")) \
                or _adjective(tok) or (k > j and (_imperfect_verb(tok) or _coordinated(tok))):
            break
        k += 1
    return k if k > j else None


def _chain(scan: Scan, k: int) -> int:
    """Extend an organisation name over definite words and one «و» coordination."""
    toks = scan.tokens
    start, coordinated = k, False
    while k < len(toks) and k - start < MAX_PHRASE:
        tok = toks[k]
        if tok.kind != "word" or _stop(scan, k) or scan.entry_at(k, Kind.NAME_HEAD, Kind.TITLE):
            break
        n = tok.norm
        if n.startswith("وال") and not coordinated and tok.base_start > tok.start:
            if scan.matches[k] is not None:
                break  # «تيار الحكمة والمجلس الأعلى»: a second named body, not part of the name
            coordinated = True  # «العدالة والتنمية»
        elif not n.startswith("ال") or tok.base_start > tok.start:
            break
        hit = scan.entry_at(k, *_NAME_KINDS)
        k = hit[0].last if hit and hit[0].at_token_start else k + 1
    return k


def _tail(scan: Scan, end: int, head: Entry) -> tuple[int, str | None]:
    """Facility suffixes («الجوية», «الدولي») and, for organisations, a closing demonym
    («حزب العدالة والتنمية التركي»; a state body takes the state: «هيئة … الإيرانية»)."""
    toks = scan.tokens
    while end < len(toks) and head.etype in ("FAC", "ORG") and scan.entry_at(end, Kind.FACILITY_SUFFIX):
        end = scan.matches[end].last  # type: ignore[union-attr]
    actor = None
    found = state_after(scan, end, max_modifiers=0) if head.etype == "ORG" else None
    if found is not None and scan.entry_at(end, Kind.DEMONYM):
        end = found[0]
        if head.stateful:
            actor = found[1]
    return end, actor


def _known_name(scan: Scan, s: int, e: int) -> Entry | None:
    """The gazetteer entry that spans exactly tokens s..e, if any."""
    if s >= e:
        return None
    hit = scan.entry_at(s, *_NAME_KINDS)
    if hit is None or hit[0].last != e:
        return None
    return hit[1]
