"""200 search queries written for the benchmarks: general news vocabulary, with clitic forms and phrases.

Not taken from any corpus: built from a hand-written word list and the standard proclitics.
"""
from __future__ import annotations

WORDS = [
    "اتفاقية", "حكومة", "رئيس", "وزير", "انتخابات", "مفاوضات", "هجوم", "غارات", "معارضة", "جيش",
    "قوات", "لاجئين", "عقوبات", "مجلس", "برلمان", "اقتصاد", "نفط", "سلام", "أمن", "حرب",
    "مظاهرات", "احتجاجات", "صواريخ", "سفارة", "قمة", "زيارة", "محادثات", "بيان", "تحالف", "حدود",
    "إرهاب", "مساعدات", "مدنيين", "ضحايا", "اعتقال", "محكمة", "دستور", "استفتاء", "وقف", "تصعيد",
]
CLITICS = ["و", "ب", "ال", "وال", "بال", "لل", "ف"]
PHRASES = [
    "وزير الخارجية", "مجلس الأمن", "وقف إطلاق النار", "الأمم المتحدة", "الاتحاد الأوروبي", "رئيس الوزراء",
    "الجيش السوري", "قوات التحالف", "حقوق الإنسان", "الملف النووي", "البيت الأبيض", "الحرس الثوري",
    "المعارضة السورية", "قطاع غزة", "الضفة الغربية", "جامعة الدول العربية", "مجلس النواب", "الأزمة الخليجية",
    "العقوبات الأمريكية", "اللاجئين السوريين", "محادثات السلام", "الانتخابات البرلمانية", "وزارة الدفاع",
    "الشرطة", "المتظاهرين", "الرئيس الأمريكي", "الرئيس الروسي", "الحكومة العراقية", "اليمن", "ليبيا",
]


def _with_clitic(word: str, clitic: str) -> str:
    base = word[2:] if word.startswith("ال") else word
    if clitic in ("ال", "وال", "بال", "لل"):
        return clitic + base
    return clitic + word


def queries(n: int = 200) -> list[str]:
    out: list[str] = list(WORDS)
    out += [f'"{p}"' for p in PHRASES[:15]] + PHRASES[15:]
    i = 0
    while len(out) < n:
        w = WORDS[i % len(WORDS)]
        c = CLITICS[(i // len(WORDS)) % len(CLITICS)]
        q = _with_clitic(w, c)
        if q not in out:
            out.append(q)
        i += 1
    return out[:n]
