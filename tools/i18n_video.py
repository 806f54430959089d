"""Chinese for the video wall's strings (console/views/video/), to merge into the glossary of
tools/i18n_fill.py. Contexts: VideoWall, CameraTile, StreamPlayer (a string used in two of them
appears once). Placeholders ({id}, {n}, …) are kept as they are in the source.

The watermark "演练 DRILL" is bilingual on purpose and not translated.
"""

from __future__ import annotations

ZH: dict[str, str] = {
    # --- VideoWall: toolbar and summary ------------------------------------------------------------
    "Layout": "布局",
    "No incident pinned": "未关联事件",
    "Incident {id}: {n} cameras within {r} m": "事件 {id}：{r} 米内 {n} 路摄像头",
    "Incident {id}: no camera within {r} m": "事件 {id}：{r} 米内无摄像头",
    # --- VideoWall: tile context menu --------------------------------------------------------------
    "Near incident {id}": "事件 {id} 附近",
    "{name} · {m} m": "{name} · {m} 米",
    "Show camera": "选择摄像头",
    "Other": "其他",
    "Unpin": "取消上墙",
    "Lock (incidents do not replace it)": "锁定（关联事件时不替换）",
    "Enlarge": "放大",
    "Back to the wall": "返回多画面",
    "Retry now": "立即重连",
    # --- CameraTile: header, footer and picture area ----------------------------------------------
    "Locked": "已锁定",
    "Online": "在线",
    "Offline": "离线",
    "ALARM": "告警",
    "{m} m away": "距离 {m} 米",
    "No camera on this tile": "此画面未选择摄像头",
    "Right-click to choose a camera": "右键选择摄像头",
    "No video stream configured": "未配置视频流",
    "Connecting…": "正在连接…",
    "Paused while not on screen": "未显示，已暂停解码",
    "NO SIGNAL": "无信号",
    "Retrying in {s} s (attempt {n})": "{s} 秒后重连（第 {n} 次）",
    "Retrying…": "正在重连…",
    # --- StreamPlayer: why a stream was lost ------------------------------------------------------
    "The stream could not be opened": "无法打开视频流",
    "The stream ended": "视频流已结束",
    "The stream's format is not supported": "不支持该视频流格式",
    "Network error": "网络错误",
    "Access to the stream was denied": "无权访问该视频流",
    "No picture within {s} s": "{s} 秒内无画面",
    "No new picture for {s} s": "{s} 秒无新画面",
}
