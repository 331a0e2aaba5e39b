#!/usr/bin/env python3
"""Time from starting a command to its first frame, on a pseudo-terminal of its own.

The command runs on a 120x35 pty; this reads what it writes and stops the clock when TEXT first
appears (the end of the screen's bottom row, "q quit", by default: a frame is one write). It answers the two questions a terminal is
asked at start (the cursor position, CSI 6n, and the background colour, OSC 11) as a dark xterm
would. Nothing polls: the read blocks until the command writes, so the figure is the command's
own, not a poller's (a tmux capture-pane loop every few ms costs a core of a 2-core machine and
doubled the times it measured).

Usage: bench/first-frame.py [--runs N] [--text TEXT] -- COMMAND...
Prints each run's milliseconds and the median.
"""
import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time


def one_run(command, text, limit):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 35, 120, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    start = time.monotonic()
    seen = b""
    want = text.encode("utf-8")
    try:
        while True:
            left = limit - (time.monotonic() - start)
            if left <= 0:
                raise TimeoutError(f"no {text!r} within {limit} s; last output: {seen[-300:]!r}")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                raise RuntimeError(f"the command ended before {text!r}; output: {seen[-300:]!r}")
            seen += chunk
            if b"\x1b[6n" in chunk:
                os.write(fd, b"\x1b[35;120R")
            if b"\x1b]11;?" in chunk:
                os.write(fd, b"\x1b]11;rgb:0000/0000/0000\x1b\\")
            if want in seen:
                return (time.monotonic() - start) * 1000
    finally:
        os.kill(pid, signal.SIGTERM)
        try:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                done, _ = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                select.select([fd], [], [], 0.05) and os.read(fd, 65536)
            else:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        except (ChildProcessError, OSError):
            pass
        os.close(fd)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--text", default="q quit")
    parser.add_argument("--limit", type=float, default=60)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()
    times = [one_run(args.command, args.text, args.limit) for _ in range(args.runs)]
    print(" ".join(f"{t:.0f}" for t in times), f"median {statistics.median(times):.0f} ms")


if __name__ == "__main__":
    sys.exit(main())
