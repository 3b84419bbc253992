#!/usr/bin/python3
"""Fails, naming the Debian packages to install, if this Python lacks the Jupyter modules
that conformance.py and run_notebooks.py need."""
import importlib.util
import sys

DEBIAN_PACKAGES = "jupyter-nbconvert python3-nbclient python3-jupyter-kernel-test jupyter-notebook"
MODULES = ("jupyter_client", "jupyter_kernel_test", "nbclient", "nbformat")


def require_modules():
    missing = [name for name in MODULES if importlib.util.find_spec(name) is None]
    if missing:
        sys.stderr.write(
            "%s lacks the Python modules %s needed by the Jupyter checks.\n"
            "Install them with: sudo apt-get install %s\n"
            "(elsewhere: pip install jupyter_client jupyter_kernel_test nbclient nbformat)\n"
            % (sys.executable, ", ".join(missing), DEBIAN_PACKAGES))
        sys.exit(1)


if __name__ == "__main__":
    require_modules()
    print("%s has the Jupyter modules: %s" % (sys.executable, ", ".join(MODULES)))
