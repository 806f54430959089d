"""zh_CN for interchange (issue 18): an imported request its source had closed."""

ZH = {
    "closed at its source": "来源方已办结",
}
