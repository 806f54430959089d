"""One bilingual-name rule for every view: attributes, wire dicts and (zh, en) pairs alike."""

from console.models.names import is_zh, local_name


class Thing:
    name_zh = "红旗街道"
    name_en = "Hongqi Subdistrict"


def test_objects_dicts_and_pairs_give_the_name_in_the_language():
    pair = ("红旗街道", "Hongqi Subdistrict")
    for thing in (Thing(), {"name_zh": pair[0], "name_en": pair[1]}, pair):
        assert local_name(thing, "zh_CN") == "红旗街道"
        assert local_name(thing, "en") == "Hongqi Subdistrict"


def test_a_missing_name_falls_back_to_the_other_language_then_the_default():
    assert local_name({"name_zh": "红旗街道"}, "en") == "红旗街道"
    assert local_name({"name_en": "Hongqi"}, "zh") == "Hongqi"
    assert local_name(None, "en", "T-01") == "T-01" and local_name({}, "en", "?") == "?"


def test_any_chinese_locale_is_chinese():
    assert is_zh("zh_CN") and is_zh("zh_TW") and not is_zh("en") and not is_zh("C")
