"""Byte decoding for Arabic news: BOMs, declared charsets, UTF-8, and the legacy
Arabic code pages (windows-1256, ISO-8859-6) detected when UTF-8 fails.

Detection is deliberately narrow: a legacy page is accepted only when its decoding
is mostly Arabic letters, so Latin-1 or binary input is refused rather than turned
into mojibake.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

UTF8 = "utf-8"
ARABIC_PAGES = ("windows-1256", "iso-8859-6")
# Share of the non-ASCII characters that must be Arabic for a legacy decoding to be
# believed (Arabic letters, marks, digits and punctuation).
MIN_ARABIC_SHARE = 0.85
# Control characters (other than tab/newline/CR/FF) above this share mean "not text".
MAX_CONTROL_SHARE = 0.01
SNIFF_BYTES = 8192


class DecodeError(ValueError):
    """Bytes that are not text in a supported encoding."""


class BinaryInputError(DecodeError):
    """Bytes that look like a binary file (NUL bytes, control characters)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def canonical_encoding(name: str | None) -> str | None:
    """The Python codec name for a declared charset, or None if unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("'\"").lower()).name
    except LookupError:
        return None
    # Report the WHATWG/IANA names that detection also uses.
    return {"cp1256": "windows-1256"}.get(codec, codec)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode `data`; raise DecodeError (or BinaryInputError) when it is not text."""
    bom = _decode_bom(data)
    if bom is not None:
        return bom
    check_not_binary(data)
    declared_codec = canonical_encoding(declared)
    if declared_codec and declared_codec not in (UTF8, "ascii"):
        try:
            return Decoded(data.decode(declared_codec), declared_codec)
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; fall through to detection
    try:
        return Decoded(data.decode(UTF8), UTF8)
    except UnicodeDecodeError as err:
        utf8_error = err
    best = best_arabic_page(data)
    if best is not None:
        return best
    raise DecodeError(
        f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
        "and not Arabic text in windows-1256 or ISO-8859-6"
    )


def _decode_bom(data: bytes) -> Decoded | None:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[3:].decode(UTF8), "utf-8-sig")
        except UnicodeDecodeError as err:
            raise DecodeError(f"UTF-8 BOM but invalid UTF-8 at offset {err.start + 3}") from None
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return Decoded(data[2:].decode(codec), "utf-16")
            except UnicodeDecodeError as err:
                raise DecodeError(f"UTF-16 BOM but invalid UTF-16 at offset {err.start + 2}") from None
    return None


def check_not_binary(data: bytes) -> None:
    head = data[:SNIFF_BYTES]
    nul = head.find(b"\x00")
    if nul >= 0:
        raise BinaryInputError(f"binary data (NUL byte at offset {nul})")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / len(head) > MAX_CONTROL_SHARE:
        raise BinaryInputError(f"binary data ({controls} control bytes in the first {len(head)})")


def arabic_share(text: str) -> float:
    """Share of non-ASCII characters that are Arabic script (letters, marks, digits, punctuation)."""
    non_ascii = 0
    arabic = 0
    for ch in text:
        if ord(ch) < 128:
            continue
        non_ascii += 1
        if "\u0600" <= ch <= "\u06ff" or ch in "\u200c\u200d\u200e\u200f\u00a0«»":
            arabic += 1
    return arabic / non_ascii if non_ascii else 0.0


def mostly_arabic_letters(text: str) -> bool:
    """At least half of the letters are Arabic (Latin-1 text read as ISO-8859-6 is not)."""
    letters = arabic = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if "\u0600" <= ch <= "\u06ff":
                arabic += 1
    return letters > 0 and arabic * 2 >= letters


def best_arabic_page(data: bytes) -> Decoded | None:
    """The Arabic code page whose decoding is most Arabic, if one is convincing."""
    best: Decoded | None = None
    best_share = 0.0
    for codec in ARABIC_PAGES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        share = arabic_share(text)
        if share > best_share and mostly_arabic_letters(text):
            best, best_share = Decoded(text, codec), share
    if best is not None and best_share >= MIN_ARABIC_SHARE:
        return best
    return None


# -- mojibake ------------------------------
# UTF-8 Arabic that was once read as windows-1252 (or Latin-1) and saved again as
# UTF-8 looks like "Ø§Ù„Ø®Ø¨Ø±": every Arabic letter became a lead character (Ø Ù Ú Û
# for bytes D8–DB) and a continuation character.  The bytes survive, so the text can
# be rebuilt exactly by mapping each character back to its byte.
MOJIBAKE_LEADS = "ØÙÚÛ"
# Share of the letters that must be lead characters before a repair is tried: in real
# French or German text Ø/Ù are rare, in mojibake Arabic they are every other letter.
MIN_MOJIBAKE_LEAD_SHARE = 0.25


def _cp1252_byte_table() -> dict[str, int]:
    table = {chr(b): b for b in range(256)}  # Latin-1, including C1 controls U+0080–U+009F
    for b in range(0x80, 0xA0):
        try:
            table[bytes([b]).decode("windows-1252")] = b
        except UnicodeDecodeError:
            pass  # 81 8D 8F 90 9D are unassigned in windows-1252; browsers keep them as C1
    return table


_CP1252_BYTES = _cp1252_byte_table()


def looks_like_mojibake(text: str) -> bool:
    letters = leads = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if ch in MOJIBAKE_LEADS:
                leads += 1
            elif "\u0600" <= ch <= "\u06ff":
                return False  # real Arabic letters: not (wholly) mojibake
    return letters > 0 and leads / letters >= MIN_MOJIBAKE_LEAD_SHARE


def repair_mojibake(text: str) -> str | None:
    """The Arabic text behind windows-1252/Latin-1 mojibake, or None when `text` is not
    mojibake or does not map back to valid UTF-8 that is mostly Arabic."""
    if not looks_like_mojibake(text):
        return None
    try:
        raw = bytes(_CP1252_BYTES[ch] for ch in text)
        fixed = raw.decode(UTF8)
    except (KeyError, UnicodeDecodeError):
        return None
    return fixed if mostly_arabic_letters(fixed) else None
