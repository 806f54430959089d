"""zh_CN for interchange (issue 18): an imported request its source had closed."""

ZH = {
    "closed at its source": "来源方已办结",
    ("This hub serves {hub} ({hub_code}), but this console was started with the catalog of {mine} "
     "({code}): the map, grids and names shown are not the hub's. Start it with --catalog and the hub's "
     "catalog.toml."):
        "服务端管辖的是{hub}（{hub_code}），本控制台却以{mine}（{code}）的基础数据启动：所显示的地图、网格和名称"
        "都不是服务端的。请用 --catalog 指定服务端的 catalog.toml 重新启动。",
}
