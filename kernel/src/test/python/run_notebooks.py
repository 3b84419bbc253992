#!/usr/bin/python3
"""Runs every notebook under a directory headless with nbclient through the installed
kernelspec (default "java"), prints the time per notebook, exits non-zero if one fails.

    IJAVA_CLASSPATH=$PWD/solutions/target/classes /usr/bin/python3 run_notebooks.py notebooks/
Options: --kernel NAME, --timeout SECONDS (per cell, default 600)."""
import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_modules import require_modules  # noqa: E402

require_modules()

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError  # noqa: E402


def find_notebooks(directory):
    return sorted(p for p in directory.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def first_error(notebook):
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return index, output.get("ename", ""), output.get("evalue", ""), output.get("traceback", [])
    return None


def run(path, kernel, timeout):
    notebook = nbformat.read(str(path), as_version=4)
    client = NotebookClient(notebook, kernel_name=kernel, timeout=timeout,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
        return None
    except CellExecutionError as error:
        found = first_error(notebook)
        if found is None:
            return str(error).splitlines()[0] if str(error) else type(error).__name__
        index, ename, evalue, traceback = found
        return "cell %d: %s: %s\n%s" % (index, ename, evalue, "\n".join("      " + line for line in traceback))
    except Exception as error:  # kernel died, timeout, ...
        return "%s: %s" % (type(error).__name__, error)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--kernel", default="java")
    parser.add_argument("--timeout", type=int, default=600)
    args = parser.parse_args(argv)

    directory = Path(args.directory)
    notebooks = find_notebooks(directory) if directory.is_dir() else []
    if not notebooks:
        print("run_notebooks: no notebooks under %s: nothing to run" % directory)
        return 0
    print("run_notebooks: %d notebook(s), kernel %r, IJAVA_CLASSPATH=%s"
          % (len(notebooks), args.kernel, os.environ.get("IJAVA_CLASSPATH", "")))
    failed = 0
    for path in notebooks:
        started = time.monotonic()
        problem = run(path, args.kernel, args.timeout)
        seconds = time.monotonic() - started
        print("%-6s %6.1f s  %s" % ("ok" if problem is None else "FAILED", seconds, path))
        if problem is not None:
            failed += 1
            print("       " + problem)
    print("notebooks: %d passed, %d failed" % (len(notebooks) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
