"""Held-out-style check on realistic 2025 diplomatic news (tests/fixtures/realistic/).

Seventy-four articles written for this test in the styles of Reuters, AP, the Guardian, Al
Jazeera, PTI, the BBC, the SCMP, AFP, the Kyiv Independent, Kyodo, DW (an explainer with a
bulleted chronology), The EastAfrican, Middle East Eye, Politico's Playbook, The Hindu, ABC
Australia, France 24, TASS, Yonhap, Anadolu, The National, an FT Q&A, Xinhua, Nikkei Asia,
the Times of Israel, dpa, VOA, The Straits Times, EFE, NPR, Kathimerini, The Moscow Times,
Dawn, The Japan Times, RFE/RL, The Jakarta Post, Ukrainska Pravda, an Al Jazeera live blog,
a BBC Q&A, Arab News, the Korea Herald, the Daily Maverick, Le Monde in English, the Buenos
Aires Times (with a timeline box), Bernama, Euronews, The Globe and Mail, Daily Sabah, Ahram
Online, Gulf News, a Hindustan Times live blog, the Philippine Daily Inquirer, The Irish
Times, The Times of Central Asia, Africanews, The Diplomat, Notes from Poland, CBC News,
MercoPress, a wire brief with an UPDATE line, a long analysis piece with background dates
and a live blog (bylines, datelines, captions, "Read more"/"Related article" lines,
footers), annotated by hand under the dev set's
rules *before* the pipeline was run on them. The pipeline adds them to a fresh database,
exports the timeline and is scored as the project's timeline scorer does: (article, person,
date interval) units, strict and relaxed F1. The scorer is reimplemented here so the test
needs nothing outside the repository.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest

from tracker import api
from tracker.db import open_database

FIXTURES = Path(__file__).parent / "fixtures" / "realistic"
# blind first runs: 0.791 (first six), 0.893 (the next four), 0.868 (five more: ap13, rn14,
# gd15, pti16, rn17), 0.818 (four more: ap18, pol19, pti20, afp21), 0.771 (kyo22, dw23,
# tea24, wire25, mee26), 0.902 (pol27, hin28, abc29, f24-30, tass31), 0.817 (yon32, aa33,
# ap34, tn35, ft36), 0.847 (xin37, nik38, toi39, dpa40, voa41), 0.776 (st42, efe43, npr44,
# kat45, mt46), 0.759 (dawn47, jt48, rfe49, jp50, up51), 0.857 (aj52, scmp53, bbc54,
# kyiv55, an56), 0.836 (guard57, kh58, dm59, lm60, bat61), 0.837 (bern62, euro63, gm64,
# sabah65, ahram66), 0.838 (gn67, ht68, pdi69, it70, tca71), 0.697 (an72, td73, nfp74, cbc75,
# mp76); all of them now: see README "Quality and speed"
STRICT_F1_FLOOR = 0.85
RELAXED_F1_FLOOR = 0.87

Unit = tuple[str, str, str]  # (person, date_start, date_end)


def _norm(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(name.replace(".", " ").replace("-", " ").casefold().split())


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]  # ISO dates compare as strings


def _gold_units(g: dict) -> tuple[set[Unit], set[Unit], dict[str, str]]:
    """Required units, optional-only units, and every alias form -> full name."""
    names = {_norm(a): full for full, al in g["aliases"].items() for a in [full, *al]}
    units: set[Unit] = set()
    optional: set[Unit] = set()
    for ev in g["events"]:
        for p in ev["people"]:
            names.setdefault(_norm(p), p)
            key = (p, ev["date_start"], ev["date_end"])
            (optional if ev.get("optional") else units).add(key)
    return units, optional - units, names


def score(golds: list[dict], rows: list[dict]) -> dict[str, float]:
    """Strict and relaxed F1 over person-date units, as ../shared/eval/timeline_eval.py."""
    gold_n = pred_n = strict = relaxed = 0
    for g in golds:
        units, optional, names = _gold_units(g)
        # a dict, not a set: the relaxed matching below is greedy, and the shared scorer
        # breaks its ties in the order the export lists the units
        pred: dict[Unit, None] = {}
        for r in rows:
            if r["article_url"] != g["url"] or r["date_source"] == "published":
                continue
            if r.get("status") in ("negated", "hypothetical") or not r["date_start"]:
                continue
            for person in filter(None, (p.strip() for p in r["people"].split(";"))):
                pred[(names.get(_norm(person), person), r["date_start"], r["date_end"])] = None
        pred = {
            pk: None
            for pk in pred
            if pk in units
            or not any(pk[0] == ok[0] and _overlap(pk[1:], ok[1:]) for ok in optional)
        }
        gold_n += len(units)
        pred_n += len(pred)
        strict += len(units & pred.keys())
        used: set[Unit] = set()
        for gk in sorted(units):
            cands = [
                pk for pk in pred if pk not in used and pk[0] == gk[0] and _overlap(gk[1:], pk[1:])
            ]
            if cands:
                used.add(gk if gk in cands else cands[0])
                relaxed += 1

    def f1(hit: int) -> float:
        p, r = hit / pred_n if pred_n else 0.0, hit / gold_n if gold_n else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    return {"gold": gold_n, "pred": pred_n, "strict_f1": f1(strict), "relaxed_f1": f1(relaxed)}


def _golds() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.json"))]


def test_fixtures_follow_the_annotation_rules() -> None:
    """Evidence and date words are exact substrings; dates fit status and granularity."""
    golds = _golds()
    assert len(golds) >= 6
    for g in golds:
        text = (FIXTURES / f"{g['id']}.txt").read_text(encoding="utf-8")
        words = len(text.split())
        assert 350 <= words <= 800, (g["id"], words)  # the body, plus its page furniture
        published = g["published"]
        for ev in g["events"]:
            assert ev["evidence"] in text and ev["date_text"] in ev["evidence"], ev
            assert ev["date_start"] <= ev["date_end"]
            if ev["status"] == "happened":
                assert ev["date_start"] <= published, ev
            else:
                assert ev["date_end"] >= published, ev
            if ev["granularity"] == "day":
                assert ev["date_start"] == ev["date_end"]
            assert all(p in g["aliases"] for p in ev["people"]), ev
        assert all(a in text for al in g["aliases"].values() for a in al)


def test_realistic_articles_meet_the_f1_floor(tmp_path: Path) -> None:
    golds = _golds()
    db = open_database(str(tmp_path / "realistic.db"))
    for g in golds:
        api.add_article(
            db,
            str(FIXTURES / f"{g['id']}.txt"),
            published=dt.date.fromisoformat(g["published"]),
            url=g["url"],
        )
    rows = [dict(r) for r in api.export_rows(db, statuses=None)]
    res = score(golds, rows)
    assert res["strict_f1"] >= STRICT_F1_FLOOR, res
    assert res["relaxed_f1"] >= RELAXED_F1_FLOOR, res


def test_scorer_matches_the_shared_one_when_present(tmp_path: Path) -> None:
    """Same figures as ../shared/eval/timeline_eval.py on a hand-made export."""
    shared = Path(__file__).resolve().parents[2] / "shared" / "eval" / "timeline_eval.py"
    if not shared.exists():
        pytest.skip("../shared absent")
    import importlib.util

    spec = importlib.util.spec_from_file_location("timeline_eval", shared)
    assert spec and spec.loader
    te = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(te)
    golds = _golds()
    rows = []
    for g in golds:
        for k, ev in enumerate(g["events"]):
            if k % 3 == 2:
                continue  # some misses
            start = ev["date_start"] if k % 4 else ev["date_end"]
            rows.append(
                {
                    "date_start": start,
                    "date_end": ev["date_end"],
                    "granularity": ev["granularity"],
                    "date_source": "text",
                    "event_type": ev["type"],
                    "people": "; ".join(ev["people"]),
                    "article_url": g["url"],
                    "published": g["published"],
                    "status": ev["status"],
                }
            )
    csv_path = tmp_path / "x.csv"
    import csv

    with open(csv_path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    theirs = te.score(str(FIXTURES), str(csv_path))
    ours = score(golds, rows)
    assert round(ours["strict_f1"], 4) == theirs["strict"][2]
    assert round(ours["relaxed_f1"], 4) == theirs["relaxed"][2]
