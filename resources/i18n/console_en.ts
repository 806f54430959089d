<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name/>
    <message>
        <location filename="../../console/views/eval_charts.py" line="56"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="56"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="56"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="57"/>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="57"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="57"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="58"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="58"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
</context>
<context>
    <name>CallForm</name>
    <message>
        <location filename="../../console/views/calltaking.py" line="238"/>
        <source>New call</source>
        <translation>New call</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="239"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="239"/>
        <source>Caller, phone</source>
        <translation>Caller, phone</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="240"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="240"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="240"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="241"/>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="241"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="251"/>
        <location filename="../../console/views/calltaking.py" line="515"/>
        <source>Proposed by the category</source>
        <translation>Proposed by the category</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="252"/>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="253"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="255"/>
        <source>Caller&apos;s name (optional)</source>
        <translation>Caller&apos;s name (optional)</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="256"/>
        <source>Phone, e.g. 138 1234 5678</source>
        <translation>Phone, e.g. 138 1234 5678</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="257"/>
        <source>Code, name or pinyin initials (e.g. dljs) — ↓ ↑ Enter</source>
        <translation>Code, name or pinyin initials (e.g. dljs) — ↓ ↑ Enter</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="259"/>
        <source>Street, community, grid code, junction, or pasted coordinates — or click the map</source>
        <translation>Street, community, grid code, junction, or pasted coordinates — or click the map</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="260"/>
        <source>House number, landmark (optional)</source>
        <translation>House number, landmark (optional)</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="261"/>
        <source>What the caller reports</source>
        <translation>What the caller reports</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="262"/>
        <source>Likely duplicates</source>
        <translation>Likely duplicates</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="263"/>
        <source>Add the caller to this case (A)</source>
        <translation>Add the caller to this case (A)</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="264"/>
        <source>Adds who called and what they said to the chosen case as a note</source>
        <translation>Adds who called and what they said to the chosen case as a note</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="265"/>
        <source>Report anyway (R)</source>
        <translation>Report anyway (R)</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="266"/>
        <source>Report (Ctrl+Enter)</source>
        <translation>Report (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="267"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="271"/>
        <source>12345 hotline</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="271"/>
        <source>110 police transfer</source>
        <translation>110 police transfer</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="272"/>
        <source>grid worker</source>
        <translation>grid worker</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="272"/>
        <source>sensor</source>
        <translation>sensor</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="272"/>
        <source>web</source>
        <translation>web</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="273"/>
        <source>walk-in</source>
        <translation>walk-in</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="273"/>
        <source>mailbox</source>
        <translation>mailbox</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="315"/>
        <source>street</source>
        <translation>street</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="315"/>
        <source>community</source>
        <translation>community</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="315"/>
        <source>grid</source>
        <translation>grid</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="316"/>
        <source>junction</source>
        <translation>junction</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="316"/>
        <source>coordinates</source>
        <translation>coordinates</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="379"/>
        <location filename="../../console/views/calltaking.py" line="394"/>
        <source>urgent</source>
        <translation>urgent</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="379"/>
        <location filename="../../console/views/calltaking.py" line="394"/>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="380"/>
        <source>✓ {name} ({code}) — {priority}</source>
        <translation>✓ {name} ({code}) — {priority}</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="383"/>
        <source>No category chosen yet</source>
        <translation>No category chosen yet</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="388"/>
        <source>outside the district</source>
        <translation>outside the district</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="391"/>
        <source>No place yet: pick one, paste coordinates, or click the map</source>
        <translation>No place yet: pick one, paste coordinates, or click the map</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="393"/>
        <source>Proposed: {priority}</source>
        <translation>Proposed: {priority}</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="408"/>
        <source>{id} — {dist} away — {description}</source>
        <translation>{id} — {dist} away — {description}</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="421"/>
        <source>The same category within 100 m in the last 24 h. A: add the caller to the chosen case; R or Ctrl+Enter: report a new case anyway.</source>
        <translation>The same category within 100 m in the last 24 h. A: add the caller to the chosen case; R or Ctrl+Enter: report a new case anyway.</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="423"/>
        <source>Open cases of the same category within 100 m in the last 24 h.</source>
        <translation>Open cases of the same category within 100 m in the last 24 h.</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="440"/>
        <source>Choose the channel.</source>
        <translation>Choose the channel.</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="440"/>
        <source>The phone number is not valid.</source>
        <translation>The phone number is not valid.</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="441"/>
        <source>Choose the category.</source>
        <translation>Choose the category.</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="441"/>
        <source>Give the place.</source>
        <translation>Give the place.</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="442"/>
        <source>The place is outside the district.</source>
        <translation>The place is outside the district.</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="443"/>
        <source>Describe what happened.</source>
        <translation>Describe what happened.</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="443"/>
        <source>Choose the priority.</source>
        <translation>Choose the priority.</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="461"/>
        <source>Likely duplicates found: A adds the caller to the chosen case, R reports anyway.</source>
        <translation>Likely duplicates found: A adds the caller to the chosen case, R reports anyway.</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="471"/>
        <location filename="../../console/views/calltaking.py" line="483"/>
        <source>Sent; waiting for the hub…</source>
        <translation>Sent; waiting for the hub…</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="482"/>
        <source>Another call ({channel}) from {caller}: {description}</source>
        <translation>Another call ({channel}) from {caller}: {description}</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="490"/>
        <source>Reported as {id}.</source>
        <translation>Reported as {id}.</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="497"/>
        <source>The caller was added to {id}.</source>
        <translation>The caller was added to {id}.</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="503"/>
        <source>Not sent: {code}: {message}</source>
        <translation>Not sent: {code}: {message}</translation>
    </message>
</context>
<context>
    <name>CameraTile</name>
    <message>
        <location filename="../../console/views/video/tile.py" line="413"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="413"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="414"/>
        <source>ALARM</source>
        <translation>ALARM</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="474"/>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="492"/>
        <source>{m} m away</source>
        <translation>{m} m away</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="528"/>
        <source>No camera on this tile</source>
        <translation>No camera on this tile</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="529"/>
        <source>Right-click to choose a camera</source>
        <translation>Right-click to choose a camera</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="531"/>
        <source>No video stream configured</source>
        <translation>No video stream configured</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="534"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="536"/>
        <source>Paused while not on screen</source>
        <translation>Paused while not on screen</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="539"/>
        <source>Retrying in {s} s (attempt {n})</source>
        <translation>Retrying in {s} s (attempt {n})</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="540"/>
        <source>Retrying…</source>
        <translation>Retrying…</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="542"/>
        <source>NO SIGNAL</source>
        <translation>NO SIGNAL</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="550"/>
        <source>Video unavailable:</source>
        <translation>Video unavailable:</translation>
    </message>
    <message>
        <location filename="../../console/views/video/tile.py" line="551"/>
        <source>QtMultimedia could not be loaded</source>
        <translation>QtMultimedia could not be loaded</translation>
    </message>
</context>
<context>
    <name>Counters</name>
    <message>
        <location filename="../../console/views/dashboard.py" line="24"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../console/views/dashboard.py" line="24"/>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../console/views/dashboard.py" line="24"/>
        <source>Nearing limit</source>
        <translation>Nearing limit</translation>
    </message>
    <message>
        <location filename="../../console/views/dashboard.py" line="25"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>DebriefRunner</name>
    <message>
        <location filename="../../console/views/debrief.py" line="369"/>
        <source>Debrief</source>
        <translation>Debrief</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="369"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="377"/>
        <source>A debrief is being written already.</source>
        <translation>A debrief is being written already.</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="381"/>
        <source>the file must end in .pdf</source>
        <translation>the file must end in .pdf</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="382"/>
        <source>the folder {folder} does not exist</source>
        <translation>the folder {folder} does not exist</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="383"/>
        <location filename="../../console/views/debrief.py" line="390"/>
        <location filename="../../console/views/debrief.py" line="397"/>
        <source>Debrief not written: {why}</source>
        <translation>Debrief not written: {why}</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="386"/>
        <source>Gathering the debrief of {key} from the hub&apos;s log…</source>
        <translation>Gathering the debrief of {key} from the hub&apos;s log…</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="395"/>
        <source>Writing the debrief: {p} %</source>
        <translation>Writing the debrief: {p} %</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="396"/>
        <source>Debrief written to {path}</source>
        <translation>Debrief written to {path}</translation>
    </message>
</context>
<context>
    <name>DebriefTexts</name>
    <message>
        <location filename="../../console/views/debrief.py" line="38"/>
        <source>Debrief: case {key}</source>
        <translation>Debrief: case {key}</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="38"/>
        <source>Debrief: drill run {key}</source>
        <translation>Debrief: drill run {key}</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="39"/>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="39"/>
        <source>by</source>
        <translation>by</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="39"/>
        <source>Page {n}</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="40"/>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="40"/>
        <source>… and {n} more cases of the run, not told here</source>
        <translation>… and {n} more cases of the run, not told here</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="41"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="41"/>
        <source>The center at its key moments</source>
        <translation>The center at its key moments</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="42"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="42"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="42"/>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="43"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="43"/>
        <location filename="../../console/views/debrief.py" line="55"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="43"/>
        <source>With</source>
        <translation>With</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="44"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="44"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="44"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="44"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="45"/>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="45"/>
        <source>Nearing its limit</source>
        <translation>Nearing its limit</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="45"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="46"/>
        <source>Field unit</source>
        <translation>Field unit</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="46"/>
        <source>Unit of the team on the case</source>
        <translation>Unit of the team on the case</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="47"/>
        <source>This debrief&apos;s case</source>
        <translation>This debrief&apos;s case</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="48"/>
        <source>{active} active cases, {units} units; the case: {state}, {sla}, with {who}</source>
        <translation>{active} active cases, {units} units; the case: {state}, {sla}, with {who}</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="49"/>
        <source>{active} active cases, {units} units; the case is not open at this moment</source>
        <translation>{active} active cases, {units} units; the case is not open at this moment</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="50"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="50"/>
        <source>turned red</source>
        <translation>turned red</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="55"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="55"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="56"/>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="56"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="57"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="57"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="57"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="58"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="58"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="58"/>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="63"/>
        <source>reported</source>
        <translation>reported</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="63"/>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="63"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="64"/>
        <source>merged</source>
        <translation>merged</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="64"/>
        <source>dispatched</source>
        <translation>dispatched</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="64"/>
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="65"/>
        <source>returned</source>
        <translation>returned</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="65"/>
        <source>escalated to a department</source>
        <translation>escalated to a department</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="66"/>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="66"/>
        <source>check passed</source>
        <translation>check passed</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="67"/>
        <source>check failed</source>
        <translation>check failed</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="67"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="67"/>
        <source>reopened</source>
        <translation>reopened</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="68"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="68"/>
        <source>urged</source>
        <translation>urged</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="68"/>
        <source>call-back</source>
        <translation>call-back</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="69"/>
        <source>more time asked</source>
        <translation>more time asked</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="69"/>
        <source>more time decided</source>
        <translation>more time decided</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="70"/>
        <source>department rated</source>
        <translation>department rated</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="70"/>
        <source>parked</source>
        <translation>parked</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="71"/>
        <source>unparked</source>
        <translation>unparked</translation>
    </message>
    <message>
        <location filename="../../console/views/debrief.py" line="71"/>
        <source>closed at its source</source>
        <translation>closed at its source</translation>
    </message>
</context>
<context>
    <name>DistrictBanner</name>
    <message>
        <location filename="../../console/views/widgets.py" line="87"/>
        <source>This hub serves {hub} ({hub_code}), but this console was started with the catalog of {mine} ({code}): the map, grids and names shown are not the hub&apos;s. Start it with --catalog and the hub&apos;s catalog.toml.</source>
        <translation>This hub serves {hub} ({hub_code}), but this console was started with the catalog of {mine} ({code}): the map, grids and names shown are not the hub&apos;s. Start it with --catalog and the hub&apos;s catalog.toml.</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <location filename="../../console/views/evaluation.py" line="202"/>
        <location filename="../../console/views/evaluation.py" line="362"/>
        <source>The period starts after it ends.</source>
        <translation>The period starts after it ends.</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="235"/>
        <source>{n} groups · cases reported {since} – {until}</source>
        <translation>{n} groups · cases reported {since} – {until}</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="247"/>
        <source>Not available: {code}: {message}</source>
        <translation>Not available: {code}: {message}</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="255"/>
        <location filename="../../console/views/evaluation.py" line="445"/>
        <source>All cases</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="257"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="311"/>
        <source>Export the numbers</source>
        <translation>Export the numbers</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="312"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="327"/>
        <source>Not exported: {why}</source>
        <translation>Not exported: {why}</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="329"/>
        <source>Written to {path}</source>
        <translation>Written to {path}</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="338"/>
        <source>Shift handover report</source>
        <translation>Shift handover report</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="339"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="352"/>
        <source>A handover report is being written already.</source>
        <translation>A handover report is being written already.</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="356"/>
        <source>the file must end in .pdf</source>
        <translation>the file must end in .pdf</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="357"/>
        <source>the folder {folder} does not exist</source>
        <translation>the folder {folder} does not exist</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="358"/>
        <location filename="../../console/views/evaluation.py" line="397"/>
        <location filename="../../console/views/evaluation.py" line="402"/>
        <source>Not written: {why}</source>
        <translation>Not written: {why}</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="395"/>
        <source>Handover report written to {path}</source>
        <translation>Handover report written to {path}</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="437"/>
        <source>This shift</source>
        <translation>This shift</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="437"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="438"/>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="438"/>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="439"/>
        <source>Dates…</source>
        <translation>Dates…</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="442"/>
        <source>By department</source>
        <translation>By department</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="442"/>
        <source>By team</source>
        <translation>By team</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="443"/>
        <source>By street</source>
        <translation>By street</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="443"/>
        <source>By community</source>
        <translation>By community</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="444"/>
        <source>By grid</source>
        <translation>By grid</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="444"/>
        <source>By person</source>
        <translation>By person</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="445"/>
        <source>By category</source>
        <translation>By category</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="452"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="453"/>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="454"/>
        <source>The table to an Excel workbook (.xlsx) or a CSV file</source>
        <translation>The table to an Excel workbook (.xlsx) or a CSV file</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="455"/>
        <source>Handover report…</source>
        <translation>Handover report…</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="456"/>
        <source>The shift-handover report of this period as a PDF: counts, rates by department and street, charts, overdue and parked cases</source>
        <translation>The shift-handover report of this period as a PDF: counts, rates by department and street, charts, overdue and parked cases</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="459"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="459"/>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="459"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="459"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="459"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="460"/>
        <source>Closure</source>
        <translation>Closure</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="460"/>
        <source>Accurate dispatch</source>
        <translation>Accurate dispatch</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="460"/>
        <source>On-time closure</source>
        <translation>On-time closure</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="460"/>
        <source>Rework rate</source>
        <translation>Rework rate</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="461"/>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="461"/>
        <source>Urged</source>
        <translation>Urged</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="461"/>
        <source>Parked</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="461"/>
        <source>More time</source>
        <translation>More time</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="461"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="462"/>
        <source>Signed on time</source>
        <translation>Signed on time</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="462"/>
        <source>Handled on time</source>
        <translation>Handled on time</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="462"/>
        <source>Street&apos;s stars</source>
        <translation>Street&apos;s stars</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="463"/>
        <source>Two-way assessment: escalated cases the department signed for (签收) in time</source>
        <translation>Two-way assessment: escalated cases the department signed for (签收) in time</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="464"/>
        <source>Two-way assessment: escalated cases the department resolved in time</source>
        <translation>Two-way assessment: escalated cases the department resolved in time</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="465"/>
        <source>Two-way assessment: the calling street&apos;s mean rating of the department&apos;s work (1–5)</source>
        <translation>Two-way assessment: the calling street&apos;s mean rating of the department&apos;s work (1–5)</translation>
    </message>
    <message>
        <location filename="../../console/views/evaluation.py" line="469"/>
        <source>Ask the hub again (the numbers also refresh a few seconds after cases change)</source>
        <translation>Ask the hub again (the numbers also refresh a few seconds after cases change)</translation>
    </message>
</context>
<context>
    <name>HandoverTexts</name>
    <message>
        <location filename="../../console/views/handover.py" line="46"/>
        <source>Shift handover report</source>
        <translation>Shift handover report</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="46"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="46"/>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="47"/>
        <source>by</source>
        <translation>by</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="47"/>
        <source>Page {n}</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="48"/>
        <source>Counts</source>
        <translation>Counts</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="48"/>
        <source>Standard rates (all cases)</source>
        <translation>Standard rates (all cases)</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="49"/>
        <location filename="../../console/views/handover.py" line="69"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="49"/>
        <location filename="../../console/views/handover.py" line="69"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="49"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="50"/>
        <location filename="../../console/views/handover.py" line="70"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="50"/>
        <location filename="../../console/views/handover.py" line="71"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="50"/>
        <source>Reworks</source>
        <translation>Reworks</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="51"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="51"/>
        <source>Closed on time</source>
        <translation>Closed on time</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="52"/>
        <source>More time asked</source>
        <translation>More time asked</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="52"/>
        <source>Parked</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="52"/>
        <source>Urged</source>
        <translation>Urged</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="53"/>
        <source>Escalations</source>
        <translation>Escalations</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="53"/>
        <source>Overdue now</source>
        <translation>Overdue now</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="54"/>
        <source>Parked now</source>
        <translation>Parked now</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="55"/>
        <source>Closure</source>
        <translation>Closure</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="55"/>
        <source>On-time closure</source>
        <translation>On-time closure</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="55"/>
        <source>Rework rate</source>
        <translation>Rework rate</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="56"/>
        <source>Accurate dispatch</source>
        <translation>Accurate dispatch</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="56"/>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="57"/>
        <source>Hotline response</source>
        <translation>Hotline response</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="57"/>
        <source>Hotline resolution</source>
        <translation>Hotline resolution</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="58"/>
        <source>Hotline satisfied</source>
        <translation>Hotline satisfied</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="58"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="58"/>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="59"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="59"/>
        <source>By department</source>
        <translation>By department</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="59"/>
        <source>By street</source>
        <translation>By street</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="60"/>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="60"/>
        <source>No cases in this period.</source>
        <translation>No cases in this period.</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="61"/>
        <source>Overdue cases (open now)</source>
        <translation>Overdue cases (open now)</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="61"/>
        <source>Parked cases (open now)</source>
        <translation>Parked cases (open now)</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="62"/>
        <source>Cases with a department (open now)</source>
        <translation>Cases with a department (open now)</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="63"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="63"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="63"/>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="64"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="64"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="64"/>
        <source>With</source>
        <translation>With</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="65"/>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="65"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="65"/>
        <source>None.</source>
        <translation>None.</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="66"/>
        <source>… and {n} more</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="66"/>
        <source>All cases</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="66"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="67"/>
        <source>Two-way assessment of departments</source>
        <translation>Two-way assessment of departments</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="67"/>
        <source>Signed on time</source>
        <translation>Signed on time</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="68"/>
        <source>Handled on time</source>
        <translation>Handled on time</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="68"/>
        <source>Street&apos;s stars</source>
        <translation>Street&apos;s stars</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="70"/>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="71"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="72"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../console/views/handover.py" line="72"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../console/views/history.py" line="150"/>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="154"/>
        <source>not connected to the hub</source>
        <translation>not connected to the hub</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="172"/>
        <source>{n} cases shown; more on the hub</source>
        <translation>{n} cases shown; more on the hub</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="173"/>
        <source>{n} cases found</source>
        <translation>{n} cases found</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="179"/>
        <source>The search failed: {why}</source>
        <translation>The search failed: {why}</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="200"/>
        <location filename="../../console/views/history.py" line="212"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="200"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="200"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="201"/>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="201"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="202"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="202"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="202"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="203"/>
        <location filename="../../console/views/history.py" line="216"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="203"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="203"/>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="207"/>
        <source>Search text, id, address…</source>
        <translation>Search text, id, address…</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="208"/>
        <source>Grid code</source>
        <translation>Grid code</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="209"/>
        <source>Reported from</source>
        <translation>Reported from</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="210"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="211"/>
        <source>More</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="212"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="212"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="213"/>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="213"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="215"/>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="215"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="216"/>
        <source>Closed, rejected or merged</source>
        <translation>Closed, rejected or merged</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="217"/>
        <source>Any category</source>
        <translation>Any category</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="220"/>
        <source>Any street</source>
        <translation>Any street</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <location filename="../../console/views/incident/panel.py" line="169"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="169"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="216"/>
        <source>No time limit running</source>
        <translation>No time limit running</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="223"/>
        <source>{stage}: {left} left (due {due})</source>
        <translation>{stage}: {left} left (due {due})</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="226"/>
        <source>{stage}: OVERDUE by {late} (was due {due})</source>
        <translation>{stage}: OVERDUE by {late} (was due {due})</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="254"/>
        <source>Select an incident</source>
        <translation>Select an incident</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="255"/>
        <source>DRILL 演练</source>
        <translation>DRILL 演练</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="256"/>
        <source>An exercise: not a real incident</source>
        <translation>An exercise: not a real incident</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="257"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="258"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="259"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="266"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="266"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="266"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="267"/>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="267"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="267"/>
        <source>Coordinates</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="268"/>
        <source>Reporter</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="268"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="268"/>
        <location filename="../../console/views/incident/panel.py" line="322"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="269"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="269"/>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="269"/>
        <source>Rework</source>
        <translation>Rework</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="270"/>
        <source>Merged into</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="270"/>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="273"/>
        <source>Street&apos;s rating</source>
        <translation>Street&apos;s rating</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="278"/>
        <source>Required to reject, return, escalate, reopen or fail a check</source>
        <translation>Required to reject, return, escalate, reopen or fail a check</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="271"/>
        <source>More time</source>
        <translation>More time</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="260"/>
        <source>Debrief (PDF)…</source>
        <translation>Debrief (PDF)…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="261"/>
        <source>This case&apos;s timeline with the map at its key moments, as a PDF</source>
        <translation>This case&apos;s timeline with the map at its key moments, as a PDF</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="262"/>
        <source>Drill run debrief (PDF)…</source>
        <translation>Drill run debrief (PDF)…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="263"/>
        <source>The whole drill run this case belongs to: every case&apos;s timeline and the map at the run&apos;s key moments</source>
        <translation>The whole drill run this case belongs to: every case&apos;s timeline and the map at the run&apos;s key moments</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="271"/>
        <source>Parked</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="272"/>
        <source>Urged</source>
        <translation>Urged</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="272"/>
        <source>Call-backs</source>
        <translation>Call-backs</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="277"/>
        <source>Note / reason (Alt+N)</source>
        <translation>Note / reason (Alt+N)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="279"/>
        <source>Alt+N focuses this field; Ctrl+Enter accepts</source>
        <translation>Alt+N focuses this field; Ctrl+Enter accepts</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="281"/>
        <location filename="../../console/views/incident/panel.py" line="345"/>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="281"/>
        <source>Register the case (A or Ctrl+Enter)</source>
        <translation>Register the case (A or Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="282"/>
        <location filename="../../console/views/incident/panel.py" line="345"/>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="282"/>
        <source>Sign for the case on behalf of the team</source>
        <translation>Sign for the case on behalf of the team</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="283"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="283"/>
        <source>Void the case; the reason in the note field is required</source>
        <translation>Void the case; the reason in the note field is required</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="284"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="284"/>
        <source>Send the case back; the reason is required</source>
        <translation>Send the case back; the reason is required</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="285"/>
        <location filename="../../console/views/incident/panel.py" line="346"/>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="285"/>
        <source>Report the case handled; the note says how</source>
        <translation>Report the case handled; the note says how</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="286"/>
        <source>Check passed</source>
        <translation>Check passed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="286"/>
        <source>Verified on site: really fixed</source>
        <translation>Verified on site: really fixed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="287"/>
        <source>Check failed</source>
        <translation>Check failed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="287"/>
        <source>Not fixed: back to the team as rework; say why</source>
        <translation>Not fixed: back to the team as rework; say why</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="288"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="288"/>
        <source>Add the note field&apos;s text to the timeline</source>
        <translation>Add the note field&apos;s text to the timeline</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="289"/>
        <location filename="../../console/views/incident/panel.py" line="345"/>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="290"/>
        <source>Send to the chosen team or department (D sends to the first recommendation)</source>
        <translation>Send to the chosen team or department (D sends to the first recommendation)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="291"/>
        <source>Escalate</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="291"/>
        <source>Call a district department; the reason is required</source>
        <translation>Call a district department; the reason is required</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="292"/>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="292"/>
        <source>Mark this case a duplicate of the chosen one</source>
        <translation>Mark this case a duplicate of the chosen one</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="293"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="293"/>
        <source>Close after the call-back with the reporter&apos;s rating</source>
        <translation>Close after the call-back with the reporter&apos;s rating</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="294"/>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="294"/>
        <source>Open the case again; the reason is required</source>
        <translation>Open the case again; the reason is required</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="299"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="300"/>
        <source>Recompute the recommended teams from the live units</source>
        <translation>Recompute the recommended teams from the live units</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="302"/>
        <source>Recommended free teams first (distance, open cases); D dispatches to the first</source>
        <translation>Recommended free teams first (distance, open cases); D dispatches to the first</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="303"/>
        <source>Possible duplicates nearby (same category, within 500 m and 24 h)</source>
        <translation>Possible duplicates nearby (same category, within 500 m and 24 h)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="304"/>
        <source>Or type the id of the incident to merge into</source>
        <translation>Or type the id of the incident to merge into</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="305"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="305"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="305"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="305"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="186"/>
        <source>Offline: the data shown may be stale; actions are disabled until the hub is back.</source>
        <translation>Offline: the data shown may be stale; actions are disabled until the hub is back.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="184"/>
        <source>Replay: this is the center as it was; actions are held until you go back to live.</source>
        <translation>Replay: this is the center as it was; actions are held until you go back to live.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="313"/>
        <source>Call-back rating…</source>
        <translation>Call-back rating…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="315"/>
        <source>{stars} {n} of 5</source>
        <translation>{stars} {n} of 5</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="316"/>
        <source>No call-back (unrated)</source>
        <translation>No call-back (unrated)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="322"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="322"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="323"/>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="323"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="324"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="324"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="324"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="325"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="325"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="325"/>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="331"/>
        <source>report</source>
        <translation>report</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="331"/>
        <source>accept</source>
        <translation>accept</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="331"/>
        <source>reject</source>
        <translation>reject</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="332"/>
        <source>merge</source>
        <translation>merge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="332"/>
        <source>dispatch</source>
        <translation>dispatch</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="332"/>
        <source>acknowledge</source>
        <translation>acknowledge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="333"/>
        <source>return</source>
        <translation>return</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="333"/>
        <source>escalate</source>
        <translation>escalate</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="333"/>
        <source>resolve</source>
        <translation>resolve</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="334"/>
        <source>check passed</source>
        <translation>check passed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="334"/>
        <source>check failed</source>
        <translation>check failed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="335"/>
        <source>close</source>
        <translation>close</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="335"/>
        <source>reopen</source>
        <translation>reopen</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="335"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="336"/>
        <source>time limit</source>
        <translation>time limit</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="336"/>
        <source>urge</source>
        <translation>urge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="336"/>
        <source>call-back</source>
        <translation>call-back</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="337"/>
        <source>more time asked</source>
        <translation>more time asked</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="337"/>
        <source>more time decided</source>
        <translation>more time decided</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="338"/>
        <source>department rated</source>
        <translation>department rated</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="339"/>
        <source>park</source>
        <translation>park</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="339"/>
        <source>unpark</source>
        <translation>unpark</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="339"/>
        <source>closed at its source</source>
        <translation>closed at its source</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="346"/>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="352"/>
        <source>viewer</source>
        <translation>viewer</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="352"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="352"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="353"/>
        <source>field</source>
        <translation>field</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="353"/>
        <location filename="../../console/views/incident/panel.py" line="361"/>
        <source>sensor</source>
        <translation>sensor</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="353"/>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="354"/>
        <source>system</source>
        <translation>system</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="360"/>
        <source>grid worker</source>
        <translation>grid worker</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="360"/>
        <source>12345 hotline</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="361"/>
        <source>110 police transfer</source>
        <translation>110 police transfer</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="361"/>
        <source>web</source>
        <translation>web</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="362"/>
        <source>mailbox</source>
        <translation>mailbox</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="362"/>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="362"/>
        <source>drill</source>
        <translation>drill</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="363"/>
        <source>demo feed</source>
        <translation>demo feed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="407"/>
        <source>URGENT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="407"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="411"/>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="411"/>
        <source>Nearing limit</source>
        <translation>Nearing limit</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="411"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="442"/>
        <source>Open photo</source>
        <translation>Open photo</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="450"/>
        <source>{name} — escalated</source>
        <translation>{name} — escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="544"/>
        <source>green</source>
        <translation>green</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="544"/>
        <source>blue</source>
        <translation>blue</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="544"/>
        <source>red</source>
        <translation>red</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="41"/>
        <source>★ {name} — {dist}, {load} open</source>
        <translation>★ {name} — {dist}, {load} open</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="44"/>
        <source>(not capable)</source>
        <translation>(not capable)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="57"/>
        <location filename="../../console/views/incident/actions.py" line="86"/>
        <location filename="../../console/views/incident/caselife.py" line="230"/>
        <source>Department: {name}</source>
        <translation>Department: {name}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="82"/>
        <source>Reopen to…</source>
        <translation>Reopen to…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="101"/>
        <source>{id} — {dist}, reported {ago} ago — {desc}</source>
        <translation>{id} — {dist}, reported {ago} ago — {desc}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="119"/>
        <source>Sent; waiting for the hub…</source>
        <translation>Sent; waiting for the hub…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="133"/>
        <location filename="../../console/views/incident/caselife.py" line="349"/>
        <source>Write the reason in the note field first.</source>
        <translation>Write the reason in the note field first.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="135"/>
        <source>Write the note first.</source>
        <translation>Write the note first.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="151"/>
        <source>Choose a team or department.</source>
        <translation>Choose a team or department.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="160"/>
        <source>Choose a department.</source>
        <translation>Choose a department.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="168"/>
        <source>Choose the incident this one duplicates.</source>
        <translation>Choose the incident this one duplicates.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="177"/>
        <source>Choose the call-back rating, or “no call-back”.</source>
        <translation>Choose the call-back rating, or “no call-back”.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="188"/>
        <source>This case never had an assignee: choose who gets it.</source>
        <translation>This case never had an assignee: choose who gets it.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="198"/>
        <source>No free team to recommend; choose a target in the list.</source>
        <translation>No free team to recommend; choose a target in the list.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="103"/>
        <source>Urge</source>
        <translation>Urge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="104"/>
        <source>Remind (催办) or supervise (督办) the assignee; their consoles alert</source>
        <translation>Remind (催办) or supervise (督办) the assignee; their consoles alert</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="109"/>
        <source>Ask for more time</source>
        <translation>Ask for more time</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="110"/>
        <source>Ask the desk for a later deadline; the note says why</source>
        <translation>Ask the desk for a later deadline; the note says why</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="113"/>
        <source>Approve more time</source>
        <translation>Approve more time</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="114"/>
        <source>The deadline becomes the time asked for</source>
        <translation>The deadline becomes the time asked for</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="117"/>
        <source>Refuse more time</source>
        <translation>Refuse more time</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="118"/>
        <source>The deadline stays; say why in the note field</source>
        <translation>The deadline stays; say why in the note field</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="121"/>
        <source>Park (stop the clock)</source>
        <translation>Park (stop the clock)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="122"/>
        <source>挂账: the clock stops until unparked; the reason is required</source>
        <translation>挂账: the clock stops until unparked; the reason is required</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="125"/>
        <source>Unpark</source>
        <translation>Unpark</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="126"/>
        <source>The clock runs again; the deadline moves later by the time parked</source>
        <translation>The clock runs again; the deadline moves later by the time parked</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="131"/>
        <source>Record call-back</source>
        <translation>Record call-back</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="132"/>
        <source>回访: whether the reporter was reached and how satisfied</source>
        <translation>回访: whether the reporter was reached and how satisfied</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="135"/>
        <source>Rate the department</source>
        <translation>Rate the department</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="136"/>
        <source>Two-way assessment: the street&apos;s 1–5 stars for the department&apos;s work on this case</source>
        <translation>Two-way assessment: the street&apos;s 1–5 stars for the department&apos;s work on this case</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="145"/>
        <source>Assisting (joint dispatch): tick who works with the lead</source>
        <translation>Assisting (joint dispatch): tick who works with the lead</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="147"/>
        <source>The new deadline asked for</source>
        <translation>The new deadline asked for</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="150"/>
        <source>催办 Reminder (level 1)</source>
        <translation>催办 Reminder (level 1)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="151"/>
        <source>督办 Supervision (level 2)</source>
        <translation>督办 Supervision (level 2)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="155"/>
        <source>Reporter reached</source>
        <translation>Reporter reached</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="156"/>
        <source>Not reached</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="160"/>
        <source>Satisfaction…</source>
        <translation>Satisfaction…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="187"/>
        <source>{by} asks for more time until {until}: {reason}</source>
        <translation>{by} asks for more time until {until}: {reason}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="208"/>
        <source>Call-backs: {list}</source>
        <translation>Call-backs: {list}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="210"/>
        <source>No call-back recorded yet.</source>
        <translation>No call-back recorded yet.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="269"/>
        <location filename="../../console/views/incident/caselife.py" line="403"/>
        <source>reached</source>
        <translation>reached</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="272"/>
        <location filename="../../console/views/incident/caselife.py" line="399"/>
        <source>not reached</source>
        <translation>not reached</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="285"/>
        <source>lead</source>
        <translation>lead</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="287"/>
        <source>assist</source>
        <translation>assist</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="290"/>
        <source>✓ acknowledged {at}</source>
        <translation>✓ acknowledged {at}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="294"/>
        <source>◌ not yet acknowledged</source>
        <translation>◌ not yet acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="298"/>
        <source>Joint dispatch:</source>
        <translation>Joint dispatch:</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="303"/>
        <source>asked</source>
        <translation>asked</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="304"/>
        <location filename="../../console/views/incident/caselife.py" line="393"/>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="305"/>
        <location filename="../../console/views/incident/caselife.py" line="395"/>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="308"/>
        <source>{state}: until {until} ({by}: {reason})</source>
        <translation>{state}: until {until} ({by}: {reason})</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="319"/>
        <source>Parked since {since}: the clock is stopped</source>
        <translation>Parked since {since}: the clock is stopped</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="326"/>
        <source>{n} time(s)</source>
        <translation>{n} time(s)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="330"/>
        <source>{stars} for {department} ({by}, {at})</source>
        <translation>{stars} for {department} ({by}, {at})</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="337"/>
        <source>URGED ×{n}</source>
        <translation>URGED ×{n}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="338"/>
        <source>PARKED</source>
        <translation>PARKED</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="357"/>
        <source>The time asked for must be later than the deadline.</source>
        <translation>The time asked for must be later than the deadline.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="384"/>
        <source>催办 reminder</source>
        <translation>催办 reminder</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="385"/>
        <source>督办 supervision</source>
        <translation>督办 supervision</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="388"/>
        <source>until {until}</source>
        <translation>until {until}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="409"/>
        <source>with {assists}</source>
        <translation>with {assists}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/caselife.py" line="411"/>
        <source>for {party}</source>
        <translation>for {party}</translation>
    </message>
</context>
<context>
    <name>IncidentQueue</name>
    <message>
        <source>-{time} overdue</source>
        <translation>-{time} overdue</translation>
    </message>
    <message>
        <source>urged ×{n}</source>
        <translation>urged ×{n}</translation>
    </message>
    <message>
        <source>⏸ parked {since}: {reason}</source>
        <translation>⏸ parked {since}: {reason}</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../console/views/queue/model.py" line="240"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="240"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="241"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="241"/>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="242"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="242"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="243"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="243"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="244"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="244"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="244"/>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="246"/>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="246"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="247"/>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="247"/>
        <source>Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="247"/>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="248"/>
        <source>Grid worker</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="248"/>
        <source>Hotline</source>
        <translation>Hotline</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="248"/>
        <source>12345</source>
        <translation>12345</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="249"/>
        <source>110 transfer</source>
        <translation>110 transfer</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="249"/>
        <source>Sensor</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="249"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="250"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="252"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="252"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="252"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="253"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="253"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="253"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="254"/>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="254"/>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="255"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="509"/>
        <source>Deadline {when} ({left})</source>
        <translation>Deadline {when} ({left})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/views/main_window.py" line="74"/>
        <source>Command Center Console</source>
        <translation>Command Center Console</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="113"/>
        <source>Incident queue</source>
        <translation>Incident queue</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="114"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="115"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="116"/>
        <source>Video wall</source>
        <translation>Video wall</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="119"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="125"/>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="198"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="202"/>
        <source>Reset layout</source>
        <translation>Reset layout</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="206"/>
        <source>Dark theme (wall)</source>
        <translation>Dark theme (wall)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="206"/>
        <source>Light theme</source>
        <translation>Light theme</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="212"/>
        <source>Replay this shift</source>
        <translation>Replay this shift</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="215"/>
        <source>Wall display</source>
        <translation>Wall display</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="220"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="228"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="232"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="233"/>
        <location filename="../../console/views/main_window.py" line="261"/>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="247"/>
        <source>Command Center Console {version}</source>
        <translation>Command Center Console {version}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="248"/>
        <source>Hub: {hub}</source>
        <translation>Hub: {hub}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="252"/>
        <source>Unavailable on this machine:</source>
        <translation>Unavailable on this machine:</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="255"/>
        <source>All optional parts are loaded (video, sound).</source>
        <translation>All optional parts are loaded (video, sound).</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="257"/>
        <source>The map&apos;s web engine runs without its sandbox (started as root).</source>
        <translation>The map&apos;s web engine runs without its sandbox (started as root).</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="297"/>
        <source>Overview: map and counters (1 screen)</source>
        <translation>Overview: map and counters (1 screen)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="298"/>
        <source>Queue and counters (1 screen)</source>
        <translation>Queue and counters (1 screen)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="299"/>
        <source>Video 3×3 (1 screen)</source>
        <translation>Video 3×3 (1 screen)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="300"/>
        <source>Command: map, queue, video (3 screens)</source>
        <translation>Command: map, queue, video (3 screens)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="301"/>
        <source>Full: map, queue, video, streets (4 screens)</source>
        <translation>Full: map, queue, video, streets (4 screens)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="302"/>
        <source>Numbers: this shift by department, with charts (1 screen)</source>
        <translation>Numbers: this shift by department, with charts (1 screen)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="359"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="360"/>
        <source>The console will use the new language the next time it starts.</source>
        <translation>The console will use the new language the next time it starts.</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="408"/>
        <source>{user} · {role}</source>
        <translation>{user} · {role}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="413"/>
        <source>viewer</source>
        <translation>viewer</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="413"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="414"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="414"/>
        <source>field</source>
        <translation>field</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="415"/>
        <source>sensor</source>
        <translation>sensor</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="415"/>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="436"/>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="441"/>
        <source>The hub refused this console&apos;s token ({why}); check the token. Showing the last known state.</source>
        <translation>The hub refused this console&apos;s token ({why}); check the token. Showing the last known state.</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="444"/>
        <source>Hub unreachable since {since} — showing the last known state (stale); reconnecting…</source>
        <translation>Hub unreachable since {since} — showing the last known state (stale); reconnecting…</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="448"/>
        <source>● Offline since {since}</source>
        <translation>● Offline since {since}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="456"/>
        <source>no data yet</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="460"/>
        <source>data as of {time} ({age} s ago)</source>
        <translation>data as of {time} ({age} s ago)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="493"/>
        <source>[DRILL] {text}</source>
        <translation>[DRILL] {text}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="494"/>
        <source>[CAP Exercise] {text}</source>
        <translation>[CAP Exercise] {text}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="494"/>
        <source>[CAP Actual] {text}</source>
        <translation>[CAP Actual] {text}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="515"/>
        <source>Unit {unit} ({team}): {status}</source>
        <translation>Unit {unit} ({team}): {status}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="566"/>
        <source>Offline: the command was not sent</source>
        <translation>Offline: the command was not sent</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="568"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="574"/>
        <source>New urgent incident {id}: {description}</source>
        <translation>New urgent incident {id}: {description}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="576"/>
        <source>The control room urges incident {id}, assigned to your team: {description}</source>
        <translation>The control room urges incident {id}, assigned to your team: {description}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="578"/>
        <source>Overdue: incident {id} passed its deadline — {description}</source>
        <translation>Overdue: incident {id} passed its deadline — {description}</translation>
    </message>
    <message>
        <location filename="../../console/views/calltaking.py" line="540"/>
        <source>New call (N)</source>
        <translation>New call (N)</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../console/views/map/view.py" line="168"/>
        <source>Grids</source>
        <translation>Grids</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="168"/>
        <source>Boundaries</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="168"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="169"/>
        <source>Field units</source>
        <translation>Field units</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="169"/>
        <source>Cameras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="172"/>
        <source>Show or hide this layer</source>
        <translation>Show or hide this layer</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="174"/>
        <source>Grids: no fill</source>
        <translation>Grids: no fill</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="174"/>
        <source>Grids: open-incident load</source>
        <translation>Grids: open-incident load</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="175"/>
        <source>Grids: worst SLA</source>
        <translation>Grids: worst SLA</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="176"/>
        <source>All active</source>
        <translation>All active</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="176"/>
        <source>Last 1 h</source>
        <translation>Last 1 h</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="176"/>
        <source>Last 6 h</source>
        <translation>Last 6 h</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="177"/>
        <source>Last 24 h</source>
        <translation>Last 24 h</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="187"/>
        <source>How grids are filled</source>
        <translation>How grids are filled</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="188"/>
        <source>Show incidents reported within this time</source>
        <translation>Show incidents reported within this time</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="189"/>
        <source>Whole district</source>
        <translation>Whole district</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="190"/>
        <source>Zoom out to the whole district</source>
        <translation>Zoom out to the whole district</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="198"/>
        <source>DRILL</source>
        <translation>DRILL</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="199"/>
        <source>camera</source>
        <translation>camera</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="200"/>
        <source>{n} incidents here; click to zoom in</source>
        <translation>{n} incidents here; click to zoom in</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="201"/>
        <source>free</source>
        <translation>free</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="201"/>
        <source>en route</source>
        <translation>en route</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="201"/>
        <source>on scene</source>
        <translation>on scene</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="202"/>
        <source>busy</source>
        <translation>busy</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="202"/>
        <source>off duty</source>
        <translation>off duty</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="203"/>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="203"/>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="203"/>
        <source>Nearing the limit</source>
        <translation>Nearing the limit</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="204"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="204"/>
        <source>No clock</source>
        <translation>No clock</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="204"/>
        <source>Urgent (triangle)</source>
        <translation>Urgent (triangle)</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="205"/>
        <source>Drill incident</source>
        <translation>Drill incident</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="205"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="454"/>
        <source>{n} incidents · {u} units</source>
        <translation>{n} incidents · {u} units</translation>
    </message>
</context>
<context>
    <name>NumbersCharts</name>
    <message>
        <location filename="../../console/views/eval_charts.py" line="196"/>
        <source>On-time closure</source>
        <translation>On-time closure</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="197"/>
        <source>Intake and closure</source>
        <translation>Intake and closure</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="198"/>
        <source>Time in each stage</source>
        <translation>Time in each stage</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="199"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="201"/>
        <source>On-time closure by group (line: {target} % target)</source>
        <translation>On-time closure by group (line: {target} % target)</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="203"/>
        <source>Cases reported and closed</source>
        <translation>Cases reported and closed</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="204"/>
        <source>Time spent in each stage (share of cases)</source>
        <translation>Time spent in each stage (share of cases)</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="205"/>
        <source>Cases overdue</source>
        <translation>Cases overdue</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="207"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="208"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="210"/>
        <source>≤ 15 min</source>
        <translation>≤ 15 min</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="210"/>
        <source>15–60 min</source>
        <translation>15–60 min</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="210"/>
        <source>1–4 h</source>
        <translation>1–4 h</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="211"/>
        <source>4–24 h</source>
        <translation>4–24 h</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="211"/>
        <source>1–3 days</source>
        <translation>1–3 days</translation>
    </message>
    <message>
        <location filename="../../console/views/eval_charts.py" line="211"/>
        <source>&gt; 3 days</source>
        <translation>&gt; 3 days</translation>
    </message>
</context>
<context>
    <name>PresenceDesk</name>
    <message>
        <location filename="../../console/views/presence.py" line="133"/>
        <source>viewer</source>
        <translation>viewer</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="133"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="133"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="134"/>
        <source>field</source>
        <translation>field</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="134"/>
        <source>sensor</source>
        <translation>sensor</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="134"/>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="145"/>
        <source>you, at another desk</source>
        <translation>you, at another desk</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="150"/>
        <source>{user} ({details})</source>
        <translation>{user} ({details})</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="150"/>
        <location filename="../../console/views/presence.py" line="175"/>
        <location filename="../../console/views/presence.py" line="193"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="151"/>
        <source>{who} ✎ acting</source>
        <translation>{who} ✎ acting</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="157"/>
        <location filename="../../console/views/presence.py" line="175"/>
        <source>Also open by: {people}</source>
        <translation>Also open by: {people}</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="170"/>
        <source>{who}: open since {since}</source>
        <translation>{who}: open since {since}</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="181"/>
        <source>Hub {hub}</source>
        <translation>Hub {hub}</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="192"/>
        <source>+{n}</source>
        <translation>+{n}</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="193"/>
        <source>On shift {n}: {names}</source>
        <translation>On shift {n}: {names}</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="194"/>
        <source>On shift:</source>
        <translation>On shift:</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="196"/>
        <source>Feeds and sensors:</source>
        <translation>Feeds and sensors:</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="200"/>
        <source>{user} — {role}</source>
        <translation>{user} — {role}</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="204"/>
        <source>×{n} desks</source>
        <translation>×{n} desks</translation>
    </message>
    <message>
        <location filename="../../console/views/presence.py" line="210"/>
        <source>Connected to {url}</source>
        <translation>Connected to {url}</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../console/views/queue/view.py" line="195"/>
        <source>Search id, description, address, category…</source>
        <translation>Search id, description, address, category…</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="196"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="197"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="198"/>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="199"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="200"/>
        <source>Time-limit colour</source>
        <translation>Time-limit colour</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="201"/>
        <source>Drill</source>
        <translation>Drill</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="202"/>
        <source>Ledgers: parked cases with the reason and since when, urged cases, requests for more time</source>
        <translation>Ledgers: parked cases with the reason and since when, urged cases, requests for more time</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="205"/>
        <source>All active</source>
        <translation>All active</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="207"/>
        <source>Any colour</source>
        <translation>Any colour</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="207"/>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="207"/>
        <source>Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="208"/>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="208"/>
        <source>No time limit</source>
        <translation>No time limit</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="209"/>
        <source>Real and drill</source>
        <translation>Real and drill</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="209"/>
        <source>Real only</source>
        <translation>Real only</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="210"/>
        <source>Drill only</source>
        <translation>Drill only</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="211"/>
        <source>Every case</source>
        <translation>Every case</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="211"/>
        <source>Parked (挂账)</source>
        <translation>Parked (挂账)</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="212"/>
        <source>Urged (催办/督办)</source>
        <translation>Urged (催办/督办)</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="212"/>
        <source>More time asked</source>
        <translation>More time asked</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="220"/>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="222"/>
        <source>Parts</source>
        <translation>Parts</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="222"/>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="230"/>
        <source>All streets</source>
        <translation>All streets</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="235"/>
        <source>All sources</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="242"/>
        <source>{shown} shown of {total}</source>
        <translation>{shown} shown of {total}</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../../console/views/replay.py" line="108"/>
        <source>REPLAY: {why}</source>
        <translation>REPLAY: {why}</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="172"/>
        <source>REPLAY {time}</source>
        <translation>REPLAY {time}</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="179"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="179"/>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="180"/>
        <source>Back to live</source>
        <translation>Back to live</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="181"/>
        <source>The state just before the event shown</source>
        <translation>The state just before the event shown</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="182"/>
        <source>The next stored event</source>
        <translation>The next stored event</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="183"/>
        <source>Replay speed</source>
        <translation>Replay speed</translation>
    </message>
    <message>
        <location filename="../../console/views/replay.py" line="184"/>
        <source>Above the line: cases reported (red: urgent). Below it: cases that turned red, and escalations to a department (blue).</source>
        <translation>Above the line: cases reported (red: urgent). Below it: cases that turned red, and escalations to a department (blue).</translation>
    </message>
</context>
<context>
    <name>StreamPlayer</name>
    <message>
        <location filename="../../console/views/video/player.py" line="226"/>
        <location filename="../../console/views/video/player.py" line="231"/>
        <location filename="../../console/views/video/player.py" line="238"/>
        <source>The stream could not be opened</source>
        <translation>The stream could not be opened</translation>
    </message>
    <message>
        <location filename="../../console/views/video/player.py" line="227"/>
        <source>The stream&apos;s format is not supported</source>
        <translation>The stream&apos;s format is not supported</translation>
    </message>
    <message>
        <location filename="../../console/views/video/player.py" line="228"/>
        <source>Network error</source>
        <translation>Network error</translation>
    </message>
    <message>
        <location filename="../../console/views/video/player.py" line="229"/>
        <source>Access to the stream was denied</source>
        <translation>Access to the stream was denied</translation>
    </message>
    <message>
        <location filename="../../console/views/video/player.py" line="236"/>
        <source>The stream ended</source>
        <translation>The stream ended</translation>
    </message>
    <message>
        <location filename="../../console/views/video/player.py" line="246"/>
        <source>No picture within {s} s</source>
        <translation>No picture within {s} s</translation>
    </message>
    <message>
        <location filename="../../console/views/video/player.py" line="248"/>
        <source>No new picture for {s} s</source>
        <translation>No new picture for {s} s</translation>
    </message>
</context>
<context>
    <name>StreetBoard</name>
    <message>
        <location filename="../../console/views/wall/panels.py" line="89"/>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="89"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="89"/>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="90"/>
        <source>Nearing limit</source>
        <translation>Nearing limit</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="90"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>VideoWall</name>
    <message>
        <location filename="../../console/views/video/controls.py" line="35"/>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="57"/>
        <source>Video unavailable: {reason}</source>
        <translation>Video unavailable: {reason}</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="84"/>
        <source>Near incident {id}</source>
        <translation>Near incident {id}</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="87"/>
        <source>{name} · {m} m</source>
        <translation>{name} · {m} m</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="91"/>
        <source>Show camera</source>
        <translation>Show camera</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="98"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="102"/>
        <source>Unpin</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="106"/>
        <source>Lock (incidents do not replace it)</source>
        <translation>Lock (incidents do not replace it)</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="112"/>
        <source>Enlarge</source>
        <translation>Enlarge</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="115"/>
        <source>Back to the wall</source>
        <translation>Back to the wall</translation>
    </message>
    <message>
        <location filename="../../console/views/video/controls.py" line="118"/>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <location filename="../../console/views/video/wall.py" line="513"/>
        <source>Incident {id}: {n} cameras within {r} m</source>
        <translation>Incident {id}: {n} cameras within {r} m</translation>
    </message>
    <message>
        <location filename="../../console/views/video/wall.py" line="516"/>
        <source>Incident {id}: no camera within {r} m</source>
        <translation>Incident {id}: no camera within {r} m</translation>
    </message>
    <message>
        <location filename="../../console/views/video/wall.py" line="518"/>
        <source>No incident pinned</source>
        <translation>No incident pinned</translation>
    </message>
</context>
<context>
    <name>WallController</name>
    <message>
        <location filename="../../console/views/wall/controller.py" line="119"/>
        <source>District map</source>
        <translation>District map</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="119"/>
        <source>Incidents now</source>
        <translation>Incidents now</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="120"/>
        <source>Incident queue</source>
        <translation>Incident queue</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="120"/>
        <source>Cameras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="121"/>
        <source>Streets</source>
        <translation>Streets</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="121"/>
        <source>This shift&apos;s numbers by department</source>
        <translation>This shift&apos;s numbers by department</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="230"/>
        <source>Hub unreachable — the wall shows the last known state</source>
        <translation>Hub unreachable — the wall shows the last known state</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="337"/>
        <source>Urgent incident {id} · {category}: {description}</source>
        <translation>Urgent incident {id} · {category}: {description}</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="344"/>
        <source>Next: {n} more urgent — {list}</source>
        <translation>Next: {n} more urgent — {list}</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="400"/>
        <source>no data yet</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="404"/>
        <source>as of {time}</source>
        <translation>as of {time}</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="406"/>
        <source>({age} s ago)</source>
        <translation>({age} s ago)</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="409"/>
        <source>REPLAY {time}</source>
        <translation>REPLAY {time}</translation>
    </message>
</context>
<context>
    <name>WallScreen</name>
    <message>
        <location filename="../../console/views/wall/panels.py" line="185"/>
        <source>Wall display — screen {n}</source>
        <translation>Wall display — screen {n}</translation>
    </message>
</context>
</TS>
