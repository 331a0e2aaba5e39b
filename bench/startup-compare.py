#!/usr/bin/env python3
"""bench/startup-compare.py RUNS 'label=cmd' ... : interleaved runs; median wall and CPU (user+sys of children) per variant."""
import resource, statistics, subprocess, sys, time, shlex, os
runs = int(sys.argv[1]); variants = [a.split('=', 1) for a in sys.argv[2:]]
res = {l: ([], []) for l, _ in variants}
def once(cmd):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.perf_counter()
    p = subprocess.run(cmd, shell=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t1 = time.perf_counter(); r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode: print("exit", p.returncode, cmd, file=sys.stderr)
    return (t1 - t0) * 1000, (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000
for l, c in variants: once(c); once(c)
load0 = os.getloadavg()[0]
for i in range(runs):
    for l, c in variants:
        w, u = once(c); res[l][0].append(w); res[l][1].append(u)
print(f"# {runs} interleaved runs, load {load0:.2f} -> {os.getloadavg()[0]:.2f}")
for l, _ in variants:
    w, u = res[l]
    print(f"{l:40s} wall median {statistics.median(w):7.1f} min {min(w):7.1f}   cpu median {statistics.median(u):7.1f} min {min(u):7.1f}")
