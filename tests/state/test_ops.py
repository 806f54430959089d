"""Every named request builder makes a command the hub accepts: its name is in the hub's schemas
and its arguments pass the same validation (models/commands.SCHEMAS)."""

import inspect

import pytest

from console.models import commands as cmds
from console.state import ops

SAMPLES = {
    "incident": "220104202612060001", "note": "现场已处理", "reason": "重复上报", "team": "T-01",
    "department": "D-GA", "passed": True, "satisfaction": 5, "into": "220104202612060002", "text": "已电话联系",
    "level": 2, "reached": True, "assist": ["T-02", "D-GA"], "until": "2099-01-01T00:00:00Z", "approve": True,
    "category": "E0102", "lat": 43.86, "lon": 125.3, "description": "井盖缺失", "source": "hotline", "stars": 4,
    "after": 0, "since": "2026-12-06T00:00:00Z",
}


@pytest.mark.parametrize("builder", ops.BUILDERS, ids=[b.__name__ for b in ops.BUILDERS])
def test_each_builder_makes_a_command_the_hub_accepts(builder):
    params = inspect.signature(builder).parameters
    args = {name: SAMPLES[name] for name, p in params.items()
            if p.kind is not inspect.Parameter.VAR_KEYWORD and name in SAMPLES}
    if builder is ops.dispatch:
        args.pop("department")  # a team or a department
    if builder is ops.events:
        args["until"] = 10  # a seq here, not a time
    op = builder(**args)
    assert op.name in cmds.SCHEMAS, f"{builder.__name__} makes unknown command {op.name}"
    assert cmds.validate_args(op.name, op.args) == op.args


def test_every_command_a_console_sends_has_a_builder():
    made = {b(**{n: SAMPLES[n] for n, p in inspect.signature(b).parameters.items()
                 if p.kind is not inspect.Parameter.VAR_KEYWORD and n in SAMPLES}).name for b in ops.BUILDERS}
    desk = {n for n in cmds.SCHEMAS if n.startswith(("incident.", "query."))}
    assert desk <= made, f"no builder for {sorted(desk - made)}"


def test_empty_optional_arguments_are_left_out():
    assert ops.accept("X").args == {"incident": "X"}
    assert ops.close("X", None, None).args == {"incident": "X"}
    assert ops.history("X").is_query and not ops.accept("X").is_query
