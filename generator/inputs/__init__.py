"""The user's files → validated models, every problem with its place: Word (the plan's and the
report's words, whole documents for ``cchc import``), Excel (.xlsx, .xls, .ods workbooks: the
unit, the plan, targets, tasks, progress) and YAML (for scripts and tests, docs/yaml.md)."""
