"""Chinese for the wall display's urgent switch (console/views/wall/controller.py, context
WallController), merged into the glossary of tools/i18n_fill.py. Placeholders kept as in the source."""

ZH = {
    "Urgent incident {id} · {category}: {description}": "紧急事件 {id} · {category}：{description}",
    "Next: {n} more urgent — {list}": "待显示：另有 {n} 起紧急事件 — {list}",
}
