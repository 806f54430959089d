"""Presence without a socket: the roster built from the hub's presence events (who else has a case
open or acts on it, which cases someone else has open, who is on shift) and what the console
announces about itself with presence.set."""

from console.state.presence import Announcer, Roster


def pres(cid, user="wang", role="supervisor", hub="hub-a", viewing=None, acting=False, online=True,
         since="2026-12-06T08:00:00Z"):
    return {"type": "event", "seq": None, "at": "2026-12-06T08:00:00Z", "kind": "presence",
            "data": {"id": cid, "user": user, "role": role, "hub": hub, "viewing": viewing, "acting": acting,
                     "since": since, "online": online, "online_since": "2026-12-06T07:00:00Z"}}


def roster(*events, me="hub-a/1"):
    r = Roster()
    r.set_me(me)
    r.apply(events)
    return r


def test_a_connection_viewing_a_case_is_listed_on_that_case_and_not_on_others():
    r = roster(pres("hub-a/1", "me"), pres("hub-b/7", "wang", viewing="C1"))
    assert [e.user for e in r.on_case("C1")] == ["wang"]
    assert r.on_case("C2") == []
    assert r.on_case(None) == []


def test_my_own_connection_is_never_listed_as_someone_else():
    r = roster(pres("hub-a/1", "me", viewing="C1"))
    assert r.on_case("C1") == []
    assert r.open_elsewhere() == {}


def test_the_same_user_at_a_second_desk_counts_as_someone_else():
    r = roster(pres("hub-a/1", "me", viewing="C1"), pres("hub-a/2", "me", viewing="C1"))
    assert [e.id for e in r.on_case("C1")] == ["hub-a/2"]


def test_those_acting_on_a_case_come_first_then_the_longest_open():
    r = roster(pres("hub-a/2", "li", viewing="C1", since="2026-12-06T08:05:00Z"),
               pres("hub-b/3", "zhao", viewing="C1", since="2026-12-06T08:01:00Z"),
               pres("hub-b/4", "wang", viewing="C1", acting=True, since="2026-12-06T08:09:00Z"))
    assert [e.user for e in r.on_case("C1")] == ["wang", "zhao", "li"]
    assert [e.user for e in r.acting_on("C1")] == ["wang"]


def test_acting_without_a_case_open_is_not_acting():
    r = roster(pres("hub-b/4", "wang", viewing=None, acting=True))
    assert not r.entries["hub-b/4"].acting


def test_a_later_event_of_the_same_connection_replaces_the_earlier():
    r = roster(pres("hub-b/7", "wang", viewing="C1"))
    r.apply([pres("hub-b/7", "wang", viewing="C2")])
    assert r.on_case("C1") == []
    assert [e.user for e in r.on_case("C2")] == ["wang"]


def test_online_false_removes_the_connection():
    r = roster(pres("hub-b/7", "wang", viewing="C1"))
    r.apply([pres("hub-b/7", "wang", viewing="C1", online=False)])
    assert r.on_case("C1") == []
    assert "hub-b/7" not in r.entries


def test_a_lost_hub_takes_each_of_its_connections_away_one_event_each():
    r = roster(pres("hub-a/1", "me"), pres("hub-b/1", "wang", viewing="C1"), pres("hub-b/2", "li", viewing="C2"))
    r.apply([pres("hub-b/1", "wang", online=False), pres("hub-b/2", "li", online=False)])
    assert r.open_elsewhere() == {}
    assert [p.user for p in r.on_shift()] == ["me"]


def test_open_elsewhere_maps_each_case_to_whoever_else_has_it_open():
    r = roster(pres("hub-a/1", "me", viewing="C9"), pres("hub-b/1", "wang", viewing="C1"),
               pres("hub-b/2", "li", viewing="C1"), pres("hub-a/3", "zhao", viewing="C2"), pres("hub-a/4", "qian"))
    assert {k: sorted(e.user for e in v) for k, v in r.open_elsewhere().items()} == {
        "C1": ["li", "wang"], "C2": ["zhao"]}


def test_on_shift_lists_distinct_users_supervisors_first_and_feeds_apart():
    r = roster(pres("hub-a/1", "me", role="operator"), pres("hub-a/2", "me", role="operator", hub="hub-b"),
               pres("hub-b/1", "wang", role="supervisor"), pres("hub-b/2", "crew1", role="field"),
               pres("hub-b/3", "sensor", role="sensor"), pres("hub-a/5", "wall", role="viewer"))
    people = r.on_shift()
    assert [(p.user, p.role) for p in people] == [("wang", "supervisor"), ("me", "operator"), ("crew1", "field"),
                                                  ("wall", "viewer")]
    me = people[1]
    assert (me.hubs, me.connections) == (("hub-a", "hub-b"), 2)
    assert [p.user for p in r.on_shift(feeds=True)] == ["sensor"]
    assert [p.user for p in r.on_shift(feeds=None)][-1] == "sensor"


def test_changed_is_emitted_once_per_batch_and_not_for_a_repeat():
    r = Roster()
    calls = []
    r.changed.connect(lambda: calls.append(1))
    r.apply([pres("hub-b/1", "wang"), pres("hub-b/2", "li")])
    assert len(calls) == 1
    r.apply([pres("hub-b/1", "wang")])
    assert len(calls) == 1
    r.apply([{"type": "event", "seq": 5, "kind": "incident", "data": {"id": "C1"}}])
    assert len(calls) == 1


def test_clear_forgets_everyone_until_the_hub_tells_again():
    r = roster(pres("hub-b/1", "wang", viewing="C1"))
    r.clear()
    assert r.entries == {} and r.open_elsewhere() == {}
    r.apply([pres("hub-b/1", "wang", viewing="C1")])
    assert [e.user for e in r.on_case("C1")] == ["wang"]


def test_learning_my_connection_id_later_drops_me_from_the_others():
    r = Roster()
    r.apply([pres("hub-a/1", "me", viewing="C1")])
    assert [e.id for e in r.on_case("C1")] == ["hub-a/1"]
    r.set_me("hub-a/1")
    assert r.on_case("C1") == []


def test_data_without_the_frame_is_applied_too():
    r = Roster()
    r.apply([pres("hub-b/1", "wang", viewing="C1")["data"]])
    assert [e.user for e in r.on_case("C1")] == ["wang"]


# ---- what the console announces ------------------------------------------------------------------


def announcer():
    sent = []
    return Announcer(sent.append), sent


def test_nothing_is_sent_while_offline_and_the_current_case_once_online():
    a, sent = announcer()
    a.set_viewing("C1")
    assert sent == []
    a.set_online(True)
    assert sent == [{"viewing": "C1", "acting": False}]


def test_each_change_of_case_or_acting_is_sent_once():
    a, sent = announcer()
    a.set_online(True)
    a.set_viewing("C1")
    a.set_viewing("C1")
    a.set_acting(True)
    a.set_acting(True)
    a.set_viewing(None)
    assert sent == [{"viewing": None, "acting": False}, {"viewing": "C1", "acting": False},
                    {"viewing": "C1", "acting": True}, {"viewing": None, "acting": False}]


def test_replaying_announces_no_case_and_live_again_announces_it_back():
    a, sent = announcer()
    a.set_online(True)
    a.set_viewing("C1")
    sent.clear()
    a.set_replaying(True)
    a.set_viewing("C2")  # a case of the past
    a.set_acting(True)
    assert sent == [{"viewing": None, "acting": False}]
    a.set_replaying(False)
    assert sent[-1] == {"viewing": "C2", "acting": True}


def test_a_reconnect_sends_the_current_presence_again():
    a, sent = announcer()
    a.set_online(True)
    a.set_viewing("C1")
    a.set_online(False)
    a.set_viewing("C3")  # chosen while offline: not sent
    assert sent[-1] == {"viewing": "C1", "acting": False}
    a.set_online(True)
    assert sent[-1] == {"viewing": "C3", "acting": False}
    n = len(sent)
    a.set_online(True)  # every new connection starts at viewing null on the hub: told again
    assert len(sent) == n + 1
