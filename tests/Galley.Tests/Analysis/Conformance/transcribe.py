#!/usr/bin/env python3
"""Transcribes the test grid of Istio's pkg/config/analysis/analyzers/analyzers_test.go into
cases.txt and copies the testdata files it names. Usage: transcribe.py ISTIO_GIT_DIR COMMIT"""
import os, re, subprocess, sys

git_dir, commit = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))

def show(path):
    return subprocess.run(["git", "-C", git_dir, "show", f"{commit}:{path}"], check=True, capture_output=True, text=True).stdout

codes = {}
name = None
for line in show("pkg/config/analysis/msg/messages.yaml").splitlines():
    m = re.match(r'\s*- name: "(\w+)"', line)
    if m:
        name = m.group(1)
    m = re.match(r'\s*code: (IST\d+)', line)
    if m and name:
        codes[name] = m.group(1)
        name = None

src = show("pkg/config/analysis/analyzers/analyzers_test.go")
grid = src[src.index("var testGrid"):src.index("// regex patterns")]
# Each case is a top-level "{ ... }," block at one tab of indentation.
blocks = re.findall(r"\n\t\{\n(.*?)\n\t\},", grid, re.S)
out = ["# Transcribed from istio/istio pkg/config/analysis/analyzers/analyzers_test.go at " + commit,
       "# by transcribe.py. One case per block: case, analyzer, input (repeatable), meshConfig,",
       "# meshNetworks, skipAll, expect (repeatable: CODE origin, origin as Istio's FriendlyName).", ""]
files = set()
for i, b in enumerate(blocks, 1):
    name = re.search(r'name:\s*"([^"]*)"', b).group(1)
    inputs = re.findall(r'"(testdata/[^"]+)"', re.search(r"inputFiles:\s*\[\]string\{(.*?)\}", b, re.S).group(1))
    analyzer = re.search(r"analyzer:\s*(.*?),\n", b).group(1).strip()
    m = re.match(r"&(\w+)\.(\w+)\{\}", analyzer)
    if m:
        analyzer = f"{m.group(1)}.{m.group(2)}"
    else:
        m = re.match(r"schemaValidation\.CollectionValidationAnalyzer\(collections\.(\w+)\)", analyzer)
        analyzer = f"schema.ValidationAnalyzer.{m.group(1)}"
    out.append(f"case: {i:03d} {name}")
    out.append(f"analyzer: {analyzer}")
    for f in inputs:
        out.append(f"input: {f[len('testdata/'):]}")
        files.add(f)
    for key in ("meshConfigFile", "meshNetworksFile"):
        m = re.search(key + r':\s*"([^"]+)"', b)
        if m:
            out.append(f"{key[:-4]}: {m.group(1)[len('testdata/'):]}")
            files.add(m.group(1))
    if re.search(r"skipAll:\s*true", b):
        out.append("skipAll: true")
    for msgname, origin in re.findall(r'\{msg\.(\w+),\s*"([^"]*)"\}', b):
        out.append(f"expect: {codes[msgname]} {origin}")
    out.append("")
with open(os.path.join(here, "cases.txt"), "w") as fh:
    fh.write("\n".join(out))
for f in sorted(files):
    dest = os.path.join(here, f)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "w") as fh:
        fh.write(show("pkg/config/analysis/analyzers/" + f))
print(f"{len(blocks)} cases, {len(files)} files")
