"""How a built page loads Material's script: named once for the build, the gate and the tests.

Material's script is not loaded with the page. overrides/hooks.py moves its address to app.js's script
tag, and app.js loads it when the reader first uses the page (a key, a tap, a click, the mouse wheel or focus).
"""

from __future__ import annotations

# On app.js's <script>: the address of Material's script, relative to the page.
MATERIAL_SCRIPT_ATTRIBUTE = "data-app-material"
# app.js also sets <html data-app-material="ready"> once Material's script has started: the browser tests
# (tests/overrides/browser.js) and benchmarks/first-view.js wait for it. No Python code needs it.
