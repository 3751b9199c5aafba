import re

import pytest

from marsad.ingest import clean
from marsad.ingest.resources import (
    DATA_FILES,
    ResourceError,
    RuleKind,
    boilerplate_rules,
    check_regex_safety,
    parse_boilerplate,
    parse_outlets,
    _read,
)

# One line written for each regex rule (the other kinds are their own example).
REGEX_EXAMPLES = {
    "comments_count": "التعليقات (12)",
    "comments_welcome": "ترحب صحيفتنا بالنقاش البناء وتدعو القراء إلى الالتزام بآداب الحوار.",
    "comments_opinions_owner": "التعليقات تعبر عن آراء أصحابها",
    "share_notifications": "يمكنكم تلقي إشعارات بأحدث الأخبار عبر تطبيقنا.",
    "share_follow_news": "لمتابعة آخر الأخبار اشترك في قناتنا",
    "share_article": "شارك المقال",
    "share_on": "شارك على فيسبوك",
    "share_subscribe": "اشترك في النشرة البريدية",
    "share_join_channel": "انضموا إلى قناتنا على تلغرام",
    "share_download_app": "حمّل تطبيق الموقع مجانا",
    "share_click_here": "لمشاهدة الفيديو كاملا اضغط هنا...",
    "copyright_all_rights": "جميع الحقوق محفوظة للموقع 2020",
    "copyright_publishing_rights": "حقوق النشر محفوظة",
    "copyright_symbol": "© 2021 Example Media",
    "copyright_opinion_writer": "المقال يعبر عن رأي كاتبه فقط",
    "credit_wire_slash": "فرانس 24/ رويترز",
    "credit_service": "* خدمة «لوموند»",
    "credit_exclusive": "خاص بـ«الصحيفة»",
}

BODY = "قال المتحدث باسم الحكومة في مؤتمر صحافي إن الاجتماع المقبل سيعقد في العاصمة الأسبوع القادم."


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_data_file_loads(name):
    assert DATA_FILES[name](_read(name), name)


@pytest.mark.parametrize("rule", boilerplate_rules(), ids=lambda r: r.id)
def test_each_rule_removes_its_example(rule):
    if rule.kind is RuleKind.REGEX:
        example = REGEX_EXAMPLES[rule.id]
    elif rule.kind is RuleKind.PREFIX:
        example = rule.pattern + " الآن"
    else:
        example = rule.pattern
    result = clean(f"{BODY}\n{BODY}\n{example}")
    assert [r.rule for r in result.removed] == [rule.id]
    assert result.text == f"{BODY}\n{BODY}"


@pytest.mark.parametrize("rule", [r for r in boilerplate_rules() if r.regex is not None], ids=lambda r: r.id)
@pytest.mark.parametrize("adversarial", ["ا" * 5000, "ا " * 3000, "«" + "ا" * 3000, "(" * 2000 + "1" * 2000])
def test_regex_rules_are_linear_on_adversarial_input(rule, adversarial):
    # A catastrophic pattern would hang here; these complete at once.
    rule.regex.search(adversarial)
    clean(adversarial + "\n" + adversarial)


@pytest.mark.parametrize("pattern", ["(a+)+", "(ا|ب*)*", "x.*y", "(\\w+\\s?)+$"])
def test_unsafe_regex_is_refused(pattern):
    with pytest.raises(ValueError):
        check_regex_safety(pattern)


@pytest.mark.parametrize(
    "text, message",
    [
        ("id\tkind\tpattern\tnote\nr1\tline\tنص\n", "boilerplate.tsv:2: expected 4"),
        ("id\tkind\tpattern\tnote\nr1\tword\tنص\tnote\n", "boilerplate.tsv:2: unknown kind"),
        ("id\tkind\tpattern\tnote\nr1\tregex\t(ا+)+\tnote\n", "boilerplate.tsv:2: bad regex"),
        ("id\tkind\tpattern\tnote\nr1\tline\tا\tn\nr1\tline\tب\tn\n", "boilerplate.tsv:3: duplicate"),
        ("id\tkind\tpattern\tnote\nr1\tline\tا\t \n", "boilerplate.tsv:2: empty field"),
        ("wrong\theader\n", "boilerplate.tsv:1: header"),
    ],
)
def test_bad_boilerplate_lines_are_named(text, message):
    with pytest.raises(ResourceError, match=re.escape(message)):
        parse_boilerplate(text)


def test_duplicate_outlet_after_normalisation():
    with pytest.raises(ResourceError, match="outlets.tsv:3"):
        parse_outlets("name\tcode\tnote\nأ ف ب\tAFP\tn\nا ف ب\tAFP\tn\n")
