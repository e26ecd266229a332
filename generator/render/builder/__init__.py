"""Builds cchc's own committed templates reproducibly from code (``make templates``)."""
