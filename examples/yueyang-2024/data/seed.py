"""Where the seed document is, for the extraction scripts beside this file."""
import os
import sys

DEFAULT_SEED = os.path.join("..", "shared", "seeds", "004_c64bdeb09813d8b2.txt")


def find_seed(argv):
    """The seed's path: the first argument, else ../shared/seeds/ seen from
    the repository root (three levels up from this folder) or from the
    current directory."""
    if len(argv) > 1:
        return argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", "..", ".."))
    for base in (root, os.getcwd()):
        path = os.path.normpath(os.path.join(base, DEFAULT_SEED))
        if os.path.exists(path):
            return path
    sys.exit("seed not found: give its path as the first argument")
