"""``cchc serve``: a local web page over the same library calls the CLI makes.

``server`` starts it; ``app`` holds the settings, the ``guard`` and the error pages; the routes
are in ``start`` (where a set of inputs comes from), ``data`` (one set and its files),
``making`` (documents and their files) and ``tools`` (batch, the ND 30 check), with what they
share in ``common``. ``store`` and ``uploads`` are the server's own working folder,
``documents`` turns a form into a ``Request`` for ``make()`` (and a PDF, page images), and
``figures`` turns a report's computed figures into tables and a chart. Flask and werkzeug are
imported only in this package (tests/test_architecture.py); ``documents``, ``figures``,
``store`` and ``uploads`` do not import them.
"""
