"""Draws docs/pacing-movement.svg from plan --json files: per-frame movement before and after, one panel per
example, with the smoothness rule's score and, after, the count of frames that break the truth rule."""
import json
import os
import sys


def animated(plan):
    return [f for f in plan["frames"] if f["phase"] == "animate"]


def score(moves):
    if len(moves) < 2:
        return 0.0
    largest = max(moves)
    jump = max(abs(b - a) for a, b in zip(moves, moves[1:]))
    return jump / max(0.15 * largest, 1.5)


def untruthful(plan):
    count = 0
    for frame in animated(plan):
        for fit in frame["fits"]:
            if "lossBetween" in fit and fit["loss"] < 0.99 * min(fit["lossBetween"]):
                count += 1
    return count


def main(work, target, configs):
    width, height, columns = 300, 150, 2
    rows = (len(configs) + columns - 1) // columns
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{columns * width}" height="{rows * height + 30}" '
           'font-family="DejaVu Sans, sans-serif" font-size="10">',
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="8" y="18" font-size="12">Movement per animated frame (px): grey before, blue after; '
           'score ≤ 1 = no frame jumps</text>']
    for index, config in enumerate(configs):
        name = os.path.splitext(os.path.basename(config))[0]
        x0, y0 = (index % columns) * width, 30 + (index // columns) * height
        plans = {}
        for side in ("before", "after"):
            with open(os.path.join(work, f"{name}.{side}.json"), encoding="utf-8") as handle:
                plans[side] = json.load(handle)
        moves = {side: [f["displacementPx"] for f in animated(plan)[1:]] for side, plan in plans.items()}
        top = max(max(m) for m in moves.values() if m) or 1
        for side, colour in (("before", "#999999"), ("after", "#0072B2")):
            m = moves[side]
            points = " ".join(f"{x0 + 10 + (width - 20) * i / max(1, len(m) - 1):.1f},"
                              f"{y0 + height - 25 - (height - 50) * v / top:.1f}" for i, v in enumerate(m))
            svg.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1" points="{points}"/>')
        after = plans["after"]
        svg.append(f'<text x="{x0 + 10}" y="{y0 + 12}">{name}</text>')
        svg.append(f'<text x="{x0 + 10}" y="{y0 + height - 8}" fill="#555">score before {score(moves["before"]):.2f}, '
                   f'after {score(moves["after"]):.2f}; untruthful frames after: {untruthful(after)}</text>')
    svg.append("</svg>")
    with open(target, "w", encoding="utf-8") as handle:
        handle.write("\n".join(svg) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
