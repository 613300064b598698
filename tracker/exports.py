"""Pictures and calendars from event records: HTML timeline, TimelineJS JSON, iCalendar."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterable
from typing import Any


def _script_safe_json(data: Any) -> str:
    """JSON that cannot close a <script> element or open a comment, whatever the text holds."""
    text = json.dumps(data, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def html_page(
    records: Iterable[dict[str, Any]],
    title: str = "tracker timeline",
    persons: list[str] | None = None,
) -> str:
    """One self-contained page: a time axis, one lane per person, details on click."""
    events = list(records)
    lanes = persons or sorted({p for e in events for p in e["people"]})
    data = {"lanes": lanes, "events": events}
    return _HTML_TEMPLATE.replace("__TITLE__", html.escape(title)).replace(
        "__DATA__", _script_safe_json(data)
    )


def timelinejs(records: Iterable[dict[str, Any]], title: str = "tracker timeline") -> dict:
    """TimelineJS3 JSON: only the known date parts, group = person, text = summary + evidence."""
    slides = []
    for rec in records:
        start, end = _tl_dates(rec)
        for person in rec["people"] or [""]:
            slide: dict[str, Any] = {
                "unique_id": f"event-{rec['id']}-{len(slides)}",
                "start_date": start,
                "text": {
                    "headline": html.escape(rec["summary"]),
                    "text": html.escape(rec["evidence"]),
                },
                "group": person,
                "display_date": _display_date(rec),
            }
            if end:
                slide["end_date"] = end
            if rec["sources"] and rec["sources"][0]["url"]:
                slide["media"] = {
                    "url": rec["sources"][0]["url"],
                    "caption": html.escape(rec["sources"][0]["title"]),
                }
            slides.append(slide)
    return {"title": {"text": {"headline": html.escape(title)}}, "events": slides}


def _parts(day: dt.date, granularity: str) -> dict[str, str]:
    if granularity == "year":
        return {"year": str(day.year)}
    if granularity in ("month", "quarter"):
        return {"year": str(day.year), "month": str(day.month)}
    return {"year": str(day.year), "month": str(day.month), "day": str(day.day)}


def _tl_dates(rec: dict[str, Any]) -> tuple[dict[str, str], dict[str, str] | None]:
    """A day, month or year is one date with only its known parts; spans get an end."""
    start = dt.date.fromisoformat(rec["date_start"])
    end = dt.date.fromisoformat(rec["date_end"])
    gran = rec["granularity"]
    if gran in ("day", "month", "year"):
        return _parts(start, gran), None
    return _parts(start, gran), _parts(end, gran)


def _display_date(rec: dict[str, Any]) -> str:
    gran = rec["granularity"]
    if gran == "day":
        return rec["date_start"]
    if gran == "week":
        return f"week of {rec['date_start']}"
    if gran == "month":
        return rec["date_start"][:7]
    if gran == "year":
        return rec["date_start"][:4]
    return f"{rec['date_start']} – {rec['date_end']}"


def _ics_escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """RFC 5545: lines longer than 75 octets continue on lines that start with a space."""
    out, current = [], b""
    for ch in line:
        enc = ch.encode("utf-8")
        if len(current) + len(enc) > 75:
            out.append(current.decode("utf-8"))
            current = b" "
        current += enc
    out.append(current.decode("utf-8"))
    return "\r\n".join(out)


def ics(records: Iterable[dict[str, Any]], stamp: dt.datetime | None = None) -> str:
    """iCalendar: all-day events spanning each event's interval (DTEND is exclusive)."""
    stamp = stamp or dt.datetime.now(dt.UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//tracker//timeline//EN",
        "CALSCALE:GREGORIAN",
    ]
    for rec in records:
        start = dt.date.fromisoformat(rec["date_start"])
        end = dt.date.fromisoformat(rec["date_end"]) + dt.timedelta(days=1)
        desc = rec["evidence"]
        if rec["sources"]:
            desc += "\n" + "\n".join(s["url"] or s["title"] for s in rec["sources"])
        who = ", ".join(rec["people"])
        lines += [
            "BEGIN:VEVENT",
            f"UID:tracker-event-{rec['id']}@tracker",
            f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
            f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_escape(rec['type'] + ': ' + rec['summary'])}",
            f"DESCRIPTION:{_ics_escape(desc)}",
            f"CATEGORIES:{_ics_escape(rec['type'])}",
            f"STATUS:{'TENTATIVE' if rec['status'] == 'planned' else 'CONFIRMED'}",
        ]
        if who:
            lines.append(f"X-TRACKER-PEOPLE:{_ics_escape(who)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


_HTML_TEMPLATE = r"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>__TITLE__</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:10px 16px;background:#243b55;color:#fff}
header h1{font-size:18px;margin:0}
#legend{font-size:12px;opacity:.85}
#wrap{overflow-x:auto;border-bottom:1px solid #ccc;background:#fff}
svg text{font-size:11px;fill:#333}
.lane-label{font-weight:600}
.ev{cursor:pointer}
.ev:hover,.ev.sel{stroke:#000;stroke-width:2}
.planned{fill-opacity:.15!important;stroke-dasharray:4 2;stroke-width:1.5}
#details{padding:12px 16px;max-width:960px}
#details h2{font-size:16px;margin:0 0 6px}
#details .ev-evidence{background:#f1f1f1;padding:8px;border-left:3px solid #888;white-space:pre-wrap}
#details li{margin:2px 0}
</style></head><body>
<header><h1>__TITLE__</h1>
<div id="legend">a dot is a day; a bar spans a week, month or range; hollow dashed shapes are planned events. Click an event for its evidence and sources.</div></header>
<div id="wrap"><svg id="chart" xmlns="http://www.w3.org/2000/svg"></svg></div>
<div id="details"><p>Select an event.</p></div>
<script type="application/json" id="data">__DATA__</script>
<script>
(function(){
"use strict";
var data = JSON.parse(document.getElementById("data").textContent);
var NS = "http://www.w3.org/2000/svg";
var colors = {MEET:"#1f77b4",VISIT:"#2ca02c",CALL:"#17becf",STATEMENT:"#7f7f7f",INVITE:"#bcbd22",
  AGREE:"#9467bd",PROPOSE:"#8c564b",DEMAND:"#e377c2",REJECT:"#d62728",SANCTION:"#ff7f0e",
  THREATEN:"#a50f15",ACCUSE:"#fd8d3c",OTHER:"#555"};
function day(s){return Date.parse(s+"T00:00:00Z")/86400000;}
var evs = data.events, lanes = data.lanes;
var svg = document.getElementById("chart");
var LABEL = 180, LANE = 34, TOP = 30;
if(!evs.length){document.getElementById("details").textContent="No events.";return;}
var lo = Math.min.apply(null, evs.map(function(e){return day(e.date_start);})) - 3;
var hi = Math.max.apply(null, evs.map(function(e){return day(e.date_end);})) + 4;
var width = Math.max(900, Math.min(40000, (hi - lo) * 6));
var scale = (width - LABEL - 20) / (hi - lo);
function x(d){return LABEL + (d - lo) * scale;}
svg.setAttribute("width", width);
function el(name, attrs){var n=document.createElementNS(NS,name);for(var k in attrs){n.setAttribute(k,attrs[k]);}svg.appendChild(n);return n;}
// axis: one tick per month (or per year when the span is long)
var start = new Date(lo*86400000), t = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
var yearly = (hi - lo) > 1500, axisLines = [];
while (t.getTime()/86400000 <= hi){
  var d = t.getTime()/86400000;
  if (d >= lo){
    axisLines.push(x(d));
    var label = el("text",{x:x(d)+2,y:TOP-12});
    label.textContent = yearly ? String(t.getUTCFullYear()) : t.toISOString().slice(0,7);
  }
  t = yearly ? new Date(Date.UTC(t.getUTCFullYear()+1,0,1)) : new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth()+1, 1));
}
// Pack each lane: marks that would overlap go to a new row inside the lane.
var ROW = 16, packed = lanes.map(function(){return [];});
evs.forEach(function(e){
  e.people.forEach(function(person){
    var i = lanes.indexOf(person); if (i < 0) return;
    var x0 = x(day(e.date_start)), x1 = Math.max(x(day(e.date_end)+1), x0 + 12);
    packed[i].push({e:e, x0:x0, x1:x1});
  });
});
var laneTop = [], y0 = TOP;
packed.forEach(function(items, i){
  items.sort(function(a, b){return a.x0 - b.x0;});
  var ends = [];
  items.forEach(function(it){
    var r = 0; while (r < ends.length && ends[r] > it.x0 - 2) r++;
    ends[r] = it.x1; it.row = r;
  });
  laneTop[i] = y0; y0 += Math.max(LANE, ends.length * ROW + 12);
});
laneTop.push(y0);
axisLines.forEach(function(ax){el("line",{x1:ax,x2:ax,y1:TOP-8,y2:y0,stroke:"#e3e3e3"});});
svg.setAttribute("height", y0 + 10);
lanes.forEach(function(name, i){
  el("line",{x1:0,x2:width,y1:laneTop[i+1],y2:laneTop[i+1],stroke:"#e0e0e0"});
  var tx = el("text",{x:6,y:laneTop[i]+18,"class":"lane-label"}); tx.textContent = name;
});
var details = document.getElementById("details");
function show(e, node){
  Array.prototype.forEach.call(document.querySelectorAll(".sel"), function(n){n.classList.remove("sel");});
  node.classList.add("sel");
  details.textContent = "";
  var h = document.createElement("h2");
  h.textContent = e.type + " · " + (e.granularity === "day" ? e.date_start : e.date_start + " – " + e.date_end + " (" + e.granularity + ")") + " · " + e.status;
  details.appendChild(h);
  var s = document.createElement("p"); s.className = "ev-summary"; s.textContent = e.summary; details.appendChild(s);
  var p = document.createElement("p"); p.textContent = "People: " + e.actors.join("; "); details.appendChild(p);
  var q = document.createElement("div"); q.className = "ev-evidence"; q.textContent = e.evidence; details.appendChild(q);
  var ul = document.createElement("ul");
  e.sources.forEach(function(src){
    var li = document.createElement("li");
    li.textContent = src.published + " — " + src.title + (src.url ? " (" + src.url + ")" : "");
    ul.appendChild(li);
  });
  details.appendChild(ul);
}
packed.forEach(function(items, i){
  items.forEach(function(it){
    var e = it.e, y = laneTop[i] + 12 + it.row*ROW, color = colors[e.type] || "#555", node;
    var cls = "ev" + (e.status === "planned" ? " planned" : "");
    if (e.granularity === "day"){
      node = el("circle",{cx:it.x0+6,cy:y,r:6,fill:color,stroke:color,"class":cls});
    } else {
      node = el("rect",{x:it.x0,y:y-6,width:Math.max(4,it.x1-it.x0),height:12,rx:3,fill:color,"fill-opacity":.55,stroke:color,"class":cls});
    }
    node.setAttribute("data-event-id", e.id);
    var tip = document.createElementNS(NS,"title"); tip.textContent = e.summary; node.appendChild(tip);
    node.addEventListener("click", function(){show(e, node);});
  });
});
document.body.setAttribute("data-drawn", String(document.querySelectorAll(".ev").length));
})();
</script></body></html>
"""
