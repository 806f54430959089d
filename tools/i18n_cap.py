"""zh_CN for CAP alerts (issue 18): the badge on a notice that sent one (CAP's status)."""

ZH = {
    "[CAP Exercise] {text}": "【CAP 演练】{text}",
    "[CAP Actual] {text}": "【CAP 正式】{text}",
}
