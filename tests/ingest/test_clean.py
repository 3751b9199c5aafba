import pytest
from hypothesis import given, settings, strategies as st

from marsad.ingest import clean
from marsad.ingest.reader import read_stream

P1 = "أعلنت وزارة الخارجية اليوم أن الوزير سيزور العاصمة الأسبوع المقبل لبحث التعاون الثنائي."
P2 = "وقال المتحدث باسم الوزارة إن الزيارة تأتي في إطار المشاورات السياسية المنتظمة بين البلدين."
P3 = "وأضاف أن الجانبين سيوقعان عددا من مذكرات التفاهم في مجالات التعليم والصحة والطاقة."


@pytest.mark.parametrize(
    "raw, expected, rules",
    [
        (f"{P1}\n\n{P2}\n\nقد يعجبك ايضا\n\nعنوان خبر آخر قصير\nعنوان ثالث\n\nالتعليقات مغلقة.", f"{P1}\n\n{P2}",
         ["related_may_like", "related_may_like", "related_may_like", "comments_closed"]),
        (f"{P1}\nاقرأ أيضاً:\nعنوان مرتبط بالخبر\n{P2}", f"{P1}\n{P2}", ["related_read_also", "related_read_also"]),
        (f"{P1}\nللمزيد: عنوان مرتبط بالخبر\nعنوان فرعي\n{P2}", f"{P1}\nعنوان فرعي\n{P2}", ["related_for_more"]),
        (f"{P1}\n{P2}\nيمكنكم استلام إشعارات بآخر المستجدات عند تثبيت تطبيقنا.", f"{P1}\n{P2}", ["share_notifications"]),
        (f"{P1}\nجميع المقالات المنشورة تمثل رأي كتابها فقط ولا تعبر عن الموقع.", P1, ["copyright_articles_opinion"]),
        (f"{P1}\n{P2}\n// انتهى //\n14:18 ت م", f"{P1}\n{P2}", ["credit_end_marker", "timestamp_only"]),
        (f"{P1}\nhttps://example.com/a/b\n{P2}", f"{P1}\n{P2}", ["url_only"]),
        (f"{P1}\n#وسم_أول #وسم_ثان\n{P2}", f"{P1}\n{P2}", ["hashtags_only"]),
        (f"{P1}\n-----------\n{P2}", f"{P1}\n{P2}", ["separator"]),
        (f"{P1}\n{P2}\nكاتب المقال\nمراسل الصحيفة", f"{P1}\n{P2}", ["trailing_short", "trailing_short"]),
        # A numbered list at the end is body, not chrome.
        (f"{P1}\n1- الأردن\n2- مصر", f"{P1}\n1- الأردن\n2- مصر", []),
        # Whitespace: runs collapse inside lines, lines are stripped, CRLF becomes LF.
        (f"  {P1}  \r\n\r\n\t{P2}\u00a0\u00a0", f"{P1}\n\n{P2}", []),
        ("أعلنت   الحكومة\tاليوم خطتها.", "أعلنت الحكومة اليوم خطتها.", []),
    ],
)
def test_clean(raw, expected, rules):
    result = clean(raw)
    assert result.text == expected
    assert [r.rule for r in result.removed] == rules


def test_paragraphs_are_kept_apart():
    result = clean(f"{P1}\n\n{P2}\n{P3}")
    assert result.text == f"{P1}\n\n{P2}\n{P3}"


def test_hamza_and_diacritic_variants_match():
    for variant in ("قد يعجبك أيضاً", "قد يُعجبك ايضا", "قـد يعجبك إيضا"):
        assert clean(f"{P1}\n{P2}\n{variant}").text == f"{P1}\n{P2}"


def test_a_long_line_is_never_a_rule_match():
    line = "التعليقات مغلقة " + P1 * 10
    assert clean(line).text == line


TEXT = st.text(
    st.one_of(st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), st.sampled_from(list(" \n\r\t.-|():،#/")), st.characters()),
    max_size=300,
)


@given(TEXT)
@settings(max_examples=200, deadline=None)
def test_clean_never_raises_and_output_is_tidy(text):
    result = clean(text)
    assert "\r" not in result.text
    assert result.text == result.text.strip()


@given(st.binary(max_size=300) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
@settings(max_examples=200, deadline=None)
def test_reading_arbitrary_input_never_raises_and_documents_check(data):
    import io

    for item in read_stream(io.BytesIO(data), "fuzz.bin", "fuzz"):
        if hasattr(item, "check"):
            item.check()
            dl = item.metadata.get("dateline")
            if dl:
                assert item.text[dl["start"] : dl["end"]] == dl["text"]
