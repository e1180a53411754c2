"""State that outlives a widget: a participant's grading walk, a workshop, an import.

Sessions are plain Python over the operations layer.  The window's pages, the
phone server of room voting and the tests all drive the same session objects,
so a page rebuilt after a language switch, or a phone that reconnects, finds
the state where it was.  Each module's docstring says how it is shared
between threads.
"""
