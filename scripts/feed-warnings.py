#!/usr/bin/env python3
"""Counts, in Gazette's published Atom files, what the W3C Feed Validator reports on real-feed
digests, with checks written after its rules (the validator itself cannot be installed here).

Usage: feed-warnings.py OUTPUT_DIR [RUN_TIME_EPOCH]
Prints one line per check: its name, the count, and up to three examples.

- InvalidIRI (error): a link href, uri, icon, logo or id with a character outside RFC 2396's
  (the validator's test: ASCII letters, digits and ;/?:@&=+$.-_!~*'()%,#).
- InvalidTAG / InvalidURN (errors): a tag: or urn: id the validator's patterns reject.
- MissingSourceElement: an atom:source without an id.
- ImplausibleDate: published/updated after RUN_TIME + 1 day (default: now) or before 1970.
- DuplicateUpdated: entries with the same id and updated (RFC 4287 4.1.1); also reported is the
  looser "SameUpdated": entries sharing an updated value.
- MissingTextualContent: an entry with neither content nor summary.
- DangerousStyleAttr: a style attribute in entry HTML that the validator's checkStyle rejects (its
  character gauntlet, then properties and shorthand keywords outside the safe lists, taken from
  feedparser's sanitizer, which shares them; needs feedparser installed).
- BadCharacters: C1 control characters (U+0080-U+009F, usually windows-1252 read as latin-1) in
  any text, and character references to them or to U+FFFD in entry HTML (the validator's test).
"""
import collections
import glob
import html
import os
import re
import sys
import time
import xml.etree.ElementTree as ET

A = "{http://www.w3.org/2005/Atom}"
URI_CHARS = re.compile(r"^[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]*$")
STYLE = re.compile(r"""\sstyle\s*=\s*("([^"]*)"|'([^']*)')""", re.I)
GAUNTLET = re.compile(r"""^([:,;#%.\sa-zA-Z0-9!]|\w-\w|'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\))*$""")
DECLARATIONS = re.compile(r"^(\s*[-\w]+\s*:\s*[^:;]*(;|$))*$")


def unsafe_style(style):
    """The validator's checkStyle: what in `style` it calls dangerous (empty when nothing)."""
    from feedparser.sanitizer import _HTMLSanitizer as S
    if not GAUNTLET.match(style) or not DECLARATIONS.match(style):
        return [style]
    unsafe = []
    for prop, value in re.findall(r"([-\w]+)\s*:\s*([^:;]*)", style.lower()):
        if prop not in S.acceptable_css_properties:
            unsafe.append(prop)
        elif prop.split("-")[0] in ["background", "border", "margin", "padding"]:
            unsafe += [k for k in value.split() if k not in S.acceptable_css_keywords and not S.valid_css_values.match(k)]
    return unsafe
TAG = re.compile(r"^tag:([a-z0-9\-\._]+?@)?[a-z0-9\.\-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/\?:@&=+$\.\-_!~*'\(\)%,]*(#[0-9a-zA-Z;/\?:@&=+$\.\-_!~*'\(\)%,]*)?$")
URN = re.compile(r"^[Uu][Rr][Nn]:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:([a-zA-Z0-9()+,\.:=@;$_!*'\-]|%[0-9A-Fa-f]{2})+$")
C1 = re.compile("[\u0080-\u009f]")
BAD_REFERENCE = re.compile(r"&#(x0*(8[0-9a-f]|9[0-9a-f]|fffd)|0*(12[89]|1[3-5][0-9]|65533));", re.I)


def main():
    directory = sys.argv[1]
    now = float(sys.argv[2]) if len(sys.argv) > 2 else time.time()
    latest = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now + 86400))
    found = collections.defaultdict(list)
    for path in sorted(glob.glob(os.path.join(directory, "*.xml"))):
        name = os.path.basename(path)
        root = ET.parse(path).getroot()
        for el in root.iter():
            values = []
            if el.tag == A + "link":
                values.append(el.get("href", ""))
            elif el.tag in (A + "uri", A + "icon", A + "logo", A + "id"):
                values.append(el.text or "")
            for value in values:
                if not URI_CHARS.match(value):
                    found["InvalidIRI"].append(f"{name}: {value}")
            if el.tag == A + "id":
                value = el.text or ""
                if value.lower().startswith("tag:") and not TAG.match(value):
                    found["InvalidTAG"].append(f"{name}: {value}")
                if value.lower().startswith("urn:") and not URN.match(value):
                    found["InvalidURN"].append(f"{name}: {value}")
            if el.tag in (A + "published", A + "updated"):
                value = el.text or ""
                if value > latest or value < "1970":
                    found["ImplausibleDate"].append(f"{name}: {value}")
            if el.tag == A + "source" and el.find(A + "id") is None:
                found["MissingSourceElement"].append(f"{name}: source without id")
            for text in [el.text or ""] + list(el.attrib.values()):
                if C1.search(text):
                    found["BadCharacters"].append(f"{name}: {el.tag}: {C1.search(text).group()!r}")
        seen, updated = set(), collections.Counter()
        for entry in root.findall(A + "entry"):
            entry_id = entry.findtext(A + "id")
            entry_updated = entry.findtext(A + "updated")
            if (entry_id, entry_updated) in seen:
                found["DuplicateUpdated"].append(f"{name}: {entry_id}")
            seen.add((entry_id, entry_updated))
            updated[entry_updated] += 1
            content = entry.find(A + "content")
            summary = entry.find(A + "summary")
            if content is None and summary is None:
                found["MissingTextualContent"].append(f"{name}: {entry_id}")
            for part in (content, summary):
                if part is None or part.get("type") != "html":
                    continue
                for match in BAD_REFERENCE.finditer(part.text or ""):
                    found["BadCharacters"].append(f"{name}: {match.group()}")
                for match in STYLE.finditer(part.text or ""):
                    style = html.unescape(match.group(2) if match.group(2) is not None else match.group(3))
                    if unsafe_style(style):
                        found["DangerousStyleAttr"].append(f"{name}: {unsafe_style(style)[0]}")
        for value, count in updated.items():
            if count > 1:
                found["SameUpdated"].extend([f"{name}: {value}"] * count)
    for check in ["InvalidIRI", "InvalidTAG", "InvalidURN", "MissingSourceElement", "ImplausibleDate", "DuplicateUpdated", "SameUpdated",
                  "MissingTextualContent", "DangerousStyleAttr", "BadCharacters"]:
        examples = found[check]
        print(f"{check}\t{len(examples)}\t" + " | ".join(examples[:3]))


if __name__ == "__main__":
    main()
