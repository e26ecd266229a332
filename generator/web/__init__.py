"""``cchc serve``: a local web page over the same library calls the CLI makes.

``server`` starts it, ``app`` holds the routes, ``store`` the server's own working folder
(uploads, outputs), ``documents`` calls the pipeline and LibreOffice, ``figures`` turns a
report's computed figures into a table and a chart. Only ``app`` and ``server`` import Flask.
"""
