"""zh_CN for the replay (issue 16): the bar, its band and the menu entry."""

ZH = {
    "Replay this shift": "回放本班次",
    "REPLAY: {why}": "回放：{why}",
    "REPLAY {time}": "回放 {time}",
    "Pause": "暂停",
    "Play": "播放",
    "Back to live": "回到实时",
    "The state just before the event shown": "退到所示事件之前的状态",
    "The next stored event": "下一个事件",
    "Replay speed": "回放速度",
}
