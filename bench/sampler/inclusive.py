import sys, collections, re
# Used by bench/startup-profile.sh: inclusive share of each frame in collapsed stacks (FILE [REGEX]).
incl = collections.Counter(); self_ = collections.Counter(); total = 0
for line in open(sys.argv[1]):
    if line.startswith('#'): continue
    stack, n = line.rstrip().rsplit(' ', 1); n = int(n); total += n
    frames = stack.split(';')
    for f in set(frames): incl[f] += n
    self_[frames[-1]] += n
pat = re.compile(sys.argv[2]) if len(sys.argv) > 2 else None
print("total samples", total)
for f, c in incl.most_common(400):
    if pat is None or pat.search(f):
        print(f"{100*c/total:5.1f}% {f}")
