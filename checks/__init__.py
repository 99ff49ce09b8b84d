"""Pure checks of pages, data and configuration: each takes what it checks and returns its problems as
messages naming the file (and line). build_steps/hooks.py runs them during the build."""
