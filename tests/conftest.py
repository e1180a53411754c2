"""Test set-up shared by every test: headless Qt, a private settings folder."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
