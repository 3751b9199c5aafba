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
    if head is None or head.label.startswith("ال"):
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
    if known is not None and known.kind is Kind.ORG and head.etype == "ORG":
        # «حركة حماس», «تنظيم داعش»: the head belongs to a known organisation's name
        return _emit(scan, m, end, known.etype or "ORG", known.code, head, name, known)
    end, actor = _tail(scan, end, head)
    return _emit(scan, m, end, head.etype or "ORG", actor, head, name, known)


def _emit(scan: Scan, m, end: int, etype: str, actor: str | None, head: Entry,
          name: tuple[int, int], known: Entry | None) -> int:
    toks = scan.tokens
    ent = scan.emit(m.start, toks[end - 1].end, etype, actor, "head")
    ent.role = None
    if head.bare and name[1] > name[0]:
        s, e = toks[name[0]].start, toks[name[1] - 1].end
        bare_type = known.etype if known is not None and known.etype in ("GPE", "LOC") else etype
        bare_actor = known.code if known is not None and known.kind is Kind.STATE else None
        scan.emit(s, e, bare_type or etype, bare_actor, "head-name")
    return end


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
    if tok.kind not in ("word", "latin") or _has_proclitic(tok, first=True) or _stop(scan, j):
        return None
    hit = scan.entry_at(j, *_NAME_KINDS)
    if hit is not None and hit[0].at_token_start:
        end = hit[0].last
    elif tok.norm in NAME_LINKS or Kind.GIVEN_NAME in scan.kinds_at(j):
        end = name_tokens(scan, j)  # «معبر كرم أبو سالم», «مطار رفيق الحريري»
        if end == j:
            return None
    elif Kind.NAME_HEAD in scan.kinds_at(j) or _adjective(tok):
        return None  # «قاعدة عسكرية», «حركة احتجاجية»: a description
    else:
        end = j + 1
        while end + 1 < len(toks) and toks[end].norm in ("ابو", "بن", "ابن") and toks[end + 1].kind == "word":
            end += 2  # «معبر كرم أبو سالم»
    if head.extent is Extent.PHRASE:
        end = _chain(scan, end)
    return end


def _adjective(tok: Token) -> bool:
    """An indefinite nisba adjective («عسكرية», «نووي») — never a name on its own."""
    n = tok.norm
    return tok.kind == "word" and not n.startswith("ال") and len(n) >= 4 and n.endswith(_ADJ_ENDINGS)


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
            coordinated = True  # «العدالة والتنمية»
        elif not n.startswith("ال") or tok.base_start > tok.start:
            break
        hit = scan.entry_at(k, *_NAME_KINDS)
        k = hit[0].last if hit and hit[0].at_token_start else k + 1
    return k


def _tail(scan: Scan, end: int, head: Entry) -> tuple[int, str | None]:
    """Facility suffixes («الجوية», «الدولي») and a closing demonym («… الإيرانية»)."""
    toks = scan.tokens
    while end < len(toks) and scan.entry_at(end, Kind.FACILITY_SUFFIX) and head.etype in ("FAC", "ORG"):
        end = scan.matches[end].last  # type: ignore[union-attr]
    actor = None
    found = state_after(scan, end, max_modifiers=0) if head.etype == "ORG" else None
    if found is not None and scan.entry_at(end, Kind.DEMONYM):
        end = found[0]  # «حزب العدالة والتنمية التركي»: the demonym belongs to the name
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
