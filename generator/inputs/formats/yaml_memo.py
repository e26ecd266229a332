"""The YAML files of one unit, parsed once per process however many documents read them; and
their top-level keys, for finding a batch's jobs without building every file's data.

A batch reads a unit's ``ke_hoach.yaml`` three times (finding its jobs, the plan, each report);
``cchc serve`` reads a set again for every document. Parsing is the costly part, so the last
few results are kept, keyed by the file's path and the SHA-256 of its bytes (an edited file is
parsed again), as a pickle: each caller gets its own copy of the data, and the problems the
parse found are recorded again in the caller's ``Problems``.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import OrderedDict
from pathlib import Path

import yaml

from generator.errors import Problem, Problems
from generator.inputs.formats.yaml_file import MAX_BYTES, YamlDocument, load_yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KEPT = 16  # documents: a unit has three or four YAML files; memory stays flat over a batch
_kept: OrderedDict[tuple[str, bytes], tuple[bytes, list[Problem]]] = OrderedDict()


def load(path: Path, problems: Problems) -> YamlDocument | None:
    """``load_yaml(path, problems)``, parsed only if this content was not parsed lately."""
    try:
        with path.open("rb") as file:  # streamed: a huge file is load_yaml's to refuse
            key = (str(path), hashlib.file_digest(file, "sha256").digest())
    except OSError:
        return load_yaml(path, problems)  # load_yaml words the failure
    kept = _kept.get(key)
    if kept is None:
        found = Problems()
        kept = (pickle.dumps(load_yaml(path, found), pickle.HIGHEST_PROTOCOL), found.items)
        _kept[key] = kept
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    else:
        _kept.move_to_end(key)
    problems.items.extend(kept[1])
    document: YamlDocument | None = pickle.loads(kept[0])
    return document


def top_level_keys(path: Path, role: str | None = None) -> set[str]:
    """The top-level keys of YAML file ``path``; none when it cannot be read. With ``role``, a
    file whose text does not contain it is not parsed (it cannot have that key).

    Only the parser runs (libyaml's, in C, where installed): the document is composed, never
    built, so no alias is expanded. A file the parser refuses goes through ``load``, which
    repairs what it can (control characters) and otherwise finds nothing.
    """
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)  # a larger file is load_yaml's to refuse, unparsed
        if len(raw) > MAX_BYTES:
            raise OSError("too large")
        if role is not None and role.encode() not in raw:
            return set()  # a key is written with its letters: this file cannot have it
        loader = _Loader(raw.decode("utf-8-sig"))
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        node = None
    if node is None:
        document = load(path, Problems())
        return set(document.data) if document is not None and isinstance(document.data, dict) else set()
    if not isinstance(node, yaml.MappingNode):
        return set()
    return {str(key.value) for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
