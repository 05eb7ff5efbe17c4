"""Workshop core: group weights match hand computations, disagreement is ordered, adopting and rounds are changes."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from evaluator.changes import AddParticipant, Batch, SetSetting, SetWeights, apply_change
from evaluator.errors import InputError
from evaluator.model import Participant
from evaluator.store import Store
from evaluator.weighting import (
    ahp_weights,
    geometric_mean_pairwise,
    global_weights,
    points_from_global,
)
from evaluator.workshop import (
    AGREED,
    adopt_group_weights,
    aggregation_name,
    disagreement,
    group_weights,
    new_round,
    not_voted,
    participant_label,
    participant_weights,
    points_from_pairwise,
    rankings,
)
from tests.helpers import small_evaluation

# Areas S (S1, S2) and C (C1). Global weights the points below give, by hand:
#   ann:  S 50 / C 50, S1 50 / S2 50          → S1 .25, S2 .25, C1 .50
#   bob:  S 75 / C 25, S1 100 / S2 0          → S1 .75, S2 0,   C1 .25
#   cem:  S 20 / C 80, S1 1 / S2 3            → S1 .05, S2 .15, C1 .80
#   dee:  no weights (has not voted)
POINTS = {
    "ann": {"S": 50, "C": 50, "S1": 50, "S2": 50, "C1": 100},
    "bob": {"S": 75, "C": 25, "S1": 100, "S2": 0, "C1": 10},
    "cem": {"S": 20, "C": 80, "S1": 1, "S2": 3, "C1": 7},
}
PEOPLE = (
    Participant("ann", "Ann de Vries", "BZK", "programme lead"),
    Participant("bob", "Bob Jansen", "EZK", "architect"),
    Participant("cem", "Cem Yilmaz", "JenV", "CISO"),
    Participant("dee", "Dee Bakker", "OCW", "user"),
)


def workshop(points=POINTS, people=PEOPLE):
    ev = small_evaluation()
    changes = [AddParticipant(p) for p in people]
    changes += [SetWeights(pts, pid, True) for pid, pts in points.items()]
    ev, _ = apply_change(ev, Batch(tuple(changes)))
    return ev


def test_participant_global_weights_by_hand():
    per = participant_weights(workshop())
    assert list(per) == ["ann", "bob", "cem"]
    assert per["ann"] == pytest.approx({"S1": 0.25, "S2": 0.25, "C1": 0.5})
    assert per["bob"] == pytest.approx({"S1": 0.75, "S2": 0.0, "C1": 0.25})
    assert per["cem"] == pytest.approx({"S1": 0.05, "S2": 0.15, "C1": 0.8})
    assert not_voted(workshop()) == ("dee",)


def test_mean_by_hand():
    gw = group_weights(workshop())
    assert gw.aggregation == "mean"
    assert gw.group == pytest.approx({"S1": 1.05 / 3, "S2": 0.4 / 3, "C1": 1.55 / 3})
    assert sum(gw.group.values()) == pytest.approx(1.0)
    assert gw.not_voted == ("dee",)
    assert gw.matrix().shape == (3, 3)


def test_median_by_hand_rescaled():
    gw = group_weights(workshop(), "median")
    # medians .25, .15, .50 sum to .90
    assert gw.group == pytest.approx({"S1": 0.25 / 0.9, "S2": 0.15 / 0.9, "C1": 0.5 / 0.9})


def test_geometric_by_hand_per_level_with_a_veto():
    gw = group_weights(workshop(), "geometric")
    # area shares S: .5 .75 .2 → (.075)^(1/3); C: .5 .25 .8 → (.1)^(1/3)
    s, c = 0.075 ** (1 / 3), 0.1 ** (1 / 3)
    # within S: S1 .5 1 .25 → .5; S2 .5 0 .75 → 0 (bob's 0 is a veto); so S1 carries all of S
    assert gw.group == pytest.approx({"S1": s / (s + c), "S2": 0.0, "C1": c / (s + c)})


def test_aggregation_follows_the_evaluation_setting():
    ev, _ = apply_change(workshop(), SetSetting("aggregation", "median"))
    assert group_weights(ev).aggregation == "median"
    assert group_weights(ev).group == pytest.approx(group_weights(workshop(), "median").group)


def test_geometric_equals_ahp_aggregation_of_consistent_judgements():
    """For consistent pairwise input, AIP per level equals the weights of the geometric-mean matrix (AIJ)."""
    rng = np.random.default_rng(7)
    areas, within = {}, {}
    ev = small_evaluation()
    changes = []
    for k in range(4):
        pid = f"p{k}"
        changes.append(AddParticipant(Participant(pid, f"P {k}")))
        wa = rng.uniform(0.1, 1, 2)
        ws = rng.uniform(0.1, 1, 2)
        areas[pid] = np.outer(wa, 1 / wa)  # consistent: a_ij = w_i / w_j
        within[pid] = np.outer(ws, 1 / ws)
        pts, cr = points_from_pairwise(("S", "C"), areas[pid])
        assert cr == pytest.approx(0.0, abs=1e-9)
        pts_s, _ = points_from_pairwise(("S1", "S2"), within[pid])
        changes.append(SetWeights({**pts, **pts_s, "C1": 100.0}, pid, True))
    ev, _ = apply_change(ev, Batch(tuple(changes)))
    wa, _ = ahp_weights(geometric_mean_pairwise(list(areas.values())))
    ws, _ = ahp_weights(geometric_mean_pairwise(list(within.values())))
    expected = {"S1": wa[0] * ws[0], "S2": wa[0] * ws[1], "C1": wa[1]}
    assert group_weights(ev, "geometric").group == pytest.approx(expected, rel=1e-9)
    # and the mean differs, so the test can tell them apart
    assert group_weights(ev, "mean").group != pytest.approx(expected, rel=1e-9)


def test_geometric_refused_when_every_criterion_is_vetoed():
    pts = {
        "ann": {"S": 1, "C": 0, "S1": 1, "S2": 0, "C1": 0},
        "bob": {"S": 0, "C": 1, "S1": 0, "S2": 0, "C1": 1},
        "cem": {"S": 1, "C": 0, "S1": 0, "S2": 1, "C1": 0},
    }
    with pytest.raises(InputError, match="geometric mean leaves no weight"):
        group_weights(workshop(pts), "geometric")
    assert sum(group_weights(workshop(pts), "mean").group.values()) == pytest.approx(1.0)


def test_unknown_aggregation_refused():
    with pytest.raises(InputError, match="unknown group weighting 'mode'"):
        group_weights(workshop(), "mode")


def test_nobody_voted_falls_back_to_the_agreed_weights_and_says_so():
    ev = workshop(points={})
    gw = group_weights(ev)
    assert gw.aggregation == AGREED
    assert gw.group == pytest.approx(global_weights(ev))
    assert gw.participants == {}
    assert "agreed" in gw.name("en") and "vastgestelde" in gw.name("nl")
    assert disagreement(ev) == []
    with pytest.raises(InputError, match="no participant has weighed yet"):
        adopt_group_weights(ev)


def test_all_zero_participant_counts_as_not_voted():
    pts = dict(POINTS, dee={"S": 0, "C": 0, "S1": 0, "S2": 0, "C1": 0})
    ev = workshop(pts)
    assert "dee" not in participant_weights(ev)
    assert not_voted(ev) == ("dee",)


def test_disagreement_agenda_by_hand():
    spreads = disagreement(workshop())
    # IQR (linear percentiles) of S1 .05 .25 .75 → .5 − .15 = .35; C1 .25 .5 .8 → .65 − .375 = .275;
    # S2 0 .15 .25 → .2 − .075 = .125
    assert [s.criterion for s in spreads] == ["S1", "C1", "S2"]
    assert [s.iqr for s in spreads] == pytest.approx([0.35, 0.275, 0.125])
    s1 = spreads[0]
    assert s1.values == pytest.approx((0.25, 0.75, 0.05))  # participant order
    assert (s1.low, s1.median, s1.high) == pytest.approx((0.05, 0.25, 0.75))
    assert s1.range == pytest.approx(0.7)


def test_disagreement_ties_broken_by_range_then_order():
    # two participants: IQR is half the range, so equal IQRs need equal ranges → criteria order decides
    pts = {
        "ann": {"S": 1, "C": 1, "S1": 1, "S2": 1, "C1": 1},
        "bob": {"S": 1, "C": 1, "S1": 1, "S2": 1, "C1": 1},
    }
    assert [s.criterion for s in disagreement(workshop(pts))] == ["S1", "S2", "C1"]


def test_anonymous_labels_by_position():
    ev = workshop()
    assert participant_label(ev, "bob", "nl") == "Bob Jansen"
    ev, _ = apply_change(ev, SetSetting("anonymous", True))
    assert participant_label(ev, "bob", "nl") == "Deelnemer 2"
    assert participant_label(ev, "dee", "en") == "Participant 4"
    with pytest.raises(KeyError):
        participant_label(ev, "nobody")


def test_aggregation_names_in_both_languages():
    for agg in ("mean", "median", "geometric"):
        assert aggregation_name(agg, "nl") != aggregation_name(agg, "en")
    assert "arithmetic mean" in aggregation_name("mean", "en")


def test_adopt_group_weights_is_a_change_that_reproduces_them(tmp_path):
    ev = workshop()
    change = adopt_group_weights(ev)
    assert isinstance(change, SetWeights) and change.participant is None and change.replace_all
    st = Store.create(tmp_path / "w.afweging", ev)
    inverse = st.apply(change)
    assert global_weights(st.evaluation) == pytest.approx(group_weights(ev).group)
    assert st.evaluation.participant_weights == ev.participant_weights  # participants' own weights kept
    st.apply(inverse)
    assert dict(st.evaluation.weights) == dict(ev.weights)
    st.close()


def test_adopt_median_with_a_zero_area():
    pts = {
        "ann": {"S": 1, "C": 0, "S1": 1, "S2": 1, "C1": 1},
        "bob": {"S": 1, "C": 0, "S1": 3, "S2": 1, "C1": 1},
    }
    ev = workshop(pts)
    new, _ = apply_change(ev, adopt_group_weights(ev, "median"))
    # ann S1 .5 S2 .5; bob S1 .75 S2 .25; C passes nothing down (its area has 0 points); median of two = mean
    assert global_weights(new) == pytest.approx({"S1": 0.625, "S2": 0.375, "C1": 0.0})


def test_new_round_clears_every_participant_in_one_undoable_step():
    ev = workshop()
    change = new_round(ev)
    new, inverse = apply_change(ev, change)
    assert dict(new.participant_weights) == {}
    assert len(new.participants) == 4
    back, _ = apply_change(new, inverse)
    assert {k: dict(v) for k, v in back.participant_weights.items()} == {
        k: dict(v) for k, v in ev.participant_weights.items()
    }


def test_points_from_pairwise_refuses_a_size_mismatch():
    with pytest.raises(InputError, match="2 items but a 3-row matrix"):
        points_from_pairwise(("S", "C"), np.ones((3, 3)))


def test_each_participants_ranking_beside_the_groups():
    from evaluator.fastengine import ranks
    from evaluator.methods import rank
    from evaluator.problem import build_problem

    ev = workshop()
    r = rankings(ev, "wsm")
    assert r.alternatives == ("teams", "opendesk", "nextcloud")
    assert list(r.participants) == ["ann", "bob", "cem"]
    gw = group_weights(ev)
    expected = rank(build_problem(ev, points_from_global(ev, gw.group)), "wsm")
    assert r.group == tuple(int(x) for x in expected.ranks)
    for pid in ("ann", "bob", "cem"):
        own = rank(build_problem(ev, ev.participant_weights[pid]), "wsm")
        assert r.participants[pid] == tuple(int(x) for x in own.ranks)
    # the participants do not all agree, otherwise this test shows nothing
    assert len(set(r.participants.values())) > 1
    # a method the fast engine lacks goes through scikit-criteria and still gives one row per voter
    r2 = rankings(ev, "moora")
    assert set(r2.participants) == {"ann", "bob", "cem"}
    p = build_problem(ev)
    w = np.array([[gw.group[c] for c in p.criteria]])
    assert r.group == tuple(int(x) for x in ranks(p, w, "wsm")[0])


def test_rankings_when_every_alternative_is_knocked_out():
    ev = workshop()
    ev = replace(ev, criteria=tuple(replace(c, minimum=4) if c.id == "S1" else c for c in ev.criteria))
    # only openDesk reaches S1 ≥ 4
    r = rankings(ev, "wsm")
    assert r.alternatives == ("opendesk",)
    assert r.group == (1,)


# -- afweging weights ---------------------------------------------------------------------------------------------


def _cli(capsys, *argv):
    from evaluator.cli import main

    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "w.afweging"
    Store.create(path, workshop()).close()
    return path


def test_weights_json_contract(project, capsys):
    import json

    code, out, err = _cli(capsys, "weights", project, "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["aggregation"] == "mean"
    assert "arithmetic mean" in data["aggregation_name"]
    assert [c["id"] for c in data["criteria"]] == ["S1", "S2", "C1"]
    assert sum(c["weight"] for c in data["criteria"]) == pytest.approx(1.0)
    s1 = data["criteria"][0]
    assert set(s1) >= {"id", "name", "weight", "participants"}
    assert s1["name"] == "Control" and s1["weight"] == pytest.approx(0.35)
    assert s1["participants"] == pytest.approx({"Ann de Vries": 0.25, "Bob Jansen": 0.75, "Cem Yilmaz": 0.05})
    assert s1["spread"] == pytest.approx(0.35)
    assert data["agenda"] == ["S1", "C1", "S2"]
    assert data["not_voted"] == ["Dee Bakker"]
    for name in ("Ann de Vries", "Bob Jansen", "Cem Yilmaz"):
        assert sum(c["participants"][name] for c in data["criteria"]) == pytest.approx(1.0)


def test_weights_json_anonymous_and_median(project, capsys):
    import json

    with Store.open(project) as st:
        st.apply(SetSetting("anonymous", True))
    code, out, _ = _cli(
        capsys, "weights", project, "--format", "json", "--aggregation", "median", "--lang", "nl"
    )
    assert code == 0
    assert not any(n in out for n in ("Ann", "Bob", "Cem", "Bakker", "Vries", "Jansen", "Yilmaz"))
    data = json.loads(out)
    assert data["aggregation"] == "median"
    assert list(data["criteria"][0]["participants"]) == ["Deelnemer 1", "Deelnemer 2", "Deelnemer 3"]
    assert data["not_voted"] == ["Deelnemer 4"]
    assert data["criteria"][0]["weight"] == pytest.approx(0.25 / 0.9)
    assert data["criteria"][0]["name"] == "Controle"


def test_weights_table_names_the_aggregation_and_the_agenda(project, capsys):
    code, out, _ = _cli(capsys, "weights", project, "--aggregation", "geometric")
    assert code == 0
    assert out.startswith("Group weights: geometric mean")
    assert "Bob Jansen" in out and "IQR" in out
    assert "Most disagreement (interquartile range (IQR)" in out and "S1 Control, C1 Price, S2 Keys" in out
    assert "Not voted yet: Dee Bakker" in out


def test_weights_without_votes_shows_the_agreed_weights(tmp_path, capsys):
    import json

    path = tmp_path / "empty.afweging"
    Store.create(path, small_evaluation()).close()
    code, out, _ = _cli(capsys, "weights", path, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["aggregation"] == "agreed"
    assert [c["weight"] for c in data["criteria"]] == pytest.approx([0.3, 0.3, 0.4])
    assert all(c["participants"] == {} and c["spread"] is None for c in data["criteria"])
    code, out, _ = _cli(capsys, "weights", path)
    assert "agreed weights (no participant has weighed yet)" in out


def test_weights_bad_file_is_one_line(tmp_path, capsys):
    code, out, err = _cli(capsys, "weights", tmp_path / "nope.afweging")
    assert code == 2 and out == "" and err.count("\n") == 1 and "no such file" in err
