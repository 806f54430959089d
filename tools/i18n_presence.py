"""zh_CN for presence (issue 17): who else has a case open, who is on shift, the hub in use."""

ZH = {
    "{user} ({details})": "{user}（{details}）",
    ", ": "、",
    "you, at another desk": "本人，另一席位",
    "{who} ✎ acting": "{who} ✎ 正在处理",
    "Also open by: {people}": "同时查看：{people}",
    "{who}: open since {since}": "{who}：{since} 起查看",
    "Hub {hub}": "服务端 {hub}",
    "Connected to {url}": "已连接 {url}",
    "On shift {n}: {names}": "在岗 {n} 人：{names}",
    "+{n}": "另 {n} 人",
    "On shift:": "在岗人员：",
    "Feeds and sensors:": "数据接入与感知设备：",
    "{user} — {role}": "{user} — {role}",
    "×{n} desks": "（{n} 个席位）",
}
