"""The ND 30 document model: the parts of an official document (header, title, body, signature,
Nơi nhận, appendices) found in a document read by ``generator.ooxml``. Read by the checker and by
the import of whole documents; docs/nd30-format.md."""
