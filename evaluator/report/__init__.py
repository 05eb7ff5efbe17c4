"""The decision memo: build (reportlab), attach the decision JSON and sign (pyHanko), and verify.

Modules: ``decision`` (the canonical decision JSON and recomputing it), ``memo`` and ``charts`` (the pages),
``sign`` (keys and signing), ``export`` (the one function the CLI and the app call), ``verify``. Nothing here is
imported at start-up; heavy libraries load inside the functions that need them.
"""
