"""Fill the Qt Linguist translation files of the console from a reviewed English → Chinese glossary.

    .venv/bin/python tools/i18n_fill.py            # fill what is missing, then compile the .qm files
    .venv/bin/python tools/i18n_fill.py --force    # also overwrite translations edited by hand
    .venv/bin/python tools/i18n_fill.py --check    # only report what is missing; exit 1 if anything is

Workflow after changing user-visible strings in console/views/*.py:

    make translations                   # lupdate: adds new strings as unfinished, keeps the rest
    .venv/bin/python tools/i18n_fill.py # add the new strings to ZH below first, then run this

The script is re-runnable: a message that already has a finished translation is left alone (someone may
have polished it in Qt Linguist) unless --force is given. ``console_en.ts`` gets each source text as
its own translation. Placeholders ({user}, %n, …) and &-accelerators are checked against the source.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
ZH_TS = I18N / "console_zh_CN.ts"
EN_TS = I18N / "console_en.ts"

# English source → simplified Chinese. Terms follow digital urban management (数字化城市管理 /
# 网格化管理) usage: 立案 accept, 作废 reject, 派遣 dispatch, 签收 acknowledge, 退单 return,
# 吹哨 escalate, 处置 resolve, 核查 verify, 结案 close, 返工 rework, 回访 call-back, 演练 drill.
# Case states are "已…" everywhere (queue and panel must agree); time-limit colours are 亮灯 (红灯/蓝灯/绿灯).
ZH: dict[str, str] = {
    "The hub refused this console's token ({why}); check the token. Showing the last known state.":
        "服务端拒绝了本控制台的令牌（{why}），请检查令牌。当前显示最后已知状态。",
    # --- counters / time-limit colours -----------------------------------------------------------
    "Active": "在办",
    "Urgent": "紧急",
    "URGENT": "紧急",
    "Normal": "一般",
    "Nearing limit": "即将超时",
    "Overdue": "已超时",
    "On time": "未超时",
    "Green": "绿灯",
    "Blue": "蓝灯",
    "Red": "红灯",
    # --- results ---------------------------------------------------------------------------------
    "Done": "操作成功",
    "Refused": "操作被拒绝",
    "Sent; waiting for the hub…": "已发送，等待服务端响应…",
    # --- countdown -------------------------------------------------------------------------------
    "No time limit running": "当前无计时",
    "{stage}: {left} left (due {due})": "{stage}：剩余 {left}（{due} 截止）",
    "{stage}: OVERDUE by {late} (was due {due})": "{stage}：已超时 {late}（应于 {due} 前完成）",
    "-{time} overdue": "已超时 {time}",
    "Deadline {when} ({left})": "截止 {when}（{left}）",
    # --- incident panel: frame -------------------------------------------------------------------
    "Select an incident": "请选择事件",
    "DRILL 演练": "演练",
    "An exercise: not a real incident": "演练：非真实事件",
    "Details": "详情",
    "Actions": "操作",
    "Timeline": "办理记录",
    # --- incident panel: fields ------------------------------------------------------------------
    "Category": "类别",
    "Description": "问题描述",
    "Place": "位置",
    "Grid": "网格",
    "Address": "地址",
    "Coordinates": "坐标",
    "Reporter": "上报人",
    "Channel": "来源渠道",
    "Photo": "照片",
    "Assigned to": "承办单位",
    "Rework": "返工次数",
    "Merged into": "合并至",
    "Satisfaction": "满意度",
    "Open photo": "查看照片",
    "{name} — escalated": "{name}（已吹哨）",
    # --- incident panel: note field --------------------------------------------------------------
    "Note / reason (N)": "备注/原因（N）",
    "Required to reject, return, escalate, reopen or fail a check": "作废、退单、吹哨、重启或核查不通过时必填",
    "N focuses this field; Ctrl+Enter accepts": "按 N 定位到此栏；Ctrl+Enter 立案",
    "Write the reason in the note field first.": "请先在备注栏填写原因。",
    "Write the note first.": "请先填写备注。",
    # --- incident panel: action buttons (also the stage names of the countdown) -------------------
    "Accept": "立案",
    "Register the case (A or Ctrl+Enter)": "受理并立案（A 或 Ctrl+Enter）",
    "Acknowledge": "签收",
    "Sign for the case on behalf of the team": "代表处置队伍签收案件",
    "Reject": "作废",
    "Void the case; the reason in the note field is required": "作废案件，须在备注栏填写原因",
    "Return": "退单",
    "Send the case back; the reason is required": "退回案件，须填写原因",
    "Resolve": "处置",
    "Report the case handled; the note says how": "反馈已处置，在备注中说明处置情况",
    "Verify": "核查",
    "Check passed": "核查通过",
    "Verified on site: really fixed": "现场核查：确已解决",
    "Check failed": "核查不通过",
    "Not fixed: back to the team as rework; say why": "未解决：退回原队伍返工，须说明原因",
    "Add note": "添加备注",
    "Add the note field's text to the timeline": "将备注栏内容记入办理记录",
    "Dispatch": "派遣",
    "Send to the chosen team or department (D sends to the first recommendation)":
        "派遣至所选队伍或部门（按 D 派给首个推荐队伍）",
    "Escalate": "吹哨",
    "Call a district department; the reason is required": "向区级部门吹哨，须填写原因",
    "Merge": "合并",
    "Mark this case a duplicate of the chosen one": "标记为所选案件的重复案件",
    "Close": "结案",
    "Close after the call-back with the reporter's rating": "回访后按上报人评价结案",
    "Reopen": "重启",
    "Open the case again; the reason is required": "重新开启案件，须填写原因",
    "Reopen to…": "重启后交由…",
    # --- incident panel: dispatch / merge helpers ------------------------------------------------
    "Refresh": "刷新",
    "Recompute the recommended teams from the live units": "根据实时力量重新计算推荐队伍",
    "Recommended free teams first (distance, open cases); D dispatches to the first":
        "优先推荐空闲队伍（按距离、在办案件数）；按 D 派给首个",
    "★ {name} — {dist}, {load} open": "★ {name} — {dist}，在办 {load} 件",
    "(not capable)": "（无处置能力）",
    "Department: {name}": "部门：{name}",
    "Possible duplicates nearby (same category, within 500 m and 24 h)":
        "附近疑似重复案件（同类别，500 米、24 小时内）",
    "Or type the id of the incident to merge into": "或输入要并入的事件编号",
    "{id} — {dist}, reported {ago} ago — {desc}": "{id} — {dist}，{ago} 前上报 — {desc}",
    "Choose a team or department.": "请选择队伍或部门。",
    "Choose a department.": "请选择部门。",
    "Choose the incident this one duplicates.": "请选择与本事件重复的事件。",
    "Choose the call-back rating, or “no call-back”.": "请选择回访评价，或选择“未回访”。",
    "This case never had an assignee: choose who gets it.": "此案件从未派遣：请选择承办单位。",
    "No free team to recommend; choose a target in the list.": "没有可推荐的空闲队伍，请在列表中选择派遣对象。",
    # --- incident panel: timeline ----------------------------------------------------------------
    "Time": "时间",
    "Who": "操作人",
    "What": "操作",
    "Note": "备注",
    "Offline: the data shown may be stale; actions are disabled until the hub is back.":
        "已离线：显示的数据可能已过时；与服务端恢复连接前无法操作。",
    # --- call-back rating ------------------------------------------------------------------------
    "Call-back rating…": "回访评价…",
    "{stars} {n} of 5": "{stars} {n} 分",
    "No call-back (unrated)": "未回访（不评价）",
    # --- case states (queue and panel) -----------------------------------------------------------
    "Reported": "已上报",
    "Accepted": "已立案",
    "Dispatched": "已派遣",
    "Acknowledged": "已签收",
    "Returned": "已退单",
    "Escalated": "已吹哨",
    "Resolved": "已处置",
    "Verified": "已核查",
    "Closed": "已结案",
    "Rejected": "已作废",
    "Merged": "已合并",
    # --- timeline actions ------------------------------------------------------------------------
    "report": "上报",
    "accept": "立案",
    "reject": "作废",
    "merge": "合并",
    "dispatch": "派遣",
    "acknowledge": "签收",
    "return": "退单",
    "escalate": "吹哨",
    "resolve": "处置",
    "check passed": "核查通过",
    "check failed": "核查不通过",
    "close": "结案",
    "reopen": "重启",
    "note": "备注",
    "time limit": "时限",
    # --- roles -----------------------------------------------------------------------------------
    "viewer": "只读用户",
    "operator": "受理员",
    "supervisor": "值班长",
    "field": "外勤人员",
    "sensor": "感知设备",
    "admin": "管理员",
    "system": "系统",
    # --- sources (channels) ----------------------------------------------------------------------
    "grid worker": "网格员",
    "12345 hotline": "12345热线",
    "110 police transfer": "110警情转办",
    "web": "网站",
    "mailbox": "信箱",
    "import": "导入",
    "drill": "演练",
    "demo feed": "演示数据",
    "Grid worker": "网格员",
    "Hotline": "热线",
    "12345": "12345",
    "110 transfer": "110转办",
    "Sensor": "感知设备",
    "Web": "网站",
    "Import": "导入",
    # --- queue columns ---------------------------------------------------------------------------
    "ID": "编号",
    "Priority": "紧急程度",
    "Source": "来源",
    "Status": "状态",
    "Assignee": "承办单位",
    "Time left": "剩余时限",
    "SLA": "时限灯",
    # --- queue filters ---------------------------------------------------------------------------
    "Search id, description, address, category…": "搜索编号、描述、地址、类别…",
    "Street": "街道",
    "Time-limit colour": "时限灯色",
    "Drill": "演练",
    "All active": "全部在办",
    "Any colour": "全部灯色",
    "No time limit": "无时限",
    "Real and drill": "真实与演练",
    "Real only": "仅真实事件",
    "Drill only": "仅演练",
    "All categories": "全部类别",
    "Parts": "部件",
    "Events": "事件",
    "All streets": "全部街道",
    "All sources": "全部来源",
    "{shown} shown of {total}": "显示 {shown} / 共 {total} 条",
    # --- main window -----------------------------------------------------------------------------
    "Command Center Console": "指挥中心工作台",
    "Map — arrives with the live map": "地图 — 实时地图功能上线后显示",
    "Video wall — arrives with the video wall": "视频墙 — 视频墙功能上线后显示",
    "Incident queue": "事件队列",
    "Incident": "事件详情",
    "Dashboard": "态势看板",
    "Video wall": "视频墙",
    "&View": "视图(&V)",
    "Reset layout": "重置布局",
    "Dark theme (wall)": "深色主题（大屏）",
    "Light theme": "浅色主题",
    "&Language": "语言(&L)",
    "Quit": "退出",
    # --- help / optional parts -------------------------------------------------------------------
    "&Help": "帮助(&H)",
    "About": "关于",
    "Command Center Console {version}": "指挥中心控制台 {version}",
    "Hub: {hub}": "服务端：{hub}",
    "Unavailable on this machine:": "本机不可用的部件：",
    "All optional parts are loaded (video, sound).": "所有可选部件均已加载（视频、声音）。",
    "The map's web engine runs without its sandbox (started as root).":
        "地图的网页引擎未启用沙箱运行（以 root 身份启动）。",
    "Video unavailable:": "视频不可用：",
    "QtMultimedia could not be loaded": "无法加载 QtMultimedia",
    "Video unavailable: {reason}": "视频不可用：{reason}",
    # --- the clock's colour changes on the timeline (green→blue) ------------------------------
    "The control room urges incident {id}, assigned to your team: {description}":
        "指挥中心催办本队承办的事件 {id}：{description}",
    # --- the history view ------------------------------------------------------------------------
    "History": "历史案件",
    "Searching…": "正在查询…",
    "not connected to the hub": "未连接服务端",
    "{n} cases shown; more on the hub": "已显示 {n} 件，服务端还有更多",
    "{n} cases found": "共找到 {n} 件",
    "The search failed: {why}": "查询失败：{why}",
    "Search text, id, address…": "搜索描述、编号、地址…",
    "Grid code": "网格编码",
    "Reported from": "上报时间自",
    "Search": "查询",
    "More": "更多",
    "Any status": "全部状态",
    "Open": "在办",
    "Closed, rejected or merged": "已结案、作废或合并",
    "Any category": "全部类别",
    "Any street": "全部街道",
    "green": "绿灯",
    "blue": "蓝灯",
    "red": "红灯",
    "Language": "语言",
    "The console will use the new language the next time it starts.": "下次启动工作台时将使用新的界面语言。",
    "{user} · {role}": "{user} · {role}",
    "● Online": "● 在线",
    "Hub unreachable since {since} — showing the last known state (stale); reconnecting…":
        "自 {since} 起无法连接服务端 — 当前显示最后已知状态（可能已过时），正在重新连接…",
    "● Offline since {since}": "● 离线（自 {since} 起）",
    "no data yet": "暂无数据",
    "data as of {time} ({age} s ago)": "数据时间 {time}（{age} 秒前）",
    "Offline: the command was not sent": "已离线：指令未发送",
    "New urgent incident {id}: {description}": "新紧急事件 {id}：{description}",
    "Overdue: incident {id} passed its deadline — {description}": "超时：事件 {id} 已超过办理时限 — {description}",
    # the live map (map_view.py, main_window.py)
    "Grids": "网格",
    "Boundaries": "边界",
    "Incidents": "事件",
    "Field units": "处置力量",
    "Cameras": "摄像头",
    "Show or hide this layer": "显示或隐藏此图层",
    "Grids: no fill": "网格：不着色",
    "Grids: open-incident load": "网格：按在办事件量着色",
    "Grids: worst SLA": "网格：按最差时限状态着色",
    "Last 1 h": "近 1 小时",
    "Last 6 h": "近 6 小时",
    "Last 24 h": "近 24 小时",
    "How grids are filled": "网格着色方式",
    "Show incidents reported within this time": "只显示此时段内上报的事件",
    "Whole district": "全区",
    "Zoom out to the whole district": "缩放到全区范围",
    "DRILL": "演练",
    "camera": "摄像头",
    "{n} incidents here; click to zoom in": "此处 {n} 件事件，点击放大",
    "free": "空闲",
    "en route": "在途",
    "on scene": "在现场",
    "busy": "忙碌",
    "off duty": "下班",
    "Legend": "图例",
    "Nearing the limit": "临近时限",
    "No clock": "未计时",
    "Urgent (triangle)": "紧急（三角形）",
    "Drill incident": "演练事件",
    "Camera": "摄像头",
    "{n} incidents · {u} units": "{n} 件事件 · {u} 个处置单元",
    "Unit {unit} ({team}): {status}": "处置单元 {unit}（{team}）：{status}",
    # wall display (wall.py, main_window.py)
    "Wall display": "大屏显示",
    "Overview: map and counters (1 screen)": "总览：地图与统计（1 块屏）",
    "Queue and counters (1 screen)": "事件队列与统计（1 块屏）",
    "Video 3×3 (1 screen)": "视频 3×3（1 块屏）",
    "Command: map, queue, video (3 screens)": "指挥：地图、队列、视频（3 块屏）",
    "Full: map, queue, video, streets (4 screens)": "全景：地图、队列、视频、街道（4 块屏）",
    "[DRILL] {text}": "【演练】{text}",
    "District map": "全区地图",
    "Incidents now": "当前事件",
    "Streets": "街道态势",
    "Hub unreachable — the wall shows the last known state": "无法连接服务端 — 大屏显示最后已知状态",
    "Urgent incident {id}: {description}": "紧急事件 {id}：{description}",
    "as of {time}": "数据时间 {time}",
    "({age} s ago)": "（{age} 秒前）",
    "Wall display — screen {n}": "大屏显示 — 第 {n} 块屏",
}

# Strings of other modules, kept in their own glossaries (tools/i18n_<name>.py, a ZH dict each).
for _extra in sorted(Path(__file__).resolve().parent.glob("i18n_*.py")):
    if _extra.name != Path(__file__).name:
        _ns: dict = {}
        exec(compile(_extra.read_text(encoding="utf-8"), str(_extra), "exec"), _ns)  # a plain dict literal
        for _k, _v in _ns.get("ZH", {}).items():
            ZH.setdefault(_k, _v)

# (context, source) → Chinese, where one English word needs a different Chinese one in one place.
# Example: ("IncidentPanel", "Reported"): "上报时间" (not used: there the same source is also a state name).
ZH_BY_CONTEXT: dict[tuple[str, str], str] = {}

# Strings that reach Qt through a wrapper lupdate cannot see (queue.py's module-level _tr() calls
# QCoreApplication.translate("IncidentQueue", …)). They are added to both files if absent; note that
# `lupdate -no-obsolete` drops them again, so run this script after every lupdate.
EXTRA: list[tuple[str, str]] = [
    ("IncidentQueue", "-{time} overdue"),
    ("IncidentQueue", "urged ×{n}"),
    ("IncidentQueue", "⏸ parked {since}: {reason}"),
]

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?n|%\d+")
_ACCEL = re.compile(r"&([^&\s])")


def chinese(context: str, source: str) -> str | None:
    return ZH_BY_CONTEXT.get((context, source), ZH.get(source))


def problems(source: str, text: str) -> list[str]:
    """Placeholders and accelerators of the translation that do not match the source's."""
    out = []
    if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(text)):
        out.append(f"placeholders differ: {source!r} → {text!r}")
    src_acc = [a.lower() for a in _ACCEL.findall(source)]
    if src_acc and [a.lower() for a in _ACCEL.findall(text)] != src_acc:
        out.append(f"accelerator differs: {source!r} → {text!r}")
    return out


def _context(root: ET.Element, name: str) -> ET.Element:
    for ctx in root.iter("context"):
        if ctx.findtext("name") == name:
            return ctx
    # keep contexts sorted like lupdate does
    ctx = ET.Element("context")
    ctx.text = "\n    "
    ctx.tail = "\n"
    ET.SubElement(ctx, "name").text = name
    ctx[0].tail = "\n"
    contexts = root.findall("context")
    pos = next((list(root).index(c) for c in contexts if (c.findtext("name") or "") > name), len(root))
    root.insert(pos, ctx)
    return ctx


def _add_extras(root: ET.Element) -> int:
    added = 0
    for ctx_name, source in EXTRA:
        ctx = _context(root, ctx_name)
        if any(m.findtext("source") == source for m in ctx.iter("message")):
            continue
        # lupdate's layout: contexts at column 0, messages indented by 4, their children by 8
        ctx[-1].tail = "\n    "
        msg = ET.SubElement(ctx, "message")
        msg.text = "\n        "
        msg.tail = "\n"
        ET.SubElement(msg, "source").text = source
        msg[-1].tail = "\n        "
        ET.SubElement(msg, "translation", type="unfinished").tail = "\n    "
        added += 1
    return added


def _set(tr: ET.Element, msg: ET.Element, text: str) -> None:
    if msg.get("numerus") == "yes":  # Chinese has one plural form
        for child in list(tr):
            tr.remove(child)
        tr.text = None
        form = ET.SubElement(tr, "numerusform")
        form.text = text
    else:
        tr.text = text
    tr.attrib.pop("type", None)


def _current(tr: ET.Element) -> str:
    forms = tr.findall("numerusform")
    return "".join((f.text or "") for f in forms) if forms else (tr.text or "")


def fill(path: Path, lookup, force: bool, check: bool) -> tuple[int, int, list[str]]:
    """Returns (filled, kept, problems) for one .ts file; writes it back unless check."""
    tree = ET.parse(path)
    root = tree.getroot()
    added = 0 if check else _add_extras(root)
    filled = kept = 0
    issues: list[str] = []
    done: dict[str, set[str]] = {}  # source → its finished translations anywhere in the file
    for msg in root.iter("message"):
        tr = msg.find("translation")
        if tr is not None and tr.get("type") is None and _current(tr).strip():
            done.setdefault(msg.findtext("source") or "", set()).add(_current(tr))
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation", type="unfinished")
            kind = tr.get("type")
            if kind in ("vanished", "obsolete"):
                continue
            current = _current(tr).strip()
            if current and kind != "unfinished" and not force:
                kept += 1
                issues += [f"{path.name} [{name}] {p}" for p in problems(source, _current(tr))]
                continue
            text = lookup(name, source)
            if current and kind == "unfinished" and not force:
                if current in done.get(source, ()):
                    text = current  # lupdate's same-text guess from a finished message: confirm it
                elif text is None or msg.find("oldsource") is None and current != text:
                    # a draft typed in Linguist (or a guess we cannot vouch for): a person decides
                    issues.append(f"{path.name} [{name}] {source!r}: unfinished draft {current!r} left as is")
                    continue
            if text is None:
                issues.append(f"{path.name} [{name}] {source!r}: no translation in tools/i18n_fill.py")
                continue
            bad = problems(source, text)
            if bad:
                issues += [f"{path.name} [{name}] {p}" for p in bad]
                continue
            if not check:
                _set(tr, msg, text)
                old = msg.find("oldsource")
                if old is not None:
                    msg.remove(old)
            filled += 1
    if not check and (filled or added):
        _write(tree, path)
    return filled, kept, issues


def _write(tree: ET.ElementTree, path: Path) -> None:
    # written the way lupdate writes it, so that the two tools do not fight over layout
    body = ET.tostring(tree.getroot(), encoding="unicode").replace(" />", "/>").replace("'", "&apos;")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--force", action="store_true", help="overwrite finished translations too")
    ap.add_argument("--check", action="store_true", help="report only; write nothing")
    ap.add_argument("--no-release", action="store_true", help="do not run pyside6-lrelease afterwards")
    args = ap.parse_args(argv)

    issues: list[str] = []
    pending = 0
    for path, lookup in ((ZH_TS, chinese), (EN_TS, lambda _ctx, src: src)):
        filled, kept, bad = fill(path, lookup, args.force, args.check)
        issues += bad
        pending += filled
        verb = "would fill" if args.check else "filled"
        print(f"{path.relative_to(ROOT)}: {verb} {filled}, kept {kept}")

    if not args.check and not args.no_release:
        lrelease = Path(sys.executable).parent / "pyside6-lrelease"
        subprocess.run([str(lrelease if lrelease.exists() else "pyside6-lrelease"), str(ZH_TS), str(EN_TS)],
                       check=True)
    for line in issues:
        print("!", line, file=sys.stderr)
    if args.check:
        return 1 if issues or pending else 0
    return 1 if issues else 0


if __name__ == "__main__":
    sys.exit(main())
