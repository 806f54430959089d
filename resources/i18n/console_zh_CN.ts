<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name/>
    <message>
        <location filename="../../console/views/eval_charts.py" line="56"/>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="56"/>
        <source>Accepted</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="56"/>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="57"/>
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="57"/>
        <source>Returned</source>
        <translation>已退单</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="57"/>
        <source>Escalated</source>
        <translation>已吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="58"/>
        <source>Resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="58"/>
        <source>Verified</source>
        <translation>已核查</translation>
    </message>
</context>
<context>
    <name>CallForm</name>
    <message>
        <location filename="../../console/views/calltaking.py" line="238"/>
        <source>New call</source>
        <translation>新来电登记</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="239"/>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="239"/>
        <source>Caller, phone</source>
        <translation>来电人、电话</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="240"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="240"/>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="240"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="241"/>
        <source>What happened</source>
        <translation>事件描述</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="241"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="251"/>
        <location filename="../../console/views/calltaking.py" line="515"/>
        <source>Proposed by the category</source>
        <translation>按类别建议</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="252"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="253"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="255"/>
        <source>Caller&apos;s name (optional)</source>
        <translation>来电人姓名（选填）</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="256"/>
        <source>Phone, e.g. 138 1234 5678</source>
        <translation>电话，如 138 1234 5678</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="257"/>
        <source>Code, name or pinyin initials (e.g. dljs) — ↓ ↑ Enter</source>
        <translation>编码、名称或拼音首字母（如 dljs）— ↓ ↑ 回车</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="259"/>
        <source>Street, community, grid code, junction, or pasted coordinates — or click the map</source>
        <translation>街道、社区、网格编码、路口，或粘贴坐标 — 也可在地图上点击</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="260"/>
        <source>House number, landmark (optional)</source>
        <translation>门牌号、标志物（选填）</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="261"/>
        <source>What the caller reports</source>
        <translation>来电人反映的情况</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="262"/>
        <source>Likely duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="263"/>
        <source>Add the caller to this case (A)</source>
        <translation>将来电人并入此案（A）</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="264"/>
        <source>Adds who called and what they said to the chosen case as a note</source>
        <translation>把来电人和反映内容作为备注加入所选案件</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="265"/>
        <source>Report anyway (R)</source>
        <translation>仍然上报（R）</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="266"/>
        <source>Report (Ctrl+Enter)</source>
        <translation>上报（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="267"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="271"/>
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="271"/>
        <source>110 police transfer</source>
        <translation>110警情转办</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="272"/>
        <source>grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="272"/>
        <source>sensor</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="272"/>
        <source>web</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="273"/>
        <source>walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="273"/>
        <source>mailbox</source>
        <translation>信箱</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="315"/>
        <source>street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="315"/>
        <source>community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="315"/>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="316"/>
        <source>junction</source>
        <translation>路口</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="316"/>
        <source>coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="379"/>
        <location filename="../../console/views/calltaking.py" line="394"/>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="379"/>
        <location filename="../../console/views/calltaking.py" line="394"/>
        <source>normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="380"/>
        <source>✓ {name} ({code}) — {priority}</source>
        <translation>✓ {name}（{code}）— {priority}</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="383"/>
        <source>No category chosen yet</source>
        <translation>尚未选择类别</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="388"/>
        <source>outside the district</source>
        <translation>不在本区范围内</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="391"/>
        <source>No place yet: pick one, paste coordinates, or click the map</source>
        <translation>尚无地点：从列表选择、粘贴坐标或在地图上点击</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="393"/>
        <source>Proposed: {priority}</source>
        <translation>建议：{priority}</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="408"/>
        <source>{id} — {dist} away — {description}</source>
        <translation>{id} — 相距 {dist} — {description}</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="421"/>
        <source>The same category within 100 m in the last 24 h. A: add the caller to the chosen case; R or Ctrl+Enter: report a new case anyway.</source>
        <translation>24 小时内 100 米范围内有同类别案件。A：将来电人并入所选案件；R 或 Ctrl+Enter：仍然上报新案件。</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="423"/>
        <source>Open cases of the same category within 100 m in the last 24 h.</source>
        <translation>24 小时内 100 米范围内同类别的未结案件。</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="440"/>
        <source>Choose the channel.</source>
        <translation>请选择来源渠道。</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="440"/>
        <source>The phone number is not valid.</source>
        <translation>电话号码无效。</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="441"/>
        <source>Choose the category.</source>
        <translation>请选择类别。</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="441"/>
        <source>Give the place.</source>
        <translation>请给出地点。</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="442"/>
        <source>The place is outside the district.</source>
        <translation>该地点不在本区范围内。</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="443"/>
        <source>Describe what happened.</source>
        <translation>请填写事件描述。</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="443"/>
        <source>Choose the priority.</source>
        <translation>请选择紧急程度。</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="461"/>
        <source>Likely duplicates found: A adds the caller to the chosen case, R reports anyway.</source>
        <translation>发现疑似重复：按 A 并入所选案件，按 R 仍然上报。</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="471"/>
        <location filename="../../console/views/calltaking.py" line="483"/>
        <source>Sent; waiting for the hub…</source>
        <translation>已发送，等待服务端响应…</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="482"/>
        <source>Another call ({channel}) from {caller}: {description}</source>
        <translation>又一来电（{channel}）{caller}：{description}</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="490"/>
        <source>Reported as {id}.</source>
        <translation>已上报，案件号 {id}。</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="497"/>
        <source>The caller was added to {id}.</source>
        <translation>来电人已并入 {id}。</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="503"/>
        <source>Not sent: {code}: {message}</source>
        <translation>未发送：{code}：{message}</translation>
    </message>
</context>
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
    <name>DebriefRunner</name>
    <message>
        <location filename="../../console/views/debrief.py" line="369"/>
        <source>Debrief</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="369"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="377"/>
        <source>A debrief is being written already.</source>
        <translation>已有一份复盘正在生成。</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="381"/>
        <source>the file must end in .pdf</source>
        <translation>文件名须以 .pdf 结尾</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="382"/>
        <source>the folder {folder} does not exist</source>
        <translation>文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="383"/>
        <location filename="../../console/views/debrief.py" line="390"/>
        <location filename="../../console/views/debrief.py" line="397"/>
        <source>Debrief not written: {why}</source>
        <translation>复盘未生成：{why}</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="386"/>
        <source>Gathering the debrief of {key} from the hub&apos;s log…</source>
        <translation>正在从中枢日志汇集 {key} 的复盘……</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="395"/>
        <source>Writing the debrief: {p} %</source>
        <translation>正在生成复盘：{p} %</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="396"/>
        <source>Debrief written to {path}</source>
        <translation>复盘已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>DebriefTexts</name>
    <message>
        <location filename="../../console/views/debrief.py" line="38"/>
        <source>Debrief: case {key}</source>
        <translation>复盘：案件 {key}</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="38"/>
        <source>Debrief: drill run {key}</source>
        <translation>复盘：演练 {key}</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="39"/>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="39"/>
        <source>by</source>
        <translation>生成人</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="39"/>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="40"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="40"/>
        <source>… and {n} more cases of the run, not told here</source>
        <translation>……本次演练另有 {n} 件案件，此处未列</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="41"/>
        <source>Timeline</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="41"/>
        <source>The center at its key moments</source>
        <translation>关键时刻的指挥中心</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="42"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="42"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="42"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="43"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="43"/>
        <location filename="../../console/views/debrief.py" line="55"/>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="43"/>
        <source>With</source>
        <translation>承办</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="44"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="44"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="44"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="44"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="45"/>
        <source>On time</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="45"/>
        <source>Nearing its limit</source>
        <translation>临近时限</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="45"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="46"/>
        <source>Field unit</source>
        <translation>外勤单元</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="46"/>
        <source>Unit of the team on the case</source>
        <translation>承办队伍的单元</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="47"/>
        <source>This debrief&apos;s case</source>
        <translation>本复盘的案件</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="48"/>
        <source>{active} active cases, {units} units; the case: {state}, {sla}, with {who}</source>
        <translation>在办案件 {active} 件，单元 {units} 个；本案：{state}，{sla}，承办 {who}</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="49"/>
        <source>{active} active cases, {units} units; the case is not open at this moment</source>
        <translation>在办案件 {active} 件，单元 {units} 个；此时本案不在办</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="50"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="50"/>
        <source>turned red</source>
        <translation>超时变红</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="55"/>
        <source>Accepted</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="55"/>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="56"/>
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="56"/>
        <source>Returned</source>
        <translation>已退单</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="57"/>
        <source>Escalated</source>
        <translation>已吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="57"/>
        <source>Resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="57"/>
        <source>Verified</source>
        <translation>已核查</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="58"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="58"/>
        <source>Rejected</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="58"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="63"/>
        <source>reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="63"/>
        <source>accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="63"/>
        <source>rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="64"/>
        <source>merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="64"/>
        <source>dispatched</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="64"/>
        <source>acknowledged</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="65"/>
        <source>returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="65"/>
        <source>escalated to a department</source>
        <translation>提级到部门</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="66"/>
        <source>resolved</source>
        <translation>处置完毕</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="66"/>
        <source>check passed</source>
        <translation>核查通过</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="67"/>
        <source>check failed</source>
        <translation>核查不通过</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="67"/>
        <source>closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="67"/>
        <source>reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="68"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="68"/>
        <source>urged</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="68"/>
        <source>call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="69"/>
        <source>more time asked</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="69"/>
        <source>more time decided</source>
        <translation>延期审批</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="70"/>
        <source>department rated</source>
        <translation>评价部门</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="70"/>
        <source>parked</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="71"/>
        <source>unparked</source>
        <translation>恢复办理</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="71"/>
        <source>closed at its source</source>
        <translation>来源方已办结</translation>
    </message>
</context>
<context>
    <name>DistrictBanner</name>
    <message>
        <location filename="../../console/views/widgets.py" line="87"/>
        <source>This hub serves {hub} ({hub_code}), but this console was started with the catalog of {mine} ({code}): the map, grids and names shown are not the hub&apos;s. Start it with --catalog and the hub&apos;s catalog.toml.</source>
        <translation>服务端管辖的是{hub}（{hub_code}），本控制台却以{mine}（{code}）的基础数据启动：所显示的地图、网格和名称都不是服务端的。请用 --catalog 指定服务端的 catalog.toml 重新启动。</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <location filename="../../console/views/evaluation.py" line="202"/>
        <location filename="../../console/views/evaluation.py" line="362"/>
        <source>The period starts after it ends.</source>
        <translation>所选时段的开始晚于结束。</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="235"/>
        <source>{n} groups · cases reported {since} – {until}</source>
        <translation>共 {n} 组 · 上报时间 {since} – {until}</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="247"/>
        <source>Not available: {code}: {message}</source>
        <translation>无法获取：{code}：{message}</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="255"/>
        <location filename="../../console/views/evaluation.py" line="445"/>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="257"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="311"/>
        <source>Export the numbers</source>
        <translation>导出考评数据</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="312"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="327"/>
        <source>Not exported: {why}</source>
        <translation>未导出：{why}</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="329"/>
        <source>Written to {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="338"/>
        <source>Shift handover report</source>
        <translation>交接班报告</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="339"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="352"/>
        <source>A handover report is being written already.</source>
        <translation>交接班报告正在生成中。</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="356"/>
        <source>the file must end in .pdf</source>
        <translation>文件名须以 .pdf 结尾</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="357"/>
        <source>the folder {folder} does not exist</source>
        <translation>文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="358"/>
        <location filename="../../console/views/evaluation.py" line="397"/>
        <location filename="../../console/views/evaluation.py" line="402"/>
        <source>Not written: {why}</source>
        <translation>未能生成：{why}</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="395"/>
        <source>Handover report written to {path}</source>
        <translation>交接班报告已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="437"/>
        <source>This shift</source>
        <translation>本班次</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="437"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="438"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="438"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="439"/>
        <source>Dates…</source>
        <translation>自定日期…</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="442"/>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="442"/>
        <source>By team</source>
        <translation>按队伍</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="443"/>
        <source>By street</source>
        <translation>按街道</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="443"/>
        <source>By community</source>
        <translation>按社区</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="444"/>
        <source>By grid</source>
        <translation>按网格</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="444"/>
        <source>By person</source>
        <translation>按人员</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="445"/>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="452"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="453"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="454"/>
        <source>The table to an Excel workbook (.xlsx) or a CSV file</source>
        <translation>把表格导出为 Excel 工作簿（.xlsx）或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="455"/>
        <source>Handover report…</source>
        <translation>交接班报告…</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="456"/>
        <source>The shift-handover report of this period as a PDF: counts, rates by department and street, charts, overdue and parked cases</source>
        <translation>本时段的交接班报告（PDF）：各项数量、按部门和街道的指标、图表、超期和挂账案件</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="459"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="459"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="459"/>
        <source>Score</source>
        <translation>综合得分</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="459"/>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="459"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="460"/>
        <source>Closure</source>
        <translation>结案率</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="460"/>
        <source>Accurate dispatch</source>
        <translation>准确派遣率</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="460"/>
        <source>On-time closure</source>
        <translation>按期结案率</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="460"/>
        <source>Rework rate</source>
        <translation>返工率</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="461"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="461"/>
        <source>Urged</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="461"/>
        <source>Parked</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="461"/>
        <source>More time</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="461"/>
        <source>Escalated</source>
        <translation>已吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="462"/>
        <source>Signed on time</source>
        <translation>按时签收率</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="462"/>
        <source>Handled on time</source>
        <translation>按时处置率</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="462"/>
        <source>Street&apos;s stars</source>
        <translation>街道评价</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="463"/>
        <source>Two-way assessment: escalated cases the department signed for (签收) in time</source>
        <translation>双向考核：部门按时签收的上报案件占比</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="464"/>
        <source>Two-way assessment: escalated cases the department resolved in time</source>
        <translation>双向考核：部门按时处置的上报案件占比</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="465"/>
        <source>Two-way assessment: the calling street&apos;s mean rating of the department&apos;s work (1–5)</source>
        <translation>双向考核：街道对部门处置工作的平均评分（1–5 星）</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="469"/>
        <source>Ask the hub again (the numbers also refresh a few seconds after cases change)</source>
        <translation>重新向服务端查询（案件变化几秒后也会自动刷新）</translation>
    </message>
</context>
<context>
    <name>HandoverTexts</name>
    <message>
        <location filename="../../console/views/handover.py" line="46"/>
        <source>Shift handover report</source>
        <translation>交接班报告</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="46"/>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="46"/>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="47"/>
        <source>by</source>
        <translation>生成人</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="47"/>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="48"/>
        <source>Counts</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="48"/>
        <source>Standard rates (all cases)</source>
        <translation>标准指标（全部案件）</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="49"/>
        <location filename="../../console/views/handover.py" line="69"/>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="49"/>
        <location filename="../../console/views/handover.py" line="69"/>
        <source>Accepted</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="49"/>
        <source>Rejected</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="50"/>
        <location filename="../../console/views/handover.py" line="70"/>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="50"/>
        <location filename="../../console/views/handover.py" line="71"/>
        <source>Returned</source>
        <translation>已退单</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="50"/>
        <source>Reworks</source>
        <translation>返工</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="51"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="51"/>
        <source>Closed on time</source>
        <translation>按期结案</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="52"/>
        <source>More time asked</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="52"/>
        <source>Parked</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="52"/>
        <source>Urged</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="53"/>
        <source>Escalations</source>
        <translation>上报部门</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="53"/>
        <source>Overdue now</source>
        <translation>当前超期</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="54"/>
        <source>Parked now</source>
        <translation>当前挂账</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="55"/>
        <source>Closure</source>
        <translation>结案率</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="55"/>
        <source>On-time closure</source>
        <translation>按期结案率</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="55"/>
        <source>Rework rate</source>
        <translation>返工率</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="56"/>
        <source>Accurate dispatch</source>
        <translation>准确派遣率</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="56"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="57"/>
        <source>Hotline response</source>
        <translation>热线响应率</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="57"/>
        <source>Hotline resolution</source>
        <translation>热线解决率</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="58"/>
        <source>Hotline satisfied</source>
        <translation>热线满意率</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="58"/>
        <source>Score</source>
        <translation>综合得分</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="58"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="59"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="59"/>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="59"/>
        <source>By street</source>
        <translation>按街道</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="60"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="60"/>
        <source>No cases in this period.</source>
        <translation>本时段没有案件。</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="61"/>
        <source>Overdue cases (open now)</source>
        <translation>超期案件（当前未结）</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="61"/>
        <source>Parked cases (open now)</source>
        <translation>挂账案件（当前未结）</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="62"/>
        <source>Cases with a department (open now)</source>
        <translation>在职能部门办理的案件（当前未结）</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="63"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="63"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="63"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="64"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="64"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="64"/>
        <source>With</source>
        <translation>承办</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="65"/>
        <source>Since</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="65"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="65"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="66"/>
        <source>… and {n} more</source>
        <translation>……另有 {n} 件</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="66"/>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="66"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="67"/>
        <source>Two-way assessment of departments</source>
        <translation>职能部门双向考核</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="67"/>
        <source>Signed on time</source>
        <translation>按时签收率</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="68"/>
        <source>Handled on time</source>
        <translation>按时处置率</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="68"/>
        <source>Street&apos;s stars</source>
        <translation>街道评价</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="70"/>
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="71"/>
        <source>Escalated</source>
        <translation>已吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="72"/>
        <source>Resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="72"/>
        <source>Verified</source>
        <translation>已核查</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../console/views/history.py" line="150"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="154"/>
        <source>not connected to the hub</source>
        <translation>未连接服务端</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="172"/>
        <source>{n} cases shown; more on the hub</source>
        <translation>已显示 {n} 件，服务端还有更多</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="173"/>
        <source>{n} cases found</source>
        <translation>共找到 {n} 件</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="179"/>
        <source>The search failed: {why}</source>
        <translation>查询失败：{why}</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="200"/>
        <location filename="../../console/views/history.py" line="212"/>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="200"/>
        <source>Accepted</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="200"/>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="201"/>
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="201"/>
        <source>Returned</source>
        <translation>已退单</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="202"/>
        <source>Escalated</source>
        <translation>已吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="202"/>
        <source>Resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="202"/>
        <source>Verified</source>
        <translation>已核查</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="203"/>
        <location filename="../../console/views/history.py" line="216"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="203"/>
        <source>Rejected</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="203"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="207"/>
        <source>Search text, id, address…</source>
        <translation>搜索描述、编号、地址…</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="208"/>
        <source>Grid code</source>
        <translation>网格编码</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="209"/>
        <source>Reported from</source>
        <translation>上报时间自</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="210"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="211"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="212"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="212"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="213"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="213"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="215"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="215"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="216"/>
        <source>Closed, rejected or merged</source>
        <translation>已结案、作废或合并</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="217"/>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="220"/>
        <source>Any street</source>
        <translation>全部街道</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <location filename="../../console/views/incident/panel.py" line="169"/>
        <source>Done</source>
        <translation>操作成功</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="169"/>
        <source>Refused</source>
        <translation>操作被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="216"/>
        <source>No time limit running</source>
        <translation>当前无计时</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="223"/>
        <source>{stage}: {left} left (due {due})</source>
        <translation>{stage}：剩余 {left}（{due} 截止）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="226"/>
        <source>{stage}: OVERDUE by {late} (was due {due})</source>
        <translation>{stage}：已超时 {late}（应于 {due} 前完成）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="254"/>
        <source>Select an incident</source>
        <translation>请选择事件</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="255"/>
        <source>DRILL 演练</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="256"/>
        <source>An exercise: not a real incident</source>
        <translation>演练：非真实事件</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="257"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="258"/>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="259"/>
        <source>Timeline</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="266"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="266"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="266"/>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="267"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="267"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="267"/>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="268"/>
        <source>Reporter</source>
        <translation>上报人</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="268"/>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="268"/>
        <location filename="../../console/views/incident/panel.py" line="322"/>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="269"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="269"/>
        <source>Assigned to</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="269"/>
        <source>Rework</source>
        <translation>返工次数</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="270"/>
        <source>Merged into</source>
        <translation>合并至</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="270"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="273"/>
        <source>Street&apos;s rating</source>
        <translation>街道评价</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="278"/>
        <source>Required to reject, return, escalate, reopen or fail a check</source>
        <translation>作废、退单、吹哨、重启或核查不通过时必填</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="271"/>
        <source>More time</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="260"/>
        <source>Debrief (PDF)…</source>
        <translation>复盘（PDF）…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="261"/>
        <source>This case&apos;s timeline with the map at its key moments, as a PDF</source>
        <translation>本案的时间线及关键时刻的地图，生成 PDF</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="262"/>
        <source>Drill run debrief (PDF)…</source>
        <translation>演练复盘（PDF）…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="263"/>
        <source>The whole drill run this case belongs to: every case&apos;s timeline and the map at the run&apos;s key moments</source>
        <translation>本案所属的整次演练：每件案件的时间线及演练关键时刻的地图</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="271"/>
        <source>Parked</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="272"/>
        <source>Urged</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="272"/>
        <source>Call-backs</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="277"/>
        <source>Note / reason (Alt+N)</source>
        <translation>备注 / 原因（Alt+N）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="279"/>
        <source>Alt+N focuses this field; Ctrl+Enter accepts</source>
        <translation>Alt+N 定位到此栏；Ctrl+Enter 受理</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="281"/>
        <location filename="../../console/views/incident/panel.py" line="345"/>
        <source>Accept</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="281"/>
        <source>Register the case (A or Ctrl+Enter)</source>
        <translation>受理并立案（A 或 Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="282"/>
        <location filename="../../console/views/incident/panel.py" line="345"/>
        <source>Acknowledge</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="282"/>
        <source>Sign for the case on behalf of the team</source>
        <translation>代表处置队伍签收案件</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="283"/>
        <source>Reject</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="283"/>
        <source>Void the case; the reason in the note field is required</source>
        <translation>作废案件，须在备注栏填写原因</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="284"/>
        <source>Return</source>
        <translation>退单</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="284"/>
        <source>Send the case back; the reason is required</source>
        <translation>退回案件，须填写原因</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="285"/>
        <location filename="../../console/views/incident/panel.py" line="346"/>
        <source>Resolve</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="285"/>
        <source>Report the case handled; the note says how</source>
        <translation>反馈已处置，在备注中说明处置情况</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="286"/>
        <source>Check passed</source>
        <translation>核查通过</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="286"/>
        <source>Verified on site: really fixed</source>
        <translation>现场核查：确已解决</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="287"/>
        <source>Check failed</source>
        <translation>核查不通过</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="287"/>
        <source>Not fixed: back to the team as rework; say why</source>
        <translation>未解决：退回原队伍返工，须说明原因</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="288"/>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="288"/>
        <source>Add the note field&apos;s text to the timeline</source>
        <translation>将备注栏内容记入办理记录</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="289"/>
        <location filename="../../console/views/incident/panel.py" line="345"/>
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="290"/>
        <source>Send to the chosen team or department (D sends to the first recommendation)</source>
        <translation>派遣至所选队伍或部门（按 D 派给首个推荐队伍）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="291"/>
        <source>Escalate</source>
        <translation>吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="291"/>
        <source>Call a district department; the reason is required</source>
        <translation>向区级部门吹哨，须填写原因</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="292"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="292"/>
        <source>Mark this case a duplicate of the chosen one</source>
        <translation>标记为所选案件的重复案件</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="293"/>
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="293"/>
        <source>Close after the call-back with the reporter&apos;s rating</source>
        <translation>回访后按上报人评价结案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="294"/>
        <source>Reopen</source>
        <translation>重启</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="294"/>
        <source>Open the case again; the reason is required</source>
        <translation>重新开启案件，须填写原因</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="299"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="300"/>
        <source>Recompute the recommended teams from the live units</source>
        <translation>根据实时力量重新计算推荐队伍</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="302"/>
        <source>Recommended free teams first (distance, open cases); D dispatches to the first</source>
        <translation>优先推荐空闲队伍（按距离、在办案件数）；按 D 派给首个</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="303"/>
        <source>Possible duplicates nearby (same category, within 500 m and 24 h)</source>
        <translation>附近疑似重复案件（同类别，500 米、24 小时内）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="304"/>
        <source>Or type the id of the incident to merge into</source>
        <translation>或输入要并入的事件编号</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="305"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="305"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="305"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="305"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="186"/>
        <source>Offline: the data shown may be stale; actions are disabled until the hub is back.</source>
        <translation>已离线：显示的数据可能已过时；与服务端恢复连接前无法操作。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="184"/>
        <source>Replay: this is the center as it was; actions are held until you go back to live.</source>
        <translation>回放：这是指挥中心当时的情况；回到实时之前，操作暂停。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="313"/>
        <source>Call-back rating…</source>
        <translation>回访评价…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="315"/>
        <source>{stars} {n} of 5</source>
        <translation>{stars} {n} 分</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="316"/>
        <source>No call-back (unrated)</source>
        <translation>未回访（不评价）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="322"/>
        <source>Accepted</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="322"/>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="323"/>
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="323"/>
        <source>Returned</source>
        <translation>已退单</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="324"/>
        <source>Escalated</source>
        <translation>已吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="324"/>
        <source>Resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="324"/>
        <source>Verified</source>
        <translation>已核查</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="325"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="325"/>
        <source>Rejected</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="325"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="331"/>
        <source>report</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="331"/>
        <source>accept</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="331"/>
        <source>reject</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="332"/>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="332"/>
        <source>dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="332"/>
        <source>acknowledge</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="333"/>
        <source>return</source>
        <translation>退单</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="333"/>
        <source>escalate</source>
        <translation>吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="333"/>
        <source>resolve</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="334"/>
        <source>check passed</source>
        <translation>核查通过</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="334"/>
        <source>check failed</source>
        <translation>核查不通过</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="335"/>
        <source>close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="335"/>
        <source>reopen</source>
        <translation>重启</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="335"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="336"/>
        <source>time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="336"/>
        <source>urge</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="336"/>
        <source>call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="337"/>
        <source>more time asked</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="337"/>
        <source>more time decided</source>
        <translation>延期审批</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="338"/>
        <source>department rated</source>
        <translation>评价部门</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="339"/>
        <source>park</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="339"/>
        <source>unpark</source>
        <translation>解除挂账</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="339"/>
        <source>closed at its source</source>
        <translation>来源方已办结</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="346"/>
        <source>Verify</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="352"/>
        <source>viewer</source>
        <translation>只读用户</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="352"/>
        <source>operator</source>
        <translation>受理员</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="352"/>
        <source>supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="353"/>
        <source>field</source>
        <translation>外勤人员</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="353"/>
        <location filename="../../console/views/incident/panel.py" line="361"/>
        <source>sensor</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="353"/>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="354"/>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="360"/>
        <source>grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="360"/>
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="361"/>
        <source>110 police transfer</source>
        <translation>110警情转办</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="361"/>
        <source>web</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="362"/>
        <source>mailbox</source>
        <translation>信箱</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="362"/>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="362"/>
        <source>drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="363"/>
        <source>demo feed</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="407"/>
        <source>URGENT</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="407"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="411"/>
        <source>On time</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="411"/>
        <source>Nearing limit</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="411"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="442"/>
        <source>Open photo</source>
        <translation>查看照片</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="450"/>
        <source>{name} — escalated</source>
        <translation>{name}（已吹哨）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="544"/>
        <source>green</source>
        <translation>绿灯</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="544"/>
        <source>blue</source>
        <translation>蓝灯</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="544"/>
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
        <location filename="../../console/views/incident/caselife.py" line="230"/>
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
        <location filename="../../console/views/incident/caselife.py" line="349"/>
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
        <location filename="../../console/views/incident/actions.py" line="160"/>
        <source>Choose a department.</source>
        <translation>请选择部门。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="168"/>
        <source>Choose the incident this one duplicates.</source>
        <translation>请选择与本事件重复的事件。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="177"/>
        <source>Choose the call-back rating, or “no call-back”.</source>
        <translation>请选择回访评价，或选择“未回访”。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="188"/>
        <source>This case never had an assignee: choose who gets it.</source>
        <translation>此案件从未派遣：请选择承办单位。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="198"/>
        <source>No free team to recommend; choose a target in the list.</source>
        <translation>没有可推荐的空闲队伍，请在列表中选择派遣对象。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="103"/>
        <source>Urge</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="104"/>
        <source>Remind (催办) or supervise (督办) the assignee; their consoles alert</source>
        <translation>对承办单位催办或督办；其控制台会报警提示</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="109"/>
        <source>Ask for more time</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="110"/>
        <source>Ask the desk for a later deadline; the note says why</source>
        <translation>向指挥席申请推迟时限；在备注中说明原因</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="113"/>
        <source>Approve more time</source>
        <translation>批准延期</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="114"/>
        <source>The deadline becomes the time asked for</source>
        <translation>时限改为申请的时间</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="117"/>
        <source>Refuse more time</source>
        <translation>不予延期</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="118"/>
        <source>The deadline stays; say why in the note field</source>
        <translation>时限不变；在备注中说明原因</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="121"/>
        <source>Park (stop the clock)</source>
        <translation>挂账（停止计时）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="122"/>
        <source>挂账: the clock stops until unparked; the reason is required</source>
        <translation>挂账：解除前停止计时；须填写原因</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="125"/>
        <source>Unpark</source>
        <translation>解除挂账</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="126"/>
        <source>The clock runs again; the deadline moves later by the time parked</source>
        <translation>恢复计时；时限顺延挂账时长</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="131"/>
        <source>Record call-back</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="132"/>
        <source>回访: whether the reporter was reached and how satisfied</source>
        <translation>回访：是否联系上上报人及其满意程度</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="135"/>
        <source>Rate the department</source>
        <translation>评价部门</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="136"/>
        <source>Two-way assessment: the street&apos;s 1–5 stars for the department&apos;s work on this case</source>
        <translation>双向考核：街道对部门处置本案的评分（1–5 星）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="145"/>
        <source>Assisting (joint dispatch): tick who works with the lead</source>
        <translation>协办单位（联合派遣）：勾选与主办单位协同的队伍或部门</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="147"/>
        <source>The new deadline asked for</source>
        <translation>申请的新时限</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="150"/>
        <source>催办 Reminder (level 1)</source>
        <translation>催办（一级）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="151"/>
        <source>督办 Supervision (level 2)</source>
        <translation>督办（二级）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="155"/>
        <source>Reporter reached</source>
        <translation>已联系上报人</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="156"/>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="160"/>
        <source>Satisfaction…</source>
        <translation>满意度…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="187"/>
        <source>{by} asks for more time until {until}: {reason}</source>
        <translation>{by} 申请延期至 {until}：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="208"/>
        <source>Call-backs: {list}</source>
        <translation>回访：{list}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="210"/>
        <source>No call-back recorded yet.</source>
        <translation>尚无回访记录。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="269"/>
        <location filename="../../console/views/incident/caselife.py" line="403"/>
        <source>reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="272"/>
        <location filename="../../console/views/incident/caselife.py" line="399"/>
        <source>not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="285"/>
        <source>lead</source>
        <translation>主办</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="287"/>
        <source>assist</source>
        <translation>协办</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="290"/>
        <source>✓ acknowledged {at}</source>
        <translation>✓ 已签收 {at}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="294"/>
        <source>◌ not yet acknowledged</source>
        <translation>◌ 尚未签收</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="298"/>
        <source>Joint dispatch:</source>
        <translation>联合派遣：</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="303"/>
        <source>asked</source>
        <translation>已申请</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="304"/>
        <location filename="../../console/views/incident/caselife.py" line="393"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="305"/>
        <location filename="../../console/views/incident/caselife.py" line="395"/>
        <source>refused</source>
        <translation>未批准</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="308"/>
        <source>{state}: until {until} ({by}: {reason})</source>
        <translation>{state}：至 {until}（{by}：{reason}）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="319"/>
        <source>Parked since {since}: the clock is stopped</source>
        <translation>自 {since} 起挂账：计时已停止</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="326"/>
        <source>{n} time(s)</source>
        <translation>{n} 次</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="330"/>
        <source>{stars} for {department} ({by}, {at})</source>
        <translation>{stars}（{department}，{by}，{at}）</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="337"/>
        <source>URGED ×{n}</source>
        <translation>已催办 ×{n}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="338"/>
        <source>PARKED</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="357"/>
        <source>The time asked for must be later than the deadline.</source>
        <translation>申请的时间必须晚于当前时限。</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="384"/>
        <source>催办 reminder</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="385"/>
        <source>督办 supervision</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="388"/>
        <source>until {until}</source>
        <translation>至 {until}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="409"/>
        <source>with {assists}</source>
        <translation>协办：{assists}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="411"/>
        <source>for {party}</source>
        <translation>代 {party}</translation>
    </message>
</context>
<context>
    <name>IncidentQueue</name>
    <message>
        <source>-{time} overdue</source>
        <translation>已超时 {time}</translation>
    </message>
    <message>
        <source>urged ×{n}</source>
        <translation>催办 ×{n}</translation>
    </message>
    <message>
        <source>⏸ parked {since}: {reason}</source>
        <translation>⏸ 挂账 {since}：{reason}</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../console/views/queue/model.py" line="240"/>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="240"/>
        <source>Accepted</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="241"/>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="241"/>
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="242"/>
        <source>Returned</source>
        <translation>已退单</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="242"/>
        <source>Escalated</source>
        <translation>已吹哨</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="243"/>
        <source>Resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="243"/>
        <source>Verified</source>
        <translation>已核查</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="244"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="244"/>
        <source>Rejected</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="244"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="246"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="246"/>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="247"/>
        <source>Green</source>
        <translation>绿灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="247"/>
        <source>Blue</source>
        <translation>蓝灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="247"/>
        <source>Red</source>
        <translation>红灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="248"/>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="248"/>
        <source>Hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="248"/>
        <source>12345</source>
        <translation>12345</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="249"/>
        <source>110 transfer</source>
        <translation>110转办</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="249"/>
        <source>Sensor</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="249"/>
        <source>Web</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="250"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="252"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="252"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="252"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="253"/>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="253"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="253"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="254"/>
        <source>Assignee</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="254"/>
        <source>Time left</source>
        <translation>剩余时限</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="255"/>
        <source>SLA</source>
        <translation>时限灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="509"/>
        <source>Deadline {when} ({left})</source>
        <translation>截止 {when}（{left}）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/views/main_window.py" line="74"/>
        <source>Command Center Console</source>
        <translation>指挥中心工作台</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="113"/>
        <source>Incident queue</source>
        <translation>事件队列</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="114"/>
        <source>Incident</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="115"/>
        <source>Dashboard</source>
        <translation>态势看板</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="116"/>
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="119"/>
        <source>History</source>
        <translation>历史案件</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="125"/>
        <source>Evaluation</source>
        <translation>绩效考评</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="198"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="202"/>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="206"/>
        <source>Dark theme (wall)</source>
        <translation>深色主题（大屏）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="206"/>
        <source>Light theme</source>
        <translation>浅色主题</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="212"/>
        <source>Replay this shift</source>
        <translation>回放本班次</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="215"/>
        <source>Wall display</source>
        <translation>大屏显示</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="220"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="228"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="232"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="233"/>
        <location filename="../../console/views/main_window.py" line="261"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="247"/>
        <source>Command Center Console {version}</source>
        <translation>指挥中心控制台 {version}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="248"/>
        <source>Hub: {hub}</source>
        <translation>服务端：{hub}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="252"/>
        <source>Unavailable on this machine:</source>
        <translation>本机不可用的部件：</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="255"/>
        <source>All optional parts are loaded (video, sound).</source>
        <translation>所有可选部件均已加载（视频、声音）。</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="257"/>
        <source>The map&apos;s web engine runs without its sandbox (started as root).</source>
        <translation>地图的网页引擎未启用沙箱运行（以 root 身份启动）。</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="297"/>
        <source>Overview: map and counters (1 screen)</source>
        <translation>总览：地图与统计（1 块屏）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="298"/>
        <source>Queue and counters (1 screen)</source>
        <translation>事件队列与统计（1 块屏）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="299"/>
        <source>Video 3×3 (1 screen)</source>
        <translation>视频 3×3（1 块屏）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="300"/>
        <source>Command: map, queue, video (3 screens)</source>
        <translation>指挥：地图、队列、视频（3 块屏）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="301"/>
        <source>Full: map, queue, video, streets (4 screens)</source>
        <translation>全景：地图、队列、视频、街道（4 块屏）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="302"/>
        <source>Numbers: this shift by department, with charts (1 screen)</source>
        <translation>指标：本班次各部门指标与图表（1 屏）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="359"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="360"/>
        <source>The console will use the new language the next time it starts.</source>
        <translation>下次启动工作台时将使用新的界面语言。</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="408"/>
        <source>{user} · {role}</source>
        <translation>{user} · {role}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="413"/>
        <source>viewer</source>
        <translation>只读用户</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="413"/>
        <source>operator</source>
        <translation>受理员</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="414"/>
        <source>supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="414"/>
        <source>field</source>
        <translation>外勤人员</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="415"/>
        <source>sensor</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="415"/>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="436"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="441"/>
        <source>The hub refused this console&apos;s token ({why}); check the token. Showing the last known state.</source>
        <translation>服务端拒绝了本控制台的令牌（{why}），请检查令牌。当前显示最后已知状态。</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="444"/>
        <source>Hub unreachable since {since} — showing the last known state (stale); reconnecting…</source>
        <translation>自 {since} 起无法连接服务端 — 当前显示最后已知状态（可能已过时），正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="448"/>
        <source>● Offline since {since}</source>
        <translation>● 离线（自 {since} 起）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="456"/>
        <source>no data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="460"/>
        <source>data as of {time} ({age} s ago)</source>
        <translation>数据时间 {time}（{age} 秒前）</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="493"/>
        <source>[DRILL] {text}</source>
        <translation>【演练】{text}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="494"/>
        <source>[CAP Exercise] {text}</source>
        <translation>【CAP 演练】{text}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="494"/>
        <source>[CAP Actual] {text}</source>
        <translation>【CAP 正式】{text}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="515"/>
        <source>Unit {unit} ({team}): {status}</source>
        <translation>处置单元 {unit}（{team}）：{status}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="566"/>
        <source>Offline: the command was not sent</source>
        <translation>已离线：指令未发送</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="568"/>
        <source>Done</source>
        <translation>操作成功</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="574"/>
        <source>New urgent incident {id}: {description}</source>
        <translation>新紧急事件 {id}：{description}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="576"/>
        <source>The control room urges incident {id}, assigned to your team: {description}</source>
        <translation>指挥中心催办本队承办的事件 {id}：{description}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="578"/>
        <source>Overdue: incident {id} passed its deadline — {description}</source>
        <translation>超时：事件 {id} 已超过办理时限 — {description}</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="540"/>
        <source>New call (N)</source>
        <translation>新来电（N）</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../console/views/map/view.py" line="168"/>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="168"/>
        <source>Boundaries</source>
        <translation>边界</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="168"/>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="169"/>
        <source>Field units</source>
        <translation>处置力量</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="169"/>
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="172"/>
        <source>Show or hide this layer</source>
        <translation>显示或隐藏此图层</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="174"/>
        <source>Grids: no fill</source>
        <translation>网格：不着色</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="174"/>
        <source>Grids: open-incident load</source>
        <translation>网格：按在办事件量着色</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="175"/>
        <source>Grids: worst SLA</source>
        <translation>网格：按最差时限状态着色</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="176"/>
        <source>All active</source>
        <translation>全部在办</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="176"/>
        <source>Last 1 h</source>
        <translation>近 1 小时</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="176"/>
        <source>Last 6 h</source>
        <translation>近 6 小时</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="177"/>
        <source>Last 24 h</source>
        <translation>近 24 小时</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="187"/>
        <source>How grids are filled</source>
        <translation>网格着色方式</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="188"/>
        <source>Show incidents reported within this time</source>
        <translation>只显示此时段内上报的事件</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="189"/>
        <source>Whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="190"/>
        <source>Zoom out to the whole district</source>
        <translation>缩放到全区范围</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="198"/>
        <source>DRILL</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="199"/>
        <source>camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="200"/>
        <source>{n} incidents here; click to zoom in</source>
        <translation>此处 {n} 件事件，点击放大</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="201"/>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="201"/>
        <source>en route</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="201"/>
        <source>on scene</source>
        <translation>在现场</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="202"/>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="202"/>
        <source>off duty</source>
        <translation>下班</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="203"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="203"/>
        <source>On time</source>
        <translation>未超时</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="203"/>
        <source>Nearing the limit</source>
        <translation>临近时限</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="204"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="204"/>
        <source>No clock</source>
        <translation>未计时</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="204"/>
        <source>Urgent (triangle)</source>
        <translation>紧急（三角形）</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="205"/>
        <source>Drill incident</source>
        <translation>演练事件</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="205"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="454"/>
        <source>{n} incidents · {u} units</source>
        <translation>{n} 件事件 · {u} 个处置单元</translation>
    </message>
</context>
<context>
    <name>NumbersCharts</name>
    <message>
        <location filename="../../console/views/eval_charts.py" line="196"/>
        <source>On-time closure</source>
        <translation>按期结案率</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="197"/>
        <source>Intake and closure</source>
        <translation>受理与结案</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="198"/>
        <source>Time in each stage</source>
        <translation>各环节用时</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="199"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="201"/>
        <source>On-time closure by group (line: {target} % target)</source>
        <translation>各单位按期结案率（虚线：目标 {target} %）</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="203"/>
        <source>Cases reported and closed</source>
        <translation>上报与结案数量</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="204"/>
        <source>Time spent in each stage (share of cases)</source>
        <translation>各环节用时分布（案件占比）</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="205"/>
        <source>Cases overdue</source>
        <translation>超期案件数</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="207"/>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="208"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="210"/>
        <source>≤ 15 min</source>
        <translation>≤ 15 分钟</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="210"/>
        <source>15–60 min</source>
        <translation>15–60 分钟</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="210"/>
        <source>1–4 h</source>
        <translation>1–4 小时</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="211"/>
        <source>4–24 h</source>
        <translation>4–24 小时</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="211"/>
        <source>1–3 days</source>
        <translation>1–3 天</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="211"/>
        <source>&gt; 3 days</source>
        <translation>&gt; 3 天</translation>
    </message>
</context>
<context>
    <name>PresenceDesk</name>
    <message>
        <location filename="../../console/views/presence.py" line="133"/>
        <source>viewer</source>
        <translation>只读用户</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="133"/>
        <source>operator</source>
        <translation>受理员</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="133"/>
        <source>supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="134"/>
        <source>field</source>
        <translation>外勤人员</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="134"/>
        <source>sensor</source>
        <translation>感知设备</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="134"/>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="145"/>
        <source>you, at another desk</source>
        <translation>本人，另一席位</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="150"/>
        <source>{user} ({details})</source>
        <translation>{user}（{details}）</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="150"/>
        <location filename="../../console/views/presence.py" line="175"/>
        <location filename="../../console/views/presence.py" line="193"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="151"/>
        <source>{who} ✎ acting</source>
        <translation>{who} ✎ 正在处理</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="157"/>
        <location filename="../../console/views/presence.py" line="175"/>
        <source>Also open by: {people}</source>
        <translation>同时查看：{people}</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="170"/>
        <source>{who}: open since {since}</source>
        <translation>{who}：{since} 起查看</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="181"/>
        <source>Hub {hub}</source>
        <translation>服务端 {hub}</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="192"/>
        <source>+{n}</source>
        <translation>另 {n} 人</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="193"/>
        <source>On shift {n}: {names}</source>
        <translation>在岗 {n} 人：{names}</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="194"/>
        <source>On shift:</source>
        <translation>在岗人员：</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="196"/>
        <source>Feeds and sensors:</source>
        <translation>数据接入与感知设备：</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="200"/>
        <source>{user} — {role}</source>
        <translation>{user} — {role}</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="204"/>
        <source>×{n} desks</source>
        <translation>（{n} 个席位）</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="210"/>
        <source>Connected to {url}</source>
        <translation>已连接 {url}</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../console/views/queue/view.py" line="195"/>
        <source>Search id, description, address, category…</source>
        <translation>搜索编号、描述、地址、类别…</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="196"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="197"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="198"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="199"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="200"/>
        <source>Time-limit colour</source>
        <translation>时限灯色</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="201"/>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="202"/>
        <source>Ledgers: parked cases with the reason and since when, urged cases, requests for more time</source>
        <translation>台账：挂账案件（原因与起始时间）、被催办案件、延期申请</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="205"/>
        <source>All active</source>
        <translation>全部在办</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="207"/>
        <source>Any colour</source>
        <translation>全部灯色</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="207"/>
        <source>Red</source>
        <translation>红灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="207"/>
        <source>Blue</source>
        <translation>蓝灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="208"/>
        <source>Green</source>
        <translation>绿灯</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="208"/>
        <source>No time limit</source>
        <translation>无时限</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="209"/>
        <source>Real and drill</source>
        <translation>真实与演练</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="209"/>
        <source>Real only</source>
        <translation>仅真实事件</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="210"/>
        <source>Drill only</source>
        <translation>仅演练</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="211"/>
        <source>Every case</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="211"/>
        <source>Parked (挂账)</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="212"/>
        <source>Urged (催办/督办)</source>
        <translation>催办/督办</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="212"/>
        <source>More time asked</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="220"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="222"/>
        <source>Parts</source>
        <translation>部件</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="222"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="230"/>
        <source>All streets</source>
        <translation>全部街道</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="235"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="242"/>
        <source>{shown} shown of {total}</source>
        <translation>显示 {shown} / 共 {total} 条</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../../console/views/replay.py" line="108"/>
        <source>REPLAY: {why}</source>
        <translation>回放：{why}</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="172"/>
        <source>REPLAY {time}</source>
        <translation>回放 {time}</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="179"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="179"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="180"/>
        <source>Back to live</source>
        <translation>回到实时</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="181"/>
        <source>The state just before the event shown</source>
        <translation>退到所示事件之前的状态</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="182"/>
        <source>The next stored event</source>
        <translation>下一个事件</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="183"/>
        <source>Replay speed</source>
        <translation>回放速度</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="184"/>
        <source>Above the line: cases reported (red: urgent). Below it: cases that turned red, and escalations to a department (blue).</source>
        <translation>线上：上报的案件（红色为紧急）。线下：超时变红的案件，以及提级到部门的案件（蓝色）。</translation>
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
        <location filename="../../console/views/wall/panels.py" line="89"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="89"/>
        <source>Active</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="89"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="90"/>
        <source>Nearing limit</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="90"/>
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
        <location filename="../../console/views/wall/controller.py" line="119"/>
        <source>District map</source>
        <translation>全区地图</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="119"/>
        <source>Incidents now</source>
        <translation>当前事件</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="120"/>
        <source>Incident queue</source>
        <translation>事件队列</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="120"/>
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="121"/>
        <source>Streets</source>
        <translation>街道态势</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="121"/>
        <source>This shift&apos;s numbers by department</source>
        <translation>本班次各部门指标</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="230"/>
        <source>Hub unreachable — the wall shows the last known state</source>
        <translation>无法连接服务端 — 大屏显示最后已知状态</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="337"/>
        <source>Urgent incident {id} · {category}: {description}</source>
        <translation>紧急事件 {id} · {category}：{description}</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="344"/>
        <source>Next: {n} more urgent — {list}</source>
        <translation>待显示：另有 {n} 起紧急事件 — {list}</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="400"/>
        <source>no data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="404"/>
        <source>as of {time}</source>
        <translation>数据时间 {time}</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="406"/>
        <source>({age} s ago)</source>
        <translation>（{age} 秒前）</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="409"/>
        <source>REPLAY {time}</source>
        <translation>回放 {time}</translation>
    </message>
</context>
<context>
    <name>WallScreen</name>
    <message>
        <location filename="../../console/views/wall/panels.py" line="185"/>
        <source>Wall display — screen {n}</source>
        <translation>大屏显示 — 第 {n} 块屏</translation>
    </message>
</context>
</TS>
