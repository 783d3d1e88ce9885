#!/usr/bin/env python3
"""Reads Gazette's published output the way real consumers do and prints what they saw, as JSON.

Usage: check-consumers.py OUTPUT_DIR [--feedparser] [--newsboat] [--jsonfeed] [--opml]
(no flag: all checks). Exit status 0 when every check ran and found no problem, 1 when a check
found a problem (listed under "problems"), 2 on usage errors. A tool that is not installed is
reported under "missing" and its checks are skipped.

- feedparser (pip): parses every *.xml file; problems when bozo != 0.
- newsboat (apt): subscribed to each *.xml file (one run per file) through a loopback HTTP server on
  127.0.0.1 (free port), reloads once, then its cache.db is read (newsboat exits 0 even when it fails).
- jsonfeed: every *.json file is checked against JSON Feed 1.1's required fields (feedparser 6 has
  no JSON Feed support).
- opml: sources.opml is parsed as XML and its outlines listed.
"""
import functools
import glob
import http.server
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import xml.etree.ElementTree as ElementTree


def run_feedparser(directory, report):
    try:
        import feedparser
    except ImportError:
        report["missing"].append("feedparser")
        return
    report["tools"]["feedparser"] = feedparser.__version__
    results = {}
    for path in sorted(glob.glob(os.path.join(directory, "*.xml"))):
        name = os.path.basename(path)
        parsed = feedparser.parse(path)
        if parsed.bozo:
            report["problems"].append(f"feedparser: {name}: bozo: {parsed.get('bozo_exception')}")
        entries = []
        for entry in parsed.entries:
            entries.append({
                "id": entry.get("id"),
                "title": entry.get("title"),
                "link": entry.get("link"),
                "published": entry.get("published"),
                "updated": entry.get("updated"),
                "author": entry.get("author"),
                "tags": [tag.get("term") for tag in entry.get("tags", [])],
                "summary": entry.get("summary") if "summary_detail" in entry else None,
                "content": [c.get("value") for c in entry.get("content", [])],
                "enclosures": [{"href": e.get("href"), "type": e.get("type"), "length": e.get("length")}
                               for e in entry.get("enclosures", [])],
                "source": entry.get("source", {}).get("title"),
            })
        results[name] = {
            "bozo": int(bool(parsed.bozo)),
            "version": parsed.get("version"),
            "title": parsed.feed.get("title"),
            "id": parsed.feed.get("id"),
            "updated": parsed.feed.get("updated"),
            "author": parsed.feed.get("author"),
            "link": parsed.feed.get("link"),
            "entries": entries,
        }
    report["feedparser"] = results


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass


def run_newsboat(directory, report):
    newsboat = shutil.which("newsboat")
    if newsboat is None:
        report["missing"].append("newsboat")
        return
    report["tools"]["newsboat"] = newsboat
    names = sorted(os.path.basename(p) for p in glob.glob(os.path.join(directory, "*.xml")))
    handler = functools.partial(QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        titles, feeds = {}, {}
        # One newsboat run per file: newsboat keeps one copy of an item per guid across all its
        # feeds, so an entry published in two sections would show up under only one of them.
        for name in names:
            url = f"http://127.0.0.1:{port}/{name}"
            with tempfile.TemporaryDirectory(prefix="gazette-newsboat-") as home:
                with open(os.path.join(home, "urls"), "w") as f:
                    f.write(url + "\n")
                with open(os.path.join(home, "config"), "w") as f:
                    f.write("reload-threads 1\ndownload-retries 1\ndownload-timeout 10\n")
                env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home, TERM="dumb")
                subprocess.run(
                    [newsboat, "-u", "urls", "-C", "config", "-c", "cache.db", "-x", "reload", "-d", "nb.log", "-l", "4"],
                    cwd=home, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
                log_path = os.path.join(home, "nb.log")
                log = open(log_path, errors="replace").read() if os.path.exists(log_path) else ""
                for line in log.splitlines():
                    if "ERROR" in line:
                        report["problems"].append(f"newsboat: {name}: {line.strip()}")
                titles[name] = []
                cache = os.path.join(home, "cache.db")
                if not os.path.exists(cache):
                    report["problems"].append(f"newsboat: {name}: no cache.db written")
                    continue
                db = sqlite3.connect(cache)
                titles[name] = [t for (t,) in db.execute(
                    "select title from rss_item where feedurl = ? order by pubDate desc, id asc", (url,))]
                for (title,) in db.execute("select title from rss_feed where rssurl = ?", (url,)):
                    feeds[name] = title
                db.close()
                if name not in feeds:
                    report["problems"].append(f"newsboat: {name}: feed not in cache.db")
        report["newsboat"] = {"titles": titles, "feeds": feeds}
    finally:
        server.shutdown()
        server.server_close()


def run_jsonfeed(directory, report):
    results = {}
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        name = os.path.basename(path)
        problems = []
        try:
            with open(path, "rb") as f:
                feed = json.loads(f.read().decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            report["problems"].append(f"jsonfeed: {name}: not JSON: {error}")
            continue
        if feed.get("version") != "https://jsonfeed.org/version/1.1":
            problems.append("version is not https://jsonfeed.org/version/1.1")
        if not isinstance(feed.get("title"), str):
            problems.append("title missing")
        items = feed.get("items")
        if not isinstance(items, list):
            problems.append("items missing")
            items = []
        ids = set()
        for index, item in enumerate(items):
            if not isinstance(item.get("id"), str) or not item["id"]:
                problems.append(f"items[{index}]: id missing")
            elif item["id"] in ids:
                problems.append(f"items[{index}]: id {item['id']!r} repeated")
            ids.add(item.get("id"))
            if not isinstance(item.get("content_html"), str) and not isinstance(item.get("content_text"), str):
                problems.append(f"items[{index}]: neither content_html nor content_text")
        for problem in problems:
            report["problems"].append(f"jsonfeed: {name}: {problem}")
        results[name] = {"title": feed.get("title"), "items": [
            {"id": i.get("id"), "title": i.get("title"), "url": i.get("url"), "content_html": i.get("content_html"),
             "date_published": i.get("date_published"), "date_modified": i.get("date_modified")} for i in items]}
    report["jsonfeed"] = results


def run_opml(directory, report):
    path = os.path.join(directory, "sources.opml")
    if not os.path.exists(path):
        report["problems"].append("opml: sources.opml missing")
        return
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        report["problems"].append(f"opml: sources.opml: {error}")
        return
    if root.tag != "opml" or root.get("version") != "2.0":
        report["problems"].append("opml: root is not <opml version=\"2.0\">")
    groups = []
    for group in root.findall("./body/outline"):
        groups.append({"text": group.get("text"), "sources": [
            {"text": o.get("text"), "xmlUrl": o.get("xmlUrl"), "htmlUrl": o.get("htmlUrl")} for o in group.findall("outline")]})
    report["opml"] = groups


def main(argv):
    if len(argv) < 2 or not os.path.isdir(argv[1]):
        print(__doc__, file=sys.stderr)
        return 2
    directory = os.path.abspath(argv[1])
    flags = set(argv[2:]) or {"--feedparser", "--newsboat", "--jsonfeed", "--opml"}
    report = {"tools": {}, "missing": [], "problems": []}
    if "--feedparser" in flags:
        run_feedparser(directory, report)
    if "--newsboat" in flags:
        run_newsboat(directory, report)
    if "--jsonfeed" in flags:
        run_jsonfeed(directory, report)
    if "--opml" in flags:
        run_opml(directory, report)
    json.dump(report, sys.stdout, indent=1, sort_keys=True, ensure_ascii=True)
    print()
    return 1 if report["problems"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
