"""Pick 30 RuCoCo news articles for the events test set (issue 19).

Seed 19. Quotas per rubric; within a rubric the files are shuffled and taken
greedily, preferring years not yet used anywhere in the selection, so the
sample spreads over 2000-2021. Articles named in shared/gold/articles/*.json
`doc` fields are skipped (held-out check).
"""
import glob, json, os, random, re
SRC = "/work/shared/data/rucoco-news"
gold = set()
for f in glob.glob("/work/shared/gold/articles/*.json"):
    gold.add(os.path.basename(json.load(open(f))["doc"]))
QUOTA = {"world": 7, "russia": 7, "finance": 4, "sport": 4, "cinema": 3,
         "hitech": 2, "auto": 1, "realty": 1, "blog": 1}
rng = random.Random(19)
files = sorted(f for f in os.listdir(SRC) if f.endswith(".json") and f not in gold)
by_rubric = {}
for f in files:
    m = re.match(r"(\d{4})_([a-z]+)_", f)
    by_rubric.setdefault(m.group(2), []).append((int(m.group(1)), f))
used_years, picked = set(), []
for rubric in sorted(QUOTA):
    pool = by_rubric[rubric][:]
    rng.shuffle(pool)
    for _ in range(QUOTA[rubric]):
        fresh = [p for p in pool if p[0] not in used_years]
        y, f = (fresh or pool)[0]
        pool.remove((y, f))
        used_years.add(y)
        if len(used_years) == 22:
            used_years.clear()
        picked.append(f)
for f in sorted(picked):
    print(f)
