<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CameraTile</name>
    <message>
        <location filename="../../console/views/video_wall.py" line="639"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="639"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="640"/>
        <source>ALARM</source>
        <translation>ALARM</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="700"/>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="718"/>
        <source>{m} m away</source>
        <translation>{m} m away</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="754"/>
        <source>No camera on this tile</source>
        <translation>No camera on this tile</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="755"/>
        <source>Right-click to choose a camera</source>
        <translation>Right-click to choose a camera</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="757"/>
        <source>No video stream configured</source>
        <translation>No video stream configured</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="760"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="762"/>
        <source>Paused while not on screen</source>
        <translation>Paused while not on screen</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="765"/>
        <source>Retrying in {s} s (attempt {n})</source>
        <translation>Retrying in {s} s (attempt {n})</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="766"/>
        <source>Retrying…</source>
        <translation>Retrying…</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="768"/>
        <source>NO SIGNAL</source>
        <translation>NO SIGNAL</translation>
    </message>
</context>
<context>
    <name>Counters</name>
    <message>
        <location filename="../../console/views/main_window.py" line="76"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="76"/>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="76"/>
        <source>Nearing limit</source>
        <translation>Nearing limit</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="77"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <location filename="../../console/views/incident_panel.py" line="177"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="177"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="210"/>
        <source>No time limit running</source>
        <translation>No time limit running</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="217"/>
        <source>{stage}: {left} left (due {due})</source>
        <translation>{stage}: {left} left (due {due})</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="220"/>
        <source>{stage}: OVERDUE by {late} (was due {due})</source>
        <translation>{stage}: OVERDUE by {late} (was due {due})</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="444"/>
        <source>Select an incident</source>
        <translation>Select an incident</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="445"/>
        <source>DRILL 演练</source>
        <translation>DRILL 演练</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="446"/>
        <source>An exercise: not a real incident</source>
        <translation>An exercise: not a real incident</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="447"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="448"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="449"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="451"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="451"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="451"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="452"/>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="452"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="452"/>
        <source>Coordinates</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="453"/>
        <source>Reporter</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="453"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="453"/>
        <location filename="../../console/views/incident_panel.py" line="504"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="454"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="454"/>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="454"/>
        <source>Rework</source>
        <translation>Rework</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="455"/>
        <source>Merged into</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="455"/>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="459"/>
        <source>Note / reason (N)</source>
        <translation>Note / reason (N)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="460"/>
        <source>Required to reject, return, escalate, reopen or fail a check</source>
        <translation>Required to reject, return, escalate, reopen or fail a check</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="461"/>
        <source>N focuses this field; Ctrl+Enter accepts</source>
        <translation>N focuses this field; Ctrl+Enter accepts</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="463"/>
        <location filename="../../console/views/incident_panel.py" line="524"/>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="463"/>
        <source>Register the case (A or Ctrl+Enter)</source>
        <translation>Register the case (A or Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="464"/>
        <location filename="../../console/views/incident_panel.py" line="524"/>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="464"/>
        <source>Sign for the case on behalf of the team</source>
        <translation>Sign for the case on behalf of the team</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="465"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="465"/>
        <source>Void the case; the reason in the note field is required</source>
        <translation>Void the case; the reason in the note field is required</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="466"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="466"/>
        <source>Send the case back; the reason is required</source>
        <translation>Send the case back; the reason is required</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="467"/>
        <location filename="../../console/views/incident_panel.py" line="525"/>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="467"/>
        <source>Report the case handled; the note says how</source>
        <translation>Report the case handled; the note says how</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="468"/>
        <source>Check passed</source>
        <translation>Check passed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="468"/>
        <source>Verified on site: really fixed</source>
        <translation>Verified on site: really fixed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="469"/>
        <source>Check failed</source>
        <translation>Check failed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="469"/>
        <source>Not fixed: back to the team as rework; say why</source>
        <translation>Not fixed: back to the team as rework; say why</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="470"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="470"/>
        <source>Add the note field&apos;s text to the timeline</source>
        <translation>Add the note field&apos;s text to the timeline</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="471"/>
        <location filename="../../console/views/incident_panel.py" line="524"/>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="472"/>
        <source>Send to the chosen team or department (D sends to the first recommendation)</source>
        <translation>Send to the chosen team or department (D sends to the first recommendation)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="473"/>
        <source>Escalate</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="473"/>
        <source>Call a district department; the reason is required</source>
        <translation>Call a district department; the reason is required</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="474"/>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="474"/>
        <source>Mark this case a duplicate of the chosen one</source>
        <translation>Mark this case a duplicate of the chosen one</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="475"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="475"/>
        <source>Close after the call-back with the reporter&apos;s rating</source>
        <translation>Close after the call-back with the reporter&apos;s rating</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="476"/>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="476"/>
        <source>Open the case again; the reason is required</source>
        <translation>Open the case again; the reason is required</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="481"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="482"/>
        <source>Recompute the recommended teams from the live units</source>
        <translation>Recompute the recommended teams from the live units</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="484"/>
        <source>Recommended free teams first (distance, open cases); D dispatches to the first</source>
        <translation>Recommended free teams first (distance, open cases); D dispatches to the first</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="485"/>
        <source>Possible duplicates nearby (same category, within 500 m and 24 h)</source>
        <translation>Possible duplicates nearby (same category, within 500 m and 24 h)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="486"/>
        <source>Or type the id of the incident to merge into</source>
        <translation>Or type the id of the incident to merge into</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="487"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="487"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="487"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="487"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="489"/>
        <source>Offline: the data shown may be stale; actions are disabled until the hub is back.</source>
        <translation>Offline: the data shown may be stale; actions are disabled until the hub is back.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="495"/>
        <source>Call-back rating…</source>
        <translation>Call-back rating…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="497"/>
        <source>{stars} {n} of 5</source>
        <translation>{stars} {n} of 5</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="498"/>
        <source>No call-back (unrated)</source>
        <translation>No call-back (unrated)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="504"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="504"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="505"/>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="505"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="506"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="506"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="506"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="507"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="507"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="507"/>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="513"/>
        <source>report</source>
        <translation>report</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="513"/>
        <source>accept</source>
        <translation>accept</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="513"/>
        <source>reject</source>
        <translation>reject</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="514"/>
        <source>merge</source>
        <translation>merge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="514"/>
        <source>dispatch</source>
        <translation>dispatch</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="514"/>
        <source>acknowledge</source>
        <translation>acknowledge</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="515"/>
        <source>return</source>
        <translation>return</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="515"/>
        <source>escalate</source>
        <translation>escalate</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="515"/>
        <source>resolve</source>
        <translation>resolve</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="516"/>
        <source>check passed</source>
        <translation>check passed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="516"/>
        <source>check failed</source>
        <translation>check failed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="517"/>
        <source>close</source>
        <translation>close</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="517"/>
        <source>reopen</source>
        <translation>reopen</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="517"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="518"/>
        <source>time limit</source>
        <translation>time limit</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="525"/>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="531"/>
        <source>viewer</source>
        <translation>viewer</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="531"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="531"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="532"/>
        <source>field</source>
        <translation>field</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="532"/>
        <location filename="../../console/views/incident_panel.py" line="540"/>
        <source>sensor</source>
        <translation>sensor</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="532"/>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="533"/>
        <source>system</source>
        <translation>system</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="539"/>
        <source>grid worker</source>
        <translation>grid worker</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="539"/>
        <source>12345 hotline</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="540"/>
        <source>110 police transfer</source>
        <translation>110 police transfer</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="540"/>
        <source>web</source>
        <translation>web</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="541"/>
        <source>mailbox</source>
        <translation>mailbox</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="541"/>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="541"/>
        <source>drill</source>
        <translation>drill</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="542"/>
        <source>demo feed</source>
        <translation>demo feed</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="585"/>
        <source>URGENT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="585"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="589"/>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="589"/>
        <source>Nearing limit</source>
        <translation>Nearing limit</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="589"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="620"/>
        <source>Open photo</source>
        <translation>Open photo</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="628"/>
        <source>{name} — escalated</source>
        <translation>{name} — escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="730"/>
        <source>★ {name} — {dist}, {load} open</source>
        <translation>★ {name} — {dist}, {load} open</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="733"/>
        <source>(not capable)</source>
        <translation>(not capable)</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="746"/>
        <location filename="../../console/views/incident_panel.py" line="773"/>
        <source>Department: {name}</source>
        <translation>Department: {name}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="769"/>
        <source>Reopen to…</source>
        <translation>Reopen to…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="816"/>
        <source>{id} — {dist}, reported {ago} ago — {desc}</source>
        <translation>{id} — {dist}, reported {ago} ago — {desc}</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="878"/>
        <source>Sent; waiting for the hub…</source>
        <translation>Sent; waiting for the hub…</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="889"/>
        <source>Write the reason in the note field first.</source>
        <translation>Write the reason in the note field first.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="891"/>
        <source>Write the note first.</source>
        <translation>Write the note first.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="910"/>
        <source>Choose a team or department.</source>
        <translation>Choose a team or department.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="916"/>
        <source>Choose a department.</source>
        <translation>Choose a department.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="922"/>
        <source>Choose the incident this one duplicates.</source>
        <translation>Choose the incident this one duplicates.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="928"/>
        <source>Choose the call-back rating, or “no call-back”.</source>
        <translation>Choose the call-back rating, or “no call-back”.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="936"/>
        <source>This case never had an assignee: choose who gets it.</source>
        <translation>This case never had an assignee: choose who gets it.</translation>
    </message>
    <message>
        <location filename="../../console/views/incident_panel.py" line="944"/>
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
        <location filename="../../console/views/queue.py" line="264"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="264"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="265"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="265"/>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="266"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="266"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="267"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="267"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="268"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="268"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="268"/>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="270"/>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="270"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="271"/>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="271"/>
        <source>Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="271"/>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="272"/>
        <source>Grid worker</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="272"/>
        <source>Hotline</source>
        <translation>Hotline</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="272"/>
        <source>12345</source>
        <translation>12345</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="273"/>
        <source>110 transfer</source>
        <translation>110 transfer</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="273"/>
        <source>Sensor</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="273"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="274"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="276"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="276"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="276"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="277"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="277"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="277"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="278"/>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="278"/>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="279"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="530"/>
        <source>Deadline {when} ({left})</source>
        <translation>Deadline {when} ({left})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/views/main_window.py" line="119"/>
        <source>Command Center Console</source>
        <translation>Command Center Console</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="153"/>
        <source>Incident queue</source>
        <translation>Incident queue</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="154"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="155"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="156"/>
        <source>Video wall</source>
        <translation>Video wall</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="194"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="198"/>
        <source>Reset layout</source>
        <translation>Reset layout</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="202"/>
        <source>Dark theme (wall)</source>
        <translation>Dark theme (wall)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="202"/>
        <source>Light theme</source>
        <translation>Light theme</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="208"/>
        <source>Wall display</source>
        <translation>Wall display</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="213"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="221"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="260"/>
        <source>Overview: map and counters (1 screen)</source>
        <translation>Overview: map and counters (1 screen)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="261"/>
        <source>Queue and counters (1 screen)</source>
        <translation>Queue and counters (1 screen)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="262"/>
        <source>Video 3×3 (1 screen)</source>
        <translation>Video 3×3 (1 screen)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="263"/>
        <source>Command: map, queue, video (3 screens)</source>
        <translation>Command: map, queue, video (3 screens)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="264"/>
        <source>Full: map, queue, video, streets (4 screens)</source>
        <translation>Full: map, queue, video, streets (4 screens)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="295"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="296"/>
        <source>The console will use the new language the next time it starts.</source>
        <translation>The console will use the new language the next time it starts.</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="329"/>
        <source>{user} · {role}</source>
        <translation>{user} · {role}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="334"/>
        <source>viewer</source>
        <translation>viewer</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="334"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="335"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="335"/>
        <source>field</source>
        <translation>field</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="336"/>
        <source>sensor</source>
        <translation>sensor</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="336"/>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="396"/>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="401"/>
        <source>The hub refused this console&apos;s token ({why}); check the token. Showing the last known state.</source>
        <translation>The hub refused this console&apos;s token ({why}); check the token. Showing the last known state.</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="404"/>
        <source>Hub unreachable since {since} — showing the last known state (stale); reconnecting…</source>
        <translation>Hub unreachable since {since} — showing the last known state (stale); reconnecting…</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="408"/>
        <source>● Offline since {since}</source>
        <translation>● Offline since {since}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="418"/>
        <source>no data yet</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="422"/>
        <source>data as of {time} ({age} s ago)</source>
        <translation>data as of {time} ({age} s ago)</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="461"/>
        <source>[DRILL] {text}</source>
        <translation>[DRILL] {text}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="482"/>
        <source>Unit {unit} ({team}): {status}</source>
        <translation>Unit {unit} ({team}): {status}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="536"/>
        <source>Offline: the command was not sent</source>
        <translation>Offline: the command was not sent</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="551"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="558"/>
        <source>New urgent incident {id}: {description}</source>
        <translation>New urgent incident {id}: {description}</translation>
    </message>
    <message>
        <location filename="../../console/views/main_window.py" line="560"/>
        <source>Overdue: incident {id} passed its deadline — {description}</source>
        <translation>Overdue: incident {id} passed its deadline — {description}</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../console/views/map_view.py" line="430"/>
        <source>Grids</source>
        <translation>Grids</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="430"/>
        <source>Boundaries</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="430"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="431"/>
        <source>Field units</source>
        <translation>Field units</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="431"/>
        <source>Cameras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="434"/>
        <source>Show or hide this layer</source>
        <translation>Show or hide this layer</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="436"/>
        <source>Grids: no fill</source>
        <translation>Grids: no fill</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="436"/>
        <source>Grids: open-incident load</source>
        <translation>Grids: open-incident load</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="437"/>
        <source>Grids: worst SLA</source>
        <translation>Grids: worst SLA</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="438"/>
        <source>All active</source>
        <translation>All active</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="438"/>
        <source>Last 1 h</source>
        <translation>Last 1 h</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="438"/>
        <source>Last 6 h</source>
        <translation>Last 6 h</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="439"/>
        <source>Last 24 h</source>
        <translation>Last 24 h</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="449"/>
        <source>How grids are filled</source>
        <translation>How grids are filled</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="450"/>
        <source>Show incidents reported within this time</source>
        <translation>Show incidents reported within this time</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="451"/>
        <source>Whole district</source>
        <translation>Whole district</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="452"/>
        <source>Zoom out to the whole district</source>
        <translation>Zoom out to the whole district</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="456"/>
        <source>DRILL</source>
        <translation>DRILL</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="457"/>
        <source>camera</source>
        <translation>camera</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="458"/>
        <source>{n} incidents here; click to zoom in</source>
        <translation>{n} incidents here; click to zoom in</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="459"/>
        <source>free</source>
        <translation>free</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="459"/>
        <source>en route</source>
        <translation>en route</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="459"/>
        <source>on scene</source>
        <translation>on scene</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="460"/>
        <source>busy</source>
        <translation>busy</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="460"/>
        <source>off duty</source>
        <translation>off duty</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="461"/>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="461"/>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="461"/>
        <source>Nearing the limit</source>
        <translation>Nearing the limit</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="462"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="462"/>
        <source>No clock</source>
        <translation>No clock</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="462"/>
        <source>Urgent (triangle)</source>
        <translation>Urgent (triangle)</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="463"/>
        <source>Drill incident</source>
        <translation>Drill incident</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="463"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../console/views/map_view.py" line="655"/>
        <source>{n} incidents · {u} units</source>
        <translation>{n} incidents · {u} units</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../console/views/queue.py" line="1282"/>
        <source>Search id, description, address, category…</source>
        <translation>Search id, description, address, category…</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1283"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1284"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1285"/>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1286"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1287"/>
        <source>Time-limit colour</source>
        <translation>Time-limit colour</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1288"/>
        <source>Drill</source>
        <translation>Drill</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1290"/>
        <source>All active</source>
        <translation>All active</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1292"/>
        <source>Any colour</source>
        <translation>Any colour</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1292"/>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1292"/>
        <source>Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1293"/>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1293"/>
        <source>No time limit</source>
        <translation>No time limit</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1294"/>
        <source>Real and drill</source>
        <translation>Real and drill</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1294"/>
        <source>Real only</source>
        <translation>Real only</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1295"/>
        <source>Drill only</source>
        <translation>Drill only</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1303"/>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1305"/>
        <source>Parts</source>
        <translation>Parts</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1305"/>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1313"/>
        <source>All streets</source>
        <translation>All streets</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1318"/>
        <source>All sources</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../console/views/queue.py" line="1325"/>
        <source>{shown} shown of {total}</source>
        <translation>{shown} shown of {total}</translation>
    </message>
</context>
<context>
    <name>StreamPlayer</name>
    <message>
        <location filename="../../console/views/video_wall.py" line="281"/>
        <location filename="../../console/views/video_wall.py" line="286"/>
        <location filename="../../console/views/video_wall.py" line="292"/>
        <source>The stream could not be opened</source>
        <translation>The stream could not be opened</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="282"/>
        <source>The stream&apos;s format is not supported</source>
        <translation>The stream&apos;s format is not supported</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="283"/>
        <source>Network error</source>
        <translation>Network error</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="284"/>
        <source>Access to the stream was denied</source>
        <translation>Access to the stream was denied</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="290"/>
        <source>The stream ended</source>
        <translation>The stream ended</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="300"/>
        <source>No picture within {s} s</source>
        <translation>No picture within {s} s</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="302"/>
        <source>No new picture for {s} s</source>
        <translation>No new picture for {s} s</translation>
    </message>
</context>
<context>
    <name>StreetBoard</name>
    <message>
        <location filename="../../console/views/wall.py" line="98"/>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../console/views/wall.py" line="98"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../console/views/wall.py" line="98"/>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../console/views/wall.py" line="99"/>
        <source>Nearing limit</source>
        <translation>Nearing limit</translation>
    </message>
    <message>
        <location filename="../../console/views/wall.py" line="99"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>VideoWall</name>
    <message>
        <location filename="../../console/views/video_wall.py" line="882"/>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="1299"/>
        <source>Near incident {id}</source>
        <translation>Near incident {id}</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="1302"/>
        <source>{name} · {m} m</source>
        <translation>{name} · {m} m</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="1305"/>
        <source>Show camera</source>
        <translation>Show camera</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="1312"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="1317"/>
        <source>Unpin</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="1321"/>
        <source>Lock (incidents do not replace it)</source>
        <translation>Lock (incidents do not replace it)</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="1327"/>
        <source>Enlarge</source>
        <translation>Enlarge</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="1330"/>
        <source>Back to the wall</source>
        <translation>Back to the wall</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="1333"/>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="1378"/>
        <source>Incident {id}: {n} cameras within {r} m</source>
        <translation>Incident {id}: {n} cameras within {r} m</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="1381"/>
        <source>Incident {id}: no camera within {r} m</source>
        <translation>Incident {id}: no camera within {r} m</translation>
    </message>
    <message>
        <location filename="../../console/views/video_wall.py" line="1383"/>
        <source>No incident pinned</source>
        <translation>No incident pinned</translation>
    </message>
</context>
<context>
    <name>WallController</name>
    <message>
        <location filename="../../console/views/wall.py" line="232"/>
        <source>District map</source>
        <translation>District map</translation>
    </message>
    <message>
        <location filename="../../console/views/wall.py" line="232"/>
        <source>Incidents now</source>
        <translation>Incidents now</translation>
    </message>
    <message>
        <location filename="../../console/views/wall.py" line="233"/>
        <source>Incident queue</source>
        <translation>Incident queue</translation>
    </message>
    <message>
        <location filename="../../console/views/wall.py" line="233"/>
        <source>Cameras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../console/views/wall.py" line="234"/>
        <source>Streets</source>
        <translation>Streets</translation>
    </message>
    <message>
        <location filename="../../console/views/wall.py" line="348"/>
        <source>Hub unreachable — the wall shows the last known state</source>
        <translation>Hub unreachable — the wall shows the last known state</translation>
    </message>
    <message>
        <location filename="../../console/views/wall.py" line="384"/>
        <source>Urgent incident {id}: {description}</source>
        <translation>Urgent incident {id}: {description}</translation>
    </message>
    <message>
        <location filename="../../console/views/wall.py" line="409"/>
        <source>no data yet</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <location filename="../../console/views/wall.py" line="413"/>
        <source>as of {time}</source>
        <translation>as of {time}</translation>
    </message>
    <message>
        <location filename="../../console/views/wall.py" line="415"/>
        <source>({age} s ago)</source>
        <translation>({age} s ago)</translation>
    </message>
</context>
<context>
    <name>WallScreen</name>
    <message>
        <location filename="../../console/views/wall.py" line="159"/>
        <source>Wall display — screen {n}</source>
        <translation>Wall display — screen {n}</translation>
    </message>
</context>
</TS>
