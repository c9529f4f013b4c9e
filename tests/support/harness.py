"""Shared by the Python end-to-end tests: failing with a message, and
running a program under its own Xvfb server."""
import os
import random
import shutil
import subprocess
import sys

NOBODY = 65534


def as_nobody():
    """preexec_fn: run the child as nobody (root reads and writes through
    permissions, so refused permissions are tested as nobody)."""
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def scenarios_folder(tmp, fixture, framework):
    """tmp/scenarios holding one fixture and the framework, readable by all."""
    folder = os.path.join(tmp, "scenarios")
    os.makedirs(folder)
    shutil.copy(fixture, folder)
    shutil.copy(framework, folder)
    os.chmod(tmp, 0o755)
    os.chmod(folder, 0o755)
    return folder


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def expect(cond, msg):
    if not cond:
        fail(msg)


def xvfb_command(xvfb_run, program_and_args):
    # A random first display number keeps parallel runs (ctest -j, other
    # jobs on the machine) from racing for the same Xvfb display.
    return [xvfb_run, "-a", "-n", str(random.randint(100, 4000)),
            "-s", "-screen 0 1280x800x24", *program_and_args]


def run_under_xvfb(xvfb_run, program_and_args, **kwargs):
    """subprocess.run of the program under xvfb-run, tried again when
    xvfb-run -a loses a race for a display number (the server fails to
    start, or goes away under us)."""
    for _ in range(3):
        p = subprocess.run(xvfb_command(xvfb_run, program_and_args), capture_output=True,
                           text=True, **kwargs)
        if "Xvfb failed to start" not in p.stderr and "Failed to open X11" not in p.stderr:
            break
    return p


def runnable_by_nobody(binary, tmp):
    """The binary copied into `tmp`/bin, where `nobody` can run it.

    Tests that drop root to `nobody` cannot run the build's binary in place
    when the checkout sits in a folder other users cannot enter (a clone in
    root's home, a fresh `mktemp -d`). The copy needs no data beside it: the
    tests pass --scenarios, and the framework is found beside those."""
    import os
    import shutil
    os.chmod(tmp, 0o755)
    bin_dir = os.path.join(tmp, "bin")
    os.makedirs(bin_dir, exist_ok=True)
    os.chmod(bin_dir, 0o755)
    copy = os.path.join(bin_dir, os.path.basename(binary))
    shutil.copy2(binary, copy)
    os.chmod(copy, 0o755)
    return copy
