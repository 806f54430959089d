<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    <name>HistoryView</name>
    <message>
        <location filename="../../console/views/history.py" line="135"/>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="139"/>
        <source>not connected to the hub</source>
        <translation>not connected to the hub</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="156"/>
        <source>{n} cases shown; more on the hub</source>
        <translation>{n} cases shown; more on the hub</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="157"/>
        <source>{n} cases found</source>
        <translation>{n} cases found</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="163"/>
        <source>The search failed: {why}</source>
        <translation>The search failed: {why}</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="184"/>
        <location filename="../../console/views/history.py" line="196"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="184"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="184"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="185"/>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="185"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="186"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="186"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="186"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="187"/>
        <location filename="../../console/views/history.py" line="200"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="187"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="187"/>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="191"/>
        <source>Search text, id, address…</source>
        <translation>Search text, id, address…</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="192"/>
        <source>Grid code</source>
        <translation>Grid code</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="193"/>
        <source>Reported from</source>
        <translation>Reported from</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="194"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="195"/>
        <source>More</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="196"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="196"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="197"/>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="197"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="199"/>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="199"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="200"/>
        <source>Closed, rejected or merged</source>
        <translation>Closed, rejected or merged</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="201"/>
        <source>Any category</source>
        <translation>Any category</translation>
    </message>
    <message>
        <location filename="../../console/views/history.py" line="204"/>
        <source>Any street</source>
        <translation>Any street</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <location filename="../../console/views/incident/panel.py" line="156"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="156"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="189"/>
        <source>No time limit running</source>
        <translation>No time limit running</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="196"/>
        <source>{stage}: {left} left (due {due})</source>
        <translation>{stage}: {left} left (due {due})</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="199"/>
        <source>{stage}: OVERDUE by {late} (was due {due})</source>
        <translation>{stage}: OVERDUE by {late} (was due {due})</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="227"/>
        <source>Select an incident</source>
        <translation>Select an incident</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="228"/>
        <source>DRILL 演练</source>
        <translation>DRILL 演练</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="229"/>
        <source>An exercise: not a real incident</source>
        <translation>An exercise: not a real incident</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="230"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="231"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="232"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="234"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="234"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="234"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="235"/>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="235"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="235"/>
        <source>Coordinates</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="236"/>
        <source>Reporter</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="236"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="236"/>
        <location filename="../../console/views/incident/panel.py" line="287"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="237"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="237"/>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="237"/>
        <source>Rework</source>
        <translation>Rework</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="238"/>
        <source>Merged into</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="238"/>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="242"/>
        <source>Note / reason (N)</source>
        <translation>Note / reason (N)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="243"/>
        <source>Required to reject, return, escalate, reopen or fail a check</source>
        <translation>Required to reject, return, escalate, reopen or fail a check</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="244"/>
        <source>N focuses this field; Ctrl+Enter accepts</source>
        <translation>N focuses this field; Ctrl+Enter accepts</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="246"/>
        <location filename="../../console/views/incident/panel.py" line="307"/>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="246"/>
        <source>Register the case (A or Ctrl+Enter)</source>
        <translation>Register the case (A or Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="247"/>
        <location filename="../../console/views/incident/panel.py" line="307"/>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="247"/>
        <source>Sign for the case on behalf of the team</source>
        <translation>Sign for the case on behalf of the team</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="248"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="248"/>
        <source>Void the case; the reason in the note field is required</source>
        <translation>Void the case; the reason in the note field is required</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="249"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="249"/>
        <source>Send the case back; the reason is required</source>
        <translation>Send the case back; the reason is required</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="250"/>
        <location filename="../../console/views/incident/panel.py" line="308"/>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="250"/>
        <source>Report the case handled; the note says how</source>
        <translation>Report the case handled; the note says how</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="251"/>
        <source>Check passed</source>
        <translation>Check passed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="251"/>
        <source>Verified on site: really fixed</source>
        <translation>Verified on site: really fixed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="252"/>
        <source>Check failed</source>
        <translation>Check failed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="252"/>
        <source>Not fixed: back to the team as rework; say why</source>
        <translation>Not fixed: back to the team as rework; say why</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="253"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="253"/>
        <source>Add the note field&apos;s text to the timeline</source>
        <translation>Add the note field&apos;s text to the timeline</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="254"/>
        <location filename="../../console/views/incident/panel.py" line="307"/>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="255"/>
        <source>Send to the chosen team or department (D sends to the first recommendation)</source>
        <translation>Send to the chosen team or department (D sends to the first recommendation)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="256"/>
        <source>Escalate</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="256"/>
        <source>Call a district department; the reason is required</source>
        <translation>Call a district department; the reason is required</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="257"/>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="257"/>
        <source>Mark this case a duplicate of the chosen one</source>
        <translation>Mark this case a duplicate of the chosen one</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="258"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="258"/>
        <source>Close after the call-back with the reporter&apos;s rating</source>
        <translation>Close after the call-back with the reporter&apos;s rating</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="259"/>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="259"/>
        <source>Open the case again; the reason is required</source>
        <translation>Open the case again; the reason is required</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="264"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="265"/>
        <source>Recompute the recommended teams from the live units</source>
        <translation>Recompute the recommended teams from the live units</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="267"/>
        <source>Recommended free teams first (distance, open cases); D dispatches to the first</source>
        <translation>Recommended free teams first (distance, open cases); D dispatches to the first</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="268"/>
        <source>Possible duplicates nearby (same category, within 500 m and 24 h)</source>
        <translation>Possible duplicates nearby (same category, within 500 m and 24 h)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="269"/>
        <source>Or type the id of the incident to merge into</source>
        <translation>Or type the id of the incident to merge into</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="270"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="270"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="270"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="270"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="272"/>
        <source>Offline: the data shown may be stale; actions are disabled until the hub is back.</source>
        <translation>Offline: the data shown may be stale; actions are disabled until the hub is back.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="278"/>
        <source>Call-back rating…</source>
        <translation>Call-back rating…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="280"/>
        <source>{stars} {n} of 5</source>
        <translation>{stars} {n} of 5</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="281"/>
        <source>No call-back (unrated)</source>
        <translation>No call-back (unrated)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="287"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="287"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="288"/>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="288"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="289"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="289"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="289"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="290"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="290"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="290"/>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="296"/>
        <source>report</source>
        <translation>report</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="296"/>
        <source>accept</source>
        <translation>accept</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="296"/>
        <source>reject</source>
        <translation>reject</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="297"/>
        <source>merge</source>
        <translation>merge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="297"/>
        <source>dispatch</source>
        <translation>dispatch</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="297"/>
        <source>acknowledge</source>
        <translation>acknowledge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="298"/>
        <source>return</source>
        <translation>return</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="298"/>
        <source>escalate</source>
        <translation>escalate</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="298"/>
        <source>resolve</source>
        <translation>resolve</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="299"/>
        <source>check passed</source>
        <translation>check passed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="299"/>
        <source>check failed</source>
        <translation>check failed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="300"/>
        <source>close</source>
        <translation>close</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="300"/>
        <source>reopen</source>
        <translation>reopen</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="300"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="301"/>
        <source>time limit</source>
        <translation>time limit</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="308"/>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="314"/>
        <source>viewer</source>
        <translation>viewer</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="314"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="314"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="315"/>
        <source>field</source>
        <translation>field</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="315"/>
        <location filename="../../console/views/incident/panel.py" line="323"/>
        <source>sensor</source>
        <translation>sensor</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="315"/>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="316"/>
        <source>system</source>
        <translation>system</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="322"/>
        <source>grid worker</source>
        <translation>grid worker</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="322"/>
        <source>12345 hotline</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="323"/>
        <source>110 police transfer</source>
        <translation>110 police transfer</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="323"/>
        <source>web</source>
        <translation>web</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="324"/>
        <source>mailbox</source>
        <translation>mailbox</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="324"/>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="324"/>
        <source>drill</source>
        <translation>drill</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="325"/>
        <source>demo feed</source>
        <translation>demo feed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="368"/>
        <source>URGENT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="368"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="372"/>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="372"/>
        <source>Nearing limit</source>
        <translation>Nearing limit</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="372"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="403"/>
        <source>Open photo</source>
        <translation>Open photo</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="411"/>
        <source>{name} — escalated</source>
        <translation>{name} — escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="499"/>
        <source>green</source>
        <translation>green</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="499"/>
        <source>blue</source>
        <translation>blue</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/panel.py" line="499"/>
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
        <location filename="../../console/views/incident/actions.py" line="159"/>
        <source>Choose a department.</source>
        <translation>Choose a department.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="167"/>
        <source>Choose the incident this one duplicates.</source>
        <translation>Choose the incident this one duplicates.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="176"/>
        <source>Choose the call-back rating, or “no call-back”.</source>
        <translation>Choose the call-back rating, or “no call-back”.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="187"/>
        <source>This case never had an assignee: choose who gets it.</source>
        <translation>This case never had an assignee: choose who gets it.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident/actions.py" line="197"/>
        <source>No free team to recommend; choose a target in the list.</source>
        <translation>No free team to recommend; choose a target in the list.</translation>
    </message>
</context>
<context>
    <name>IncidentQueue</name>
    <message>
        <source>-{time} overdue</source>
        <translation>-{time} overdue</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../console/views/queue/model.py" line="231"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="231"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="232"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="232"/>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="233"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="233"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="234"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="234"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="235"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="235"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="235"/>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="237"/>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="237"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="238"/>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="238"/>
        <source>Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="238"/>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="239"/>
        <source>Grid worker</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="239"/>
        <source>Hotline</source>
        <translation>Hotline</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="239"/>
        <source>12345</source>
        <translation>12345</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="240"/>
        <source>110 transfer</source>
        <translation>110 transfer</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="240"/>
        <source>Sensor</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="240"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="241"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="243"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="243"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="243"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="244"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="244"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="244"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="245"/>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="245"/>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="246"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/model.py" line="482"/>
        <source>Deadline {when} ({left})</source>
        <translation>Deadline {when} ({left})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/views/main_window.py" line="69"/>
        <source>Command Center Console</source>
        <translation>Command Center Console</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="102"/>
        <source>Incident queue</source>
        <translation>Incident queue</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="103"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="104"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="105"/>
        <source>Video wall</source>
        <translation>Video wall</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="108"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="167"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="171"/>
        <source>Reset layout</source>
        <translation>Reset layout</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="175"/>
        <source>Dark theme (wall)</source>
        <translation>Dark theme (wall)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="175"/>
        <source>Light theme</source>
        <translation>Light theme</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="181"/>
        <source>Wall display</source>
        <translation>Wall display</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="186"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="194"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="198"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="199"/>
        <location filename="../../console/views/main_window.py" line="227"/>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="213"/>
        <source>Command Center Console {version}</source>
        <translation>Command Center Console {version}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="214"/>
        <source>Hub: {hub}</source>
        <translation>Hub: {hub}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="218"/>
        <source>Unavailable on this machine:</source>
        <translation>Unavailable on this machine:</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="221"/>
        <source>All optional parts are loaded (video, sound).</source>
        <translation>All optional parts are loaded (video, sound).</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="223"/>
        <source>The map&apos;s web engine runs without its sandbox (started as root).</source>
        <translation>The map&apos;s web engine runs without its sandbox (started as root).</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="263"/>
        <source>Overview: map and counters (1 screen)</source>
        <translation>Overview: map and counters (1 screen)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="264"/>
        <source>Queue and counters (1 screen)</source>
        <translation>Queue and counters (1 screen)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="265"/>
        <source>Video 3×3 (1 screen)</source>
        <translation>Video 3×3 (1 screen)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="266"/>
        <source>Command: map, queue, video (3 screens)</source>
        <translation>Command: map, queue, video (3 screens)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="267"/>
        <source>Full: map, queue, video, streets (4 screens)</source>
        <translation>Full: map, queue, video, streets (4 screens)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="293"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="294"/>
        <source>The console will use the new language the next time it starts.</source>
        <translation>The console will use the new language the next time it starts.</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="341"/>
        <source>{user} · {role}</source>
        <translation>{user} · {role}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="346"/>
        <source>viewer</source>
        <translation>viewer</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="346"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="347"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="347"/>
        <source>field</source>
        <translation>field</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="348"/>
        <source>sensor</source>
        <translation>sensor</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="348"/>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="368"/>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="373"/>
        <source>The hub refused this console&apos;s token ({why}); check the token. Showing the last known state.</source>
        <translation>The hub refused this console&apos;s token ({why}); check the token. Showing the last known state.</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="376"/>
        <source>Hub unreachable since {since} — showing the last known state (stale); reconnecting…</source>
        <translation>Hub unreachable since {since} — showing the last known state (stale); reconnecting…</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="380"/>
        <source>● Offline since {since}</source>
        <translation>● Offline since {since}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="388"/>
        <source>no data yet</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="392"/>
        <source>data as of {time} ({age} s ago)</source>
        <translation>data as of {time} ({age} s ago)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="425"/>
        <source>[DRILL] {text}</source>
        <translation>[DRILL] {text}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="445"/>
        <source>Unit {unit} ({team}): {status}</source>
        <translation>Unit {unit} ({team}): {status}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="491"/>
        <source>Offline: the command was not sent</source>
        <translation>Offline: the command was not sent</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="493"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="499"/>
        <source>New urgent incident {id}: {description}</source>
        <translation>New urgent incident {id}: {description}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="501"/>
        <source>The control room urges incident {id}, assigned to your team: {description}</source>
        <translation>The control room urges incident {id}, assigned to your team: {description}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="503"/>
        <source>Overdue: incident {id} passed its deadline — {description}</source>
        <translation>Overdue: incident {id} passed its deadline — {description}</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../console/views/map/view.py" line="165"/>
        <source>Grids</source>
        <translation>Grids</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="165"/>
        <source>Boundaries</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="165"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="166"/>
        <source>Field units</source>
        <translation>Field units</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="166"/>
        <source>Cameras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="169"/>
        <source>Show or hide this layer</source>
        <translation>Show or hide this layer</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="171"/>
        <source>Grids: no fill</source>
        <translation>Grids: no fill</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="171"/>
        <source>Grids: open-incident load</source>
        <translation>Grids: open-incident load</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="172"/>
        <source>Grids: worst SLA</source>
        <translation>Grids: worst SLA</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="173"/>
        <source>All active</source>
        <translation>All active</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="173"/>
        <source>Last 1 h</source>
        <translation>Last 1 h</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="173"/>
        <source>Last 6 h</source>
        <translation>Last 6 h</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="174"/>
        <source>Last 24 h</source>
        <translation>Last 24 h</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="184"/>
        <source>How grids are filled</source>
        <translation>How grids are filled</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="185"/>
        <source>Show incidents reported within this time</source>
        <translation>Show incidents reported within this time</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="186"/>
        <source>Whole district</source>
        <translation>Whole district</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="187"/>
        <source>Zoom out to the whole district</source>
        <translation>Zoom out to the whole district</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="195"/>
        <source>DRILL</source>
        <translation>DRILL</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="196"/>
        <source>camera</source>
        <translation>camera</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="197"/>
        <source>{n} incidents here; click to zoom in</source>
        <translation>{n} incidents here; click to zoom in</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="198"/>
        <source>free</source>
        <translation>free</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="198"/>
        <source>en route</source>
        <translation>en route</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="198"/>
        <source>on scene</source>
        <translation>on scene</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="199"/>
        <source>busy</source>
        <translation>busy</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="199"/>
        <source>off duty</source>
        <translation>off duty</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="200"/>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="200"/>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="200"/>
        <source>Nearing the limit</source>
        <translation>Nearing the limit</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="201"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="201"/>
        <source>No clock</source>
        <translation>No clock</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="201"/>
        <source>Urgent (triangle)</source>
        <translation>Urgent (triangle)</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="202"/>
        <source>Drill incident</source>
        <translation>Drill incident</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="202"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../console/views/map/view.py" line="432"/>
        <source>{n} incidents · {u} units</source>
        <translation>{n} incidents · {u} units</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../console/views/queue/view.py" line="193"/>
        <source>Search id, description, address, category…</source>
        <translation>Search id, description, address, category…</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="194"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="195"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="196"/>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="197"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="198"/>
        <source>Time-limit colour</source>
        <translation>Time-limit colour</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="199"/>
        <source>Drill</source>
        <translation>Drill</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="201"/>
        <source>All active</source>
        <translation>All active</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="203"/>
        <source>Any colour</source>
        <translation>Any colour</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="203"/>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="203"/>
        <source>Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="204"/>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="204"/>
        <source>No time limit</source>
        <translation>No time limit</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="205"/>
        <source>Real and drill</source>
        <translation>Real and drill</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="205"/>
        <source>Real only</source>
        <translation>Real only</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="206"/>
        <source>Drill only</source>
        <translation>Drill only</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="214"/>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="216"/>
        <source>Parts</source>
        <translation>Parts</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="216"/>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="224"/>
        <source>All streets</source>
        <translation>All streets</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="229"/>
        <source>All sources</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../console/views/queue/view.py" line="236"/>
        <source>{shown} shown of {total}</source>
        <translation>{shown} shown of {total}</translation>
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
        <location filename="../../console/views/wall/panels.py" line="81"/>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="81"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="81"/>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="82"/>
        <source>Nearing limit</source>
        <translation>Nearing limit</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/panels.py" line="82"/>
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
        <location filename="../../console/views/wall/controller.py" line="95"/>
        <source>District map</source>
        <translation>District map</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="95"/>
        <source>Incidents now</source>
        <translation>Incidents now</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="96"/>
        <source>Incident queue</source>
        <translation>Incident queue</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="96"/>
        <source>Cameras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="97"/>
        <source>Streets</source>
        <translation>Streets</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="187"/>
        <source>Hub unreachable — the wall shows the last known state</source>
        <translation>Hub unreachable — the wall shows the last known state</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="218"/>
        <source>Urgent incident {id}: {description}</source>
        <translation>Urgent incident {id}: {description}</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="247"/>
        <source>no data yet</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="251"/>
        <source>as of {time}</source>
        <translation>as of {time}</translation>
    </message>
    <message>
        <location filename="../../console/views/wall/controller.py" line="253"/>
        <source>({age} s ago)</source>
        <translation>({age} s ago)</translation>
    </message>
</context>
<context>
    <name>WallScreen</name>
    <message>
        <location filename="../../console/views/wall/panels.py" line="134"/>
        <source>Wall display — screen {n}</source>
        <translation>Wall display — screen {n}</translation>
    </message>
</context>
</TS>
