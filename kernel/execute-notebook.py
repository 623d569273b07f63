#!/usr/bin/python3
"""Execute a notebook headless with Jupyter's own client (nbclient) and fail on any cell error.

Usage: /usr/bin/python3 kernel/execute-notebook.py NOTEBOOK [--kernel ipw] [--timeout 600] [--cwd DIR] [--output OUT]

The kernelspec must be findable by Jupyter (``ipw kernel install``, or JUPYTER_PATH pointing at a prefix's
share/jupyter). Exit status: 0 when every cell ran, 1 on a cell error or timeout (details on stderr), 2 on bad usage.
"""
import argparse
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("--kernel", default="ipw", help="kernelspec name (default: ipw, ignoring the notebook's own)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    parser.add_argument("--cwd", help="working directory of the kernel (default: the notebook's folder)")
    parser.add_argument("--output", help="write the executed notebook here")
    args = parser.parse_args()

    nb = nbformat.read(args.notebook, as_version=4)
    cwd = args.cwd or os.path.dirname(os.path.abspath(args.notebook))
    client = NotebookClient(nb, kernel_name=args.kernel, timeout=args.timeout, allow_errors=False,
                            resources={"metadata": {"path": cwd}})
    status = 0
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
        sys.stderr.write(f"{args.notebook}: {type(error).__name__}\n{error}\n")
        status = 1
    if args.output:
        nbformat.write(nb, args.output)
    return status


if __name__ == "__main__":
    sys.exit(main())
