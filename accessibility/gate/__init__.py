"""The accessibility gate: run pa11y-ci over every built HTML page and fail on any issue.

    python -m accessibility.gate --site site --reports reports --chrome /usr/bin/chromium \
        --node /usr/bin/node --node-modules .venv/gate/node_modules \
        [--source-map build/pages.json] [--ignores accessibility/ignores.yml] [--today YYYY-MM-DD] \
        [--cache build/gate-cache | --no-cache]

Exit status: 0 when clean, 1 on any issue or failure (see accessibility/README.md).

One module per step, in the order a run takes them:
    command_line  the options, and the run from start to finish
    pages         which pages there are, and the Markdown source of each (build/pages.json)
    ignores       accessibility/ignores.yml: issues accepted for now, each with a reason and a review date
    cache         pa11y's results of unchanged pages, reused from an earlier run
    runners       pa11y-ci and its runners, started under Node with Chromium, optionally over a local server
    results       pa11y-ci's results matched to the pages, and the verdict
    report        accessibility.json and accessibility.html
"""


class GateError(Exception):
    """A problem with the gate's inputs: reported as one clear line, exit status 1."""
