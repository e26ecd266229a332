"""``python -m generator.render.builder``: rebuild the committed templates (``make templates``)."""

from generator.render.builder.build import main

if __name__ == "__main__":
    raise SystemExit(main())
