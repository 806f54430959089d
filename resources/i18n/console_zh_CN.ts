<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraTile</name>
    <message>
        <location filename="../../console/views/video/tile.py" line="413"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="413"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="414"/>
        <source>ALARM</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="474"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="492"/>
        <source>{m} m away</source>
        <translation>距离 {m} 米</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="528"/>
        <source>No camera on this tile</source>
        <translation>此画面未选择摄像头</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="529"/>
        <source>Right-click to choose a camera</source>
        <translation>右键选择摄像头</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="531"/>
        <source>No video stream configured</source>
        <translation>未配置视频流</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="534"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="536"/>
        <source>Paused while not on screen</source>
        <translation>未显示，已暂停解码</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="539"/>
        <source>Retrying in {s} s (attempt {n})</source>
        <translation>{s} 秒后重连（第 {n} 次）</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="540"/>
        <source>Retrying…</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="542"/>
        <source>NO SIGNAL</source>
        <translation>无信号</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="550"/>
        <source>Video unavailable:</source>
        <translation>视频不可用：</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="551"/>
        <source>QtMultimedia could not be loaded</source>
        <translation>无法加载 QtMultimedia</translation>
    </message>
</context>
<context>
    <name>Counters</name>
    <message>
        <location filename="../../console/views/dashboard.py" line="24"/>
        <source>Active</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../console/views/dashboard.py" line="24"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/views/dashboard.py" line="24"/>
        <source>Nearing limit</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location filename="../../console/views/dashboard.py" line="25"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../console/views/history.py" line="135"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="139"/>
        <source>not connected to the hub</source>
        <translation>未连接服务端</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="156"/>
        <source>{n} cases shown; more on the hub</source>
        <translation>已显示 {n} 件，服务端还有更多</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="157"/>
        <source>{n} cases found</source>
        <translation>共找到 {n} 件</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="163"/>
        <source>The search failed: {why}</source>
        <translation>查询失败：{why}</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="184"/>
        <location filename="../../console/views/history.py" line="196"/>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="184"/>
        <source>Accepted</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="184"/>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="185"/>
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="185"/>
        <source>Returned</source>
        <translation>已退单</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="186"/>
        <source>Escalated</source>
        <translation>已吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="186"/>
        <source>Resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="186"/>
        <source>Verified</source>
        <translation>已核查</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="187"/>
        <location filename="../../console/views/history.py" line="200"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="187"/>
        <source>Rejected</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="187"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="191"/>
        <source>Search text, id, address…</source>
        <translation>搜索描述、编号、地址…</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="192"/>
        <source>Grid code</source>
        <translation>网格编码</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="193"/>
        <source>Reported from</source>
        <translation>上报时间自</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="194"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="195"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="196"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="196"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="197"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="197"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="199"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="199"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="200"/>
        <source>Closed, rejected or merged</source>
        <translation>已结案、作废或合并</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="201"/>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="204"/>
        <source>Any street</source>
        <translation>全部街道</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <location filename="../../console/views/incident/panel.py" line="156"/>
        <source>Done</source>
        <translation>操作成功</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="156"/>
        <source>Refused</source>
        <translation>操作被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="189"/>
        <source>No time limit running</source>
        <translation>当前无计时</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="196"/>
        <source>{stage}: {left} left (due {due})</source>
        <translation>{stage}：剩余 {left}（{due} 截止）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="199"/>
        <source>{stage}: OVERDUE by {late} (was due {due})</source>
        <translation>{stage}：已超时 {late}（应于 {due} 前完成）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="227"/>
        <source>Select an incident</source>
        <translation>请选择事件</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="228"/>
        <source>DRILL 演练</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="229"/>
        <source>An exercise: not a real incident</source>
        <translation>演练：非真实事件</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="230"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="231"/>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="232"/>
        <source>Timeline</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="234"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="234"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="234"/>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="235"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="235"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="235"/>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="236"/>
        <source>Reporter</source>
        <translation>上报人</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="236"/>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="236"/>
        <location filename="../../console/views/incident/panel.py" line="287"/>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="237"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="237"/>
        <source>Assigned to</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="237"/>
        <source>Rework</source>
        <translation>返工次数</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="238"/>
        <source>Merged into</source>
        <translation>合并至</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="238"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="242"/>
        <source>Note / reason (N)</source>
        <translation>备注/原因（N）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="243"/>
        <source>Required to reject, return, escalate, reopen or fail a check</source>
        <translation>作废、退单、吹哨、重启或核查不通过时必填</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="244"/>
        <source>N focuses this field; Ctrl+Enter accepts</source>
        <translation>按 N 定位到此栏；Ctrl+Enter 立案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="246"/>
        <location filename="../../console/views/incident/panel.py" line="307"/>
        <source>Accept</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="246"/>
        <source>Register the case (A or Ctrl+Enter)</source>
        <translation>受理并立案（A 或 Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="247"/>
        <location filename="../../console/views/incident/panel.py" line="307"/>
        <source>Acknowledge</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="247"/>
        <source>Sign for the case on behalf of the team</source>
        <translation>代表处置队伍签收案件</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="248"/>
        <source>Reject</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="248"/>
        <source>Void the case; the reason in the note field is required</source>
        <translation>作废案件，须在备注栏填写原因</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="249"/>
        <source>Return</source>
        <translation>退单</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="249"/>
        <source>Send the case back; the reason is required</source>
        <translation>退回案件，须填写原因</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="250"/>
        <location filename="../../console/views/incident/panel.py" line="308"/>
        <source>Resolve</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="250"/>
        <source>Report the case handled; the note says how</source>
        <translation>反馈已处置，在备注中说明处置情况</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="251"/>
        <source>Check passed</source>
        <translation>核查通过</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="251"/>
        <source>Verified on site: really fixed</source>
        <translation>现场核查：确已解决</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="252"/>
        <source>Check failed</source>
        <translation>核查不通过</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="252"/>
        <source>Not fixed: back to the team as rework; say why</source>
        <translation>未解决：退回原队伍返工，须说明原因</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="253"/>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="253"/>
        <source>Add the note field&apos;s text to the timeline</source>
        <translation>将备注栏内容记入办理记录</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="254"/>
        <location filename="../../console/views/incident/panel.py" line="307"/>
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="255"/>
        <source>Send to the chosen team or department (D sends to the first recommendation)</source>
        <translation>派遣至所选队伍或部门（按 D 派给首个推荐队伍）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="256"/>
        <source>Escalate</source>
        <translation>吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="256"/>
        <source>Call a district department; the reason is required</source>
        <translation>向区级部门吹哨，须填写原因</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="257"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="257"/>
        <source>Mark this case a duplicate of the chosen one</source>
        <translation>标记为所选案件的重复案件</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="258"/>
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="258"/>
        <source>Close after the call-back with the reporter&apos;s rating</source>
        <translation>回访后按上报人评价结案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="259"/>
        <source>Reopen</source>
        <translation>重启</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="259"/>
        <source>Open the case again; the reason is required</source>
        <translation>重新开启案件，须填写原因</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="264"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="265"/>
        <source>Recompute the recommended teams from the live units</source>
        <translation>根据实时力量重新计算推荐队伍</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="267"/>
        <source>Recommended free teams first (distance, open cases); D dispatches to the first</source>
        <translation>优先推荐空闲队伍（按距离、在办案件数）；按 D 派给首个</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="268"/>
        <source>Possible duplicates nearby (same category, within 500 m and 24 h)</source>
        <translation>附近疑似重复案件（同类别，500 米、24 小时内）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="269"/>
        <source>Or type the id of the incident to merge into</source>
        <translation>或输入要并入的事件编号</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="270"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="270"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="270"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="270"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="272"/>
        <source>Offline: the data shown may be stale; actions are disabled until the hub is back.</source>
        <translation>已离线：显示的数据可能已过时；与服务端恢复连接前无法操作。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="278"/>
        <source>Call-back rating…</source>
        <translation>回访评价…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="280"/>
        <source>{stars} {n} of 5</source>
        <translation>{stars} {n} 分</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="281"/>
        <source>No call-back (unrated)</source>
        <translation>未回访（不评价）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="287"/>
        <source>Accepted</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="287"/>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="288"/>
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="288"/>
        <source>Returned</source>
        <translation>已退单</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="289"/>
        <source>Escalated</source>
        <translation>已吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="289"/>
        <source>Resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="289"/>
        <source>Verified</source>
        <translation>已核查</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="290"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="290"/>
        <source>Rejected</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="290"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="296"/>
        <source>report</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="296"/>
        <source>accept</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="296"/>
        <source>reject</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="297"/>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="297"/>
        <source>dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="297"/>
        <source>acknowledge</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="298"/>
        <source>return</source>
        <translation>退单</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="298"/>
        <source>escalate</source>
        <translation>吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="298"/>
        <source>resolve</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="299"/>
        <source>check passed</source>
        <translation>核查通过</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="299"/>
        <source>check failed</source>
        <translation>核查不通过</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="300"/>
        <source>close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="300"/>
        <source>reopen</source>
        <translation>重启</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="300"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="301"/>
        <source>time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="308"/>
        <source>Verify</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="314"/>
        <source>viewer</source>
        <translation>只读用户</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="314"/>
        <source>operator</source>
        <translation>受理员</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="314"/>
        <source>supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="315"/>
        <source>field</source>
        <translation>外勤人员</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="315"/>
        <location filename="../../console/views/incident/panel.py" line="323"/>
        <source>sensor</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="315"/>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="316"/>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="322"/>
        <source>grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="322"/>
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="323"/>
        <source>110 police transfer</source>
        <translation>110警情转办</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="323"/>
        <source>web</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="324"/>
        <source>mailbox</source>
        <translation>信箱</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="324"/>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="324"/>
        <source>drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="325"/>
        <source>demo feed</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="368"/>
        <source>URGENT</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="368"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="372"/>
        <source>On time</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="372"/>
        <source>Nearing limit</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="372"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="403"/>
        <source>Open photo</source>
        <translation>查看照片</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="411"/>
        <source>{name} — escalated</source>
        <translation>{name}（已吹哨）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="499"/>
        <source>green</source>
        <translation>绿灯</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="499"/>
        <source>blue</source>
        <translation>蓝灯</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="499"/>
        <source>red</source>
        <translation>红灯</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="41"/>
        <source>★ {name} — {dist}, {load} open</source>
        <translation>★ {name} — {dist}，在办 {load} 件</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="44"/>
        <source>(not capable)</source>
        <translation>（无处置能力）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="57"/>
        <location filename="../../console/views/incident/actions.py" line="86"/>
        <source>Department: {name}</source>
        <translation>部门：{name}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="82"/>
        <source>Reopen to…</source>
        <translation>重启后交由…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="101"/>
        <source>{id} — {dist}, reported {ago} ago — {desc}</source>
        <translation>{id} — {dist}，{ago} 前上报 — {desc}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="119"/>
        <source>Sent; waiting for the hub…</source>
        <translation>已发送，等待服务端响应…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="133"/>
        <source>Write the reason in the note field first.</source>
        <translation>请先在备注栏填写原因。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="135"/>
        <source>Write the note first.</source>
        <translation>请先填写备注。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="151"/>
        <source>Choose a team or department.</source>
        <translation>请选择队伍或部门。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="159"/>
        <source>Choose a department.</source>
        <translation>请选择部门。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="167"/>
        <source>Choose the incident this one duplicates.</source>
        <translation>请选择与本事件重复的事件。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="176"/>
        <source>Choose the call-back rating, or “no call-back”.</source>
        <translation>请选择回访评价，或选择“未回访”。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="187"/>
        <source>This case never had an assignee: choose who gets it.</source>
        <translation>此案件从未派遣：请选择承办单位。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="197"/>
        <source>No free team to recommend; choose a target in the list.</source>
        <translation>没有可推荐的空闲队伍，请在列表中选择派遣对象。</translation>
    </message>
</context>
<context>
    <name>IncidentQueue</name>
    <message>
        <source>-{time} overdue</source>
        <translation>已超时 {time}</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../console/views/queue/model.py" line="231"/>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="231"/>
        <source>Accepted</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="232"/>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="232"/>
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="233"/>
        <source>Returned</source>
        <translation>已退单</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="233"/>
        <source>Escalated</source>
        <translation>已吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="234"/>
        <source>Resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="234"/>
        <source>Verified</source>
        <translation>已核查</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="235"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="235"/>
        <source>Rejected</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="235"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="237"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="237"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="238"/>
        <source>Green</source>
        <translation>绿灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="238"/>
        <source>Blue</source>
        <translation>蓝灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="238"/>
        <source>Red</source>
        <translation>红灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="239"/>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="239"/>
        <source>Hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="239"/>
        <source>12345</source>
        <translation>12345</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="240"/>
        <source>110 transfer</source>
        <translation>110转办</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="240"/>
        <source>Sensor</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="240"/>
        <source>Web</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="241"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="243"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="243"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="243"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="244"/>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="244"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="244"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="245"/>
        <source>Assignee</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="245"/>
        <source>Time left</source>
        <translation>剩余时限</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="246"/>
        <source>SLA</source>
        <translation>时限灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="482"/>
        <source>Deadline {when} ({left})</source>
        <translation>截止 {when}（{left}）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/views/main_window.py" line="69"/>
        <source>Command Center Console</source>
        <translation>指挥中心工作台</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="102"/>
        <source>Incident queue</source>
        <translation>事件队列</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="103"/>
        <source>Incident</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="104"/>
        <source>Dashboard</source>
        <translation>态势看板</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="105"/>
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="108"/>
        <source>History</source>
        <translation>历史案件</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="167"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="171"/>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="175"/>
        <source>Dark theme (wall)</source>
        <translation>深色主题（大屏）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="175"/>
        <source>Light theme</source>
        <translation>浅色主题</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="181"/>
        <source>Wall display</source>
        <translation>大屏显示</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="186"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="194"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="198"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="199"/>
        <location filename="../../console/views/main_window.py" line="227"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="213"/>
        <source>Command Center Console {version}</source>
        <translation>指挥中心控制台 {version}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="214"/>
        <source>Hub: {hub}</source>
        <translation>服务端：{hub}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="218"/>
        <source>Unavailable on this machine:</source>
        <translation>本机不可用的部件：</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="221"/>
        <source>All optional parts are loaded (video, sound).</source>
        <translation>所有可选部件均已加载（视频、声音）。</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="223"/>
        <source>The map&apos;s web engine runs without its sandbox (started as root).</source>
        <translation>地图的网页引擎未启用沙箱运行（以 root 身份启动）。</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="263"/>
        <source>Overview: map and counters (1 screen)</source>
        <translation>总览：地图与统计（1 块屏）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="264"/>
        <source>Queue and counters (1 screen)</source>
        <translation>事件队列与统计（1 块屏）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="265"/>
        <source>Video 3×3 (1 screen)</source>
        <translation>视频 3×3（1 块屏）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="266"/>
        <source>Command: map, queue, video (3 screens)</source>
        <translation>指挥：地图、队列、视频（3 块屏）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="267"/>
        <source>Full: map, queue, video, streets (4 screens)</source>
        <translation>全景：地图、队列、视频、街道（4 块屏）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="293"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="294"/>
        <source>The console will use the new language the next time it starts.</source>
        <translation>下次启动工作台时将使用新的界面语言。</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="341"/>
        <source>{user} · {role}</source>
        <translation>{user} · {role}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="346"/>
        <source>viewer</source>
        <translation>只读用户</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="346"/>
        <source>operator</source>
        <translation>受理员</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="347"/>
        <source>supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="347"/>
        <source>field</source>
        <translation>外勤人员</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="348"/>
        <source>sensor</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="348"/>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="368"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="373"/>
        <source>The hub refused this console&apos;s token ({why}); check the token. Showing the last known state.</source>
        <translation>服务端拒绝了本控制台的令牌（{why}），请检查令牌。当前显示最后已知状态。</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="376"/>
        <source>Hub unreachable since {since} — showing the last known state (stale); reconnecting…</source>
        <translation>自 {since} 起无法连接服务端 — 当前显示最后已知状态（可能已过时），正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="380"/>
        <source>● Offline since {since}</source>
        <translation>● 离线（自 {since} 起）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="388"/>
        <source>no data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="392"/>
        <source>data as of {time} ({age} s ago)</source>
        <translation>数据时间 {time}（{age} 秒前）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="425"/>
        <source>[DRILL] {text}</source>
        <translation>【演练】{text}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="445"/>
        <source>Unit {unit} ({team}): {status}</source>
        <translation>处置单元 {unit}（{team}）：{status}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="491"/>
        <source>Offline: the command was not sent</source>
        <translation>已离线：指令未发送</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="493"/>
        <source>Done</source>
        <translation>操作成功</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="499"/>
        <source>New urgent incident {id}: {description}</source>
        <translation>新紧急事件 {id}：{description}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="501"/>
        <source>The control room urges incident {id}, assigned to your team: {description}</source>
        <translation>指挥中心催办本队承办的事件 {id}：{description}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="503"/>
        <source>Overdue: incident {id} passed its deadline — {description}</source>
        <translation>超时：事件 {id} 已超过办理时限 — {description}</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../console/views/map/view.py" line="165"/>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="165"/>
        <source>Boundaries</source>
        <translation>边界</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="165"/>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="166"/>
        <source>Field units</source>
        <translation>处置力量</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="166"/>
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="169"/>
        <source>Show or hide this layer</source>
        <translation>显示或隐藏此图层</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="171"/>
        <source>Grids: no fill</source>
        <translation>网格：不着色</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="171"/>
        <source>Grids: open-incident load</source>
        <translation>网格：按在办事件量着色</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="172"/>
        <source>Grids: worst SLA</source>
        <translation>网格：按最差时限状态着色</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="173"/>
        <source>All active</source>
        <translation>全部在办</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="173"/>
        <source>Last 1 h</source>
        <translation>近 1 小时</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="173"/>
        <source>Last 6 h</source>
        <translation>近 6 小时</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="174"/>
        <source>Last 24 h</source>
        <translation>近 24 小时</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="184"/>
        <source>How grids are filled</source>
        <translation>网格着色方式</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="185"/>
        <source>Show incidents reported within this time</source>
        <translation>只显示此时段内上报的事件</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="186"/>
        <source>Whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="187"/>
        <source>Zoom out to the whole district</source>
        <translation>缩放到全区范围</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="195"/>
        <source>DRILL</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="196"/>
        <source>camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="197"/>
        <source>{n} incidents here; click to zoom in</source>
        <translation>此处 {n} 件事件，点击放大</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="198"/>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="198"/>
        <source>en route</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="198"/>
        <source>on scene</source>
        <translation>在现场</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="199"/>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="199"/>
        <source>off duty</source>
        <translation>下班</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="200"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="200"/>
        <source>On time</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="200"/>
        <source>Nearing the limit</source>
        <translation>临近时限</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="201"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="201"/>
        <source>No clock</source>
        <translation>未计时</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="201"/>
        <source>Urgent (triangle)</source>
        <translation>紧急（三角形）</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="202"/>
        <source>Drill incident</source>
        <translation>演练事件</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="202"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="432"/>
        <source>{n} incidents · {u} units</source>
        <translation>{n} 件事件 · {u} 个处置单元</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../console/views/queue/view.py" line="193"/>
        <source>Search id, description, address, category…</source>
        <translation>搜索编号、描述、地址、类别…</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="194"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="195"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="196"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="197"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="198"/>
        <source>Time-limit colour</source>
        <translation>时限灯色</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="199"/>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="201"/>
        <source>All active</source>
        <translation>全部在办</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="203"/>
        <source>Any colour</source>
        <translation>全部灯色</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="203"/>
        <source>Red</source>
        <translation>红灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="203"/>
        <source>Blue</source>
        <translation>蓝灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="204"/>
        <source>Green</source>
        <translation>绿灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="204"/>
        <source>No time limit</source>
        <translation>无时限</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="205"/>
        <source>Real and drill</source>
        <translation>真实与演练</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="205"/>
        <source>Real only</source>
        <translation>仅真实事件</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="206"/>
        <source>Drill only</source>
        <translation>仅演练</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="214"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="216"/>
        <source>Parts</source>
        <translation>部件</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="216"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="224"/>
        <source>All streets</source>
        <translation>全部街道</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="229"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="236"/>
        <source>{shown} shown of {total}</source>
        <translation>显示 {shown} / 共 {total} 条</translation>
    </message>
</context>
<context>
    <name>StreamPlayer</name>
    <message>
        <location filename="../../console/views/video/player.py" line="226"/>
        <location filename="../../console/views/video/player.py" line="231"/>
        <location filename="../../console/views/video/player.py" line="238"/>
        <source>The stream could not be opened</source>
        <translation>无法打开视频流</translation>
    </message>
    <message>
        <location filename="../../console/views/video/player.py" line="227"/>
        <source>The stream&apos;s format is not supported</source>
        <translation>不支持该视频流格式</translation>
    </message>
    <message>
        <location filename="../../console/views/video/player.py" line="228"/>
        <source>Network error</source>
        <translation>网络错误</translation>
    </message>
    <message>
        <location filename="../../console/views/video/player.py" line="229"/>
        <source>Access to the stream was denied</source>
        <translation>无权访问该视频流</translation>
    </message>
    <message>
        <location filename="../../console/views/video/player.py" line="236"/>
        <source>The stream ended</source>
        <translation>视频流已结束</translation>
    </message>
    <message>
        <location filename="../../console/views/video/player.py" line="246"/>
        <source>No picture within {s} s</source>
        <translation>{s} 秒内无画面</translation>
    </message>
    <message>
        <location filename="../../console/views/video/player.py" line="248"/>
        <source>No new picture for {s} s</source>
        <translation>{s} 秒无新画面</translation>
    </message>
</context>
<context>
    <name>StreetBoard</name>
    <message>
        <location filename="../../console/views/wall/panels.py" line="81"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="81"/>
        <source>Active</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="81"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="82"/>
        <source>Nearing limit</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="82"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
</context>
<context>
    <name>VideoWall</name>
    <message>
        <location filename="../../console/views/video/controls.py" line="35"/>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="57"/>
        <source>Video unavailable: {reason}</source>
        <translation>视频不可用：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="84"/>
        <source>Near incident {id}</source>
        <translation>事件 {id} 附近</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="87"/>
        <source>{name} · {m} m</source>
        <translation>{name} · {m} 米</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="91"/>
        <source>Show camera</source>
        <translation>选择摄像头</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="98"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="102"/>
        <source>Unpin</source>
        <translation>取消上墙</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="106"/>
        <source>Lock (incidents do not replace it)</source>
        <translation>锁定（关联事件时不替换）</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="112"/>
        <source>Enlarge</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="115"/>
        <source>Back to the wall</source>
        <translation>返回多画面</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="118"/>
        <source>Retry now</source>
        <translation>立即重连</translation>
    </message>
    <message>
        <location filename="../../console/views/video/wall.py" line="513"/>
        <source>Incident {id}: {n} cameras within {r} m</source>
        <translation>事件 {id}：{r} 米内 {n} 路摄像头</translation>
    </message>
    <message>
        <location filename="../../console/views/video/wall.py" line="516"/>
        <source>Incident {id}: no camera within {r} m</source>
        <translation>事件 {id}：{r} 米内无摄像头</translation>
    </message>
    <message>
        <location filename="../../console/views/video/wall.py" line="518"/>
        <source>No incident pinned</source>
        <translation>未关联事件</translation>
    </message>
</context>
<context>
    <name>WallController</name>
    <message>
        <location filename="../../console/views/wall/controller.py" line="95"/>
        <source>District map</source>
        <translation>全区地图</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="95"/>
        <source>Incidents now</source>
        <translation>当前事件</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="96"/>
        <source>Incident queue</source>
        <translation>事件队列</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="96"/>
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="97"/>
        <source>Streets</source>
        <translation>街道态势</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="187"/>
        <source>Hub unreachable — the wall shows the last known state</source>
        <translation>无法连接服务端 — 大屏显示最后已知状态</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="218"/>
        <source>Urgent incident {id}: {description}</source>
        <translation>紧急事件 {id}：{description}</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="247"/>
        <source>no data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="251"/>
        <source>as of {time}</source>
        <translation>数据时间 {time}</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="253"/>
        <source>({age} s ago)</source>
        <translation>（{age} 秒前）</translation>
    </message>
</context>
<context>
    <name>WallScreen</name>
    <message>
        <location filename="../../console/views/wall/panels.py" line="134"/>
        <source>Wall display — screen {n}</source>
        <translation>大屏显示 — 第 {n} 块屏</translation>
    </message>
</context>
</TS>
