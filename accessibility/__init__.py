"""The accessibility gate and the tools it installs (README.md beside this file)."""
