#!/usr/bin/env python3
"""Where a process's CPU went, from an EventPipe trace converted to speedscope JSON.

dotnet-trace's own report counts every sampled thread, waiting ones included, so a test host's
busy code drowns among idle NUnit workers and thread-pool threads. speedscope's conversion marks
each sample that was on a CPU with a CPU_TIME leaf frame: this keeps only those, and prints each
frame's inclusive share of them (or, with --self, the leaf frames').

    cpu-profile.py trace.speedscope.json [REGEX] [--self] [--top N]
"""
import argparse
import collections
import json
import re

parser = argparse.ArgumentParser()
parser.add_argument('speedscope')
parser.add_argument('pattern', nargs='?', default='.', help='only frames whose name matches')
parser.add_argument('--self', action='store_true', help='the frame under CPU_TIME, not every frame on the stack')
parser.add_argument('--top', type=int, default=60)
args = parser.parse_args()

document = json.load(open(args.speedscope))
frames = [frame['name'] for frame in document['shared']['frames']]
inclusive, own, total = collections.Counter(), collections.Counter(), 0.0
for profile in document['profiles']:
    stack, previous = [], None
    for event in profile['events']:
        at = event['at']
        if previous is not None and len(stack) > 1 and frames[stack[-1]] == 'CPU_TIME':
            elapsed = at - previous
            total += elapsed
            own[frames[stack[-2]]] += elapsed
            for name in {frames[i] for i in stack}:
                inclusive[name] += elapsed
        if event['type'] == 'O':
            stack.append(event['frame'])
        elif stack:
            stack.pop()
        previous = at

pattern = re.compile(args.pattern)
print(f'on-CPU samples: {total:.0f} ms (sampled thread time, not wall)')
shown = 0
for name, weight in (own if args.self else inclusive).most_common():
    if name in ('CPU_TIME', 'Threads', '(Non-Activities)') or not pattern.search(name):
        continue
    print(f'{100 * weight / total:6.2f}%  {name[:150]}')
    shown += 1
    if shown == args.top:
        break
