"""Wire protocol v1 (CONTRACT §3) spoken with raw frames: the handshake, every error code, frame
limits, the /ws path, rate limits and TLS. After any bad frame the same connection must still
answer a good command, and a refused command must leave nothing half-applied."""

import asyncio
import contextlib
import dataclasses
import json
import shutil
import ssl
import subprocess

import pytest
from websockets.asyncio.client import connect as ws_connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from console.net import protocol
from console.net.client import HubClient
from console.net.protocol import MAX_FRAME, dumps
from tests.net.conftest import TOKENS

NORMAL = "P0104"


def hello(user="op", resume_from=None, **over):
    return dumps({"type": "hello", "protocol": 1, "token": TOKENS.get(user, user), "client": "raw/1",
                  "resume_from": resume_from, **over})


async def recv(ws, timeout=10.0):
    """The next frame but presence events (``seq`` null: beside the log, tested in test_hub_presence)."""
    while True:
        m = json.loads(await asyncio.wait_for(ws.recv(), timeout))
        if not (m.get("type") == "event" and m.get("seq") is None):
            return m


async def answer(ws, timeout=10.0):
    """The next frame that is not an event (events may interleave with answers)."""
    while True:
        msg = await recv(ws, timeout)
        if msg["type"] != "event":
            return msg


@contextlib.asynccontextmanager
async def session(url, user="op", **kw):
    """A raw connection past the handshake and the initial snapshot."""
    async with ws_connect(url, max_size=MAX_FRAME, **kw) as ws:
        await ws.send(hello(user))
        welcome = await recv(ws)
        assert welcome["type"] == "welcome" and welcome["protocol"] == 1, welcome
        while True:
            msg = await recv(ws)
            if msg["type"] == "snapshot" and msg["final"]:
                break
        yield ws


async def command(ws, cid, name, args=None):
    await ws.send(dumps({"type": "command", "id": cid, "name": name, "args": args or {}}))
    res = await answer(ws)
    assert res["type"] == "result" and res["id"] == cid, res
    return res


async def still_usable(ws, tag):
    res = await command(ws, f"good-{tag}", "query.incidents", {"limit": 1})
    assert res["ok"] is True, res


async def closed_with(ws, timeout=10.0):
    """Read until the hub closes the connection; return the close code it sent."""
    with pytest.raises(ConnectionClosed):
        while True:
            await asyncio.wait_for(ws.recv(), timeout)
    return ws.close_code


def report_args(catalog, **extra):
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[0]
    return {"category": NORMAL, "lat": grid.centroid[0], "lon": grid.centroid[1], "description": "d",
            "source": "grid", **extra}


# ---- the handshake --------------------------------------------------------------------------------

async def test_hello_gets_welcome_with_user_role_and_head(hub):
    async with ws_connect(hub.url) as ws:
        await ws.send(hello("sup"))
        welcome = await recv(ws)
        # connection and hub: extensions naming this connection in presence, and the hub in use
        assert welcome.pop("connection") and welcome.pop("hub") == hub.name
        assert welcome == {"type": "welcome", "protocol": 1, "user": "sup", "role": "supervisor", "head": 0,
                           "team": None, "grids": []}


async def test_a_field_users_welcome_names_their_team_and_grids(hub, hub_config):
    """Extension: a field app learns its team and patrol grids, to show only what it may do."""
    gridman = next(u for u in hub_config.users if u.name == "gridman")
    async with ws_connect(hub.url) as ws:
        await ws.send(hello("gridman"))
        w = await recv(ws)
        assert w["team"] == gridman.team and w["grids"] == sorted(gridman.grids)


async def test_a_bad_token_gets_unauthorized_and_close_1008(hub):
    for token in ["tok-wrong-0123456789", TOKENS["op"][:-1], "", None, 42]:
        async with ws_connect(hub.url) as ws:
            await ws.send(hello(token=token))
            err = await recv(ws)
            assert err["type"] == "error" and err["code"] == "unauthorized" and err["message"], token
            assert await closed_with(ws) == 1008


async def test_a_client_with_a_refused_token_stops_with_unauthorized(hub):
    client = HubClient(hub.url, "tok-wrong-0123456789")
    with pytest.raises(Exception) as info:
        await asyncio.wait_for(client.run(), 10)
    assert getattr(info.value, "code", None) == "unauthorized"
    await client.close()


NOT_A_HELLO = [
    (dumps({"type": "command", "id": "c1", "name": "query.incidents", "args": {}}), "bad_message"),  # no hello
    (dumps({"type": "hello", "protocol": 2, "token": TOKENS["op"]}), "bad_message"),  # another protocol
    (dumps({"type": "hello", "protocol": 1, "token": TOKENS["op"], "resume_from": -1}), "bad_message"),
    (dumps({"type": "hello", "protocol": 1, "token": TOKENS["op"], "resume_from": "7"}), "bad_message"),
    (dumps({"protocol": 1, "token": TOKENS["op"]}), "bad_message"),  # no type
    ("{not json", "bad_json"),
]


async def test_a_first_frame_that_is_not_a_good_hello_is_refused_with_close_1008(hub):
    for first, code in NOT_A_HELLO:
        async with ws_connect(hub.url) as ws:
            await ws.send(first)
            err = await recv(ws)
            assert err["type"] == "error" and err["code"] == code, (first, err)
            assert await closed_with(ws) == 1008
    assert hub.clients == set()


async def test_no_hello_within_the_time_limit_closes_with_1008(hub, monkeypatch):
    monkeypatch.setattr(protocol, "HELLO_TIMEOUT", 0.3)
    async with ws_connect(hub.url) as ws:
        assert await closed_with(ws) == 1008


async def test_a_wrong_path_is_refused_with_http_404(hub):
    with pytest.raises(InvalidStatus) as info:
        async with ws_connect(hub.url.replace("/ws", "/other")):
            pass
    assert info.value.response.status_code == 404
    async with session(hub.url) as ws:  # and /ws still works
        await still_usable(ws, "after-404")


# ---- bad frames after the handshake ----------------------------------------------------------------

BAD_FRAMES = [
    # (what is sent, the answer's type, code); a result answers frames whose id can be read
    ("{not json", "error", "bad_json"),
    ("[1, 2, 3]", "error", "bad_message"),
    ('"just a string"', "error", "bad_message"),
    ("42", "error", "bad_message"),
    ('{"id": "no-type", "name": "query.incidents"}', "error", "bad_message"),
    ('{"type": 7}', "error", "bad_message"),
    (b'{"type":"command","id":"bin","name":"query.incidents","args":{}}', "error", "bad_message"),
    ('{"type": "command", "name": "query.incidents", "args": {}}', "error", "bad_message"),  # no id
    ('{"type": "command", "id": "", "name": "query.incidents"}', "error", "bad_message"),
    ('{"type": "command", "id": 17, "name": "query.incidents"}', "error", "bad_message"),
    ('{"type": "command", "id": "' + "x" * 201 + '", "name": "query.incidents"}', "error", "bad_message"),
    ('{"type": "command", "id": "no-name", "args": {}}', "result", "bad_message"),
    ('{"type": "command", "id": "args-list", "name": "query.incidents", "args": []}', "result", "bad_message"),
    ('{"type": "subscribe", "id": "odd-type"}', "result", "bad_message"),
    ('{"type": "command", "id": "unk", "name": "incident.explode", "args": {}}', "result", "unknown_command"),
]


async def test_every_bad_frame_gets_its_error_and_the_same_connection_still_answers(hub):
    async with session(hub.url) as ws:
        for n, (frame, kind, code) in enumerate(BAD_FRAMES):
            await ws.send(frame)
            got = await answer(ws)
            assert (got["type"], got["code"]) == (kind, code), (frame, got)
            assert got["message"] and (kind == "error" or got["ok"] is False)
            if kind == "result":
                assert got["id"] == json.loads(frame)["id"]
            await still_usable(ws, n)
    assert hub.store.head() == 0


async def test_refused_commands_get_their_code_and_leave_nothing_half_applied(hub, catalog):
    async with session(hub.url, "sup") as ws, session(hub.url, "wall") as wall:
        inc = (await command(ws, "r1", "incident.report", report_args(catalog)))["incident"]
        head = hub.store.head()
        cases = [
            (ws, "incident.report", {**report_args(catalog), "lat": 91}, "invalid_args"),
            (ws, "incident.report", {k: v for k, v in report_args(catalog).items() if k != "category"},
             "invalid_args"),
            (ws, "incident.report", report_args(catalog, category="Z9999"), "invalid_args"),
            (ws, "incident.report", report_args(catalog, priority="panic"), "invalid_args"),
            (ws, "incident.report", report_args(catalog, colour="red"), "invalid_args"),
            (ws, "incident.report", {**report_args(catalog), "lat": "43.8"}, "invalid_args"),
            (ws, "incident.report", report_args(catalog, description="x" * 4001), "invalid_args"),
            (ws, "incident.accept", {"incident": "220104209901010001"}, "not_found"),
            (ws, "incident.dispatch", {"incident": inc["id"], "team": "T-01"}, "invalid_transition"),
            (ws, "incident.resolve", {"incident": inc["id"]}, "invalid_transition"),
            (ws, "incident.accept", {"incident": inc["id"], "expect_version": 7}, "conflict"),
            (wall, "incident.note", {"incident": inc["id"], "text": "hi"}, "forbidden"),
            (wall, "incident.report", report_args(catalog), "forbidden"),
        ]
        for n, (conn, name, args, code) in enumerate(cases):
            res = await command(conn, f"bad-{n}", name, args)
            assert res["ok"] is False and res["code"] == code, (name, args, res)
            assert res["message"]
            await still_usable(conn, f"c{n}")
        assert hub.store.head() == head
        assert hub.store.incident(inc["id"]).version == 1


async def test_a_frame_over_one_mib_closes_with_1009_but_one_just_under_is_answered(hub):
    async with session(hub.url) as ws:
        pad = "x" * (MAX_FRAME - 200)
        res = await command(ws, "big-ok", "query.incidents", {"text": pad})
        assert res["ok"] is False and res["code"] == "invalid_args"  # answered, not closed
        await ws.send(dumps({"type": "command", "id": "too-big", "name": "query.incidents",
                             "args": {"text": "x" * (MAX_FRAME + 10)}}))
        assert await closed_with(ws) == 1009
    async with session(hub.url) as ws:  # the hub itself is fine
        await still_usable(ws, "after-1009")


# ---- rate limits -----------------------------------------------------------------------------------

async def test_commands_over_the_rate_get_rate_limited_results_and_the_connection_recovers(make_hub, hub_config):
    h = await make_hub(dataclasses.replace(hub_config, rate=5, burst=5))
    async with session(h.url) as ws:
        n = 15
        for k in range(n):
            await ws.send(dumps({"type": "command", "id": f"q{k}", "name": "query.incidents", "args": {}}))
        answers = [await answer(ws) for _ in range(n)]
        limited = [a for a in answers if not a.get("ok")]
        assert all(a["type"] == "result" and a["code"] == "rate_limited" for a in limited), limited
        assert 5 <= n - len(limited) < n, "the burst passes, the rest is refused"
        assert sorted(a["id"] for a in answers) == sorted(f"q{k}" for k in range(n)), "every command answered by id"
        # tokens come back at 5/s: the same connection is served again
        deadline = asyncio.get_running_loop().time() + 5
        for k in range(1000):
            res = await command(ws, f"again-{k}", "query.incidents", {})
            if res["ok"]:
                break
            assert res["code"] == "rate_limited"
            assert asyncio.get_running_loop().time() < deadline, "the rate limit never let go"
            await asyncio.sleep(0.05)  # a retry pace, not a wait for something to happen


async def test_a_rate_limited_command_through_the_client_returns_a_failed_result(make_hub, hub_config):
    h = await make_hub(dataclasses.replace(hub_config, rate=1, burst=1))
    client = HubClient(h.url, TOKENS["op"])
    client.start()
    try:
        await asyncio.wait_for(client.synced.wait(), 10)
        results = await asyncio.gather(*(client.command("query.incidents", {}, timeout=5) for _ in range(3)))
        codes = sorted(r.get("code", "ok") for r in results)
        assert codes[0] == "ok" and "rate_limited" in codes, results
    finally:
        await client.close()


# ---- TLS -------------------------------------------------------------------------------------------

def _self_signed(tmp_path):
    """A certificate for 127.0.0.1 made here, with the cryptography package or the openssl CLI."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    try:
        import datetime as dt

        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
    except ImportError:
        if not shutil.which("openssl"):
            pytest.skip("neither the cryptography package nor the openssl CLI is available")
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1"],
            check=True, capture_output=True, timeout=30,
        )
        return cert, key
    k = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    import ipaddress

    c = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(k.public_key())
         .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
         .not_valid_after(now + dt.timedelta(days=2))
         .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
         .sign(k, hashes.SHA256()))
    cert.write_bytes(c.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()))
    return cert, key


async def test_wss_with_a_self_signed_certificate_serves_clients_and_raw_frames(make_hub, tmp_path, catalog):
    cert, key = _self_signed(tmp_path)
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    client_ctx = ssl.create_default_context(cafile=str(cert))
    h = await make_hub(ssl_context=server_ctx)
    assert h.url.startswith("wss://127.0.0.1:")
    client = HubClient(h.url, TOKENS["op"], ssl_context=client_ctx)
    client.start()
    try:
        await asyncio.wait_for(client.synced.wait(), 10)
        res = await client.command("incident.report", report_args(catalog), timeout=10)
        assert res["ok"] is True
        async with session(h.url, "wall", ssl=client_ctx) as ws:
            await still_usable(ws, "tls")
        # a client that does not trust the certificate cannot connect
        with pytest.raises(ssl.SSLCertVerificationError):
            async with ws_connect(h.url, ssl=ssl.create_default_context()):
                pass
    finally:
        await client.close()


async def test_a_refusal_whose_reason_is_long_chinese_still_closes_with_1008(hub):
    """The close reason is cut to 123 bytes of UTF-8, not 120 characters (found by the fuzz test)."""
    import json

    from websockets.asyncio.client import connect as ws_connect

    async with ws_connect(hub.url) as ws:
        long = "事中路文井事事路路文中灯灯事井文路路件文灯盖文" * 3
        await ws.send(json.dumps({"type": "hello", "protocol": {"类型": long}, "token": "x"}, ensure_ascii=False))
        answer = json.loads(await ws.recv())
        with contextlib.suppress(Exception):
            await ws.recv()
        assert answer["type"] == "error" and ws.close_code == 1008
