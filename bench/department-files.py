#!/usr/bin/env python3
"""Department files for an import benchmark, in the departments' own layouts (not Yilian's templates).

    bench/department-files.py HOUSEHOLDS OUT_DIR [--seed N]

Writes, for HOUSEHOLDS households of 1-5 people (about 2.6 each):
  户籍.csv        public_security, the template layout (the registry creates residents)
  民政.csv        civil_affairs in GB18030, its own headers (mapped by dictionary.yaml)
  医保.csv        health_insurance, own headers, 1/0 for yes/no, an extra column nobody uses
  人社.csv        human_resources, own headers
  住建.csv        housing, keyed by household number (户号), 1/0
  儿童福利.csv    child_welfare, a department the district declares
  dictionary.yaml the data dictionary mapping those layouts
Deterministic for a seed.
"""
import random, sys, os

def check(first17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * x for c, x in zip(first17, w)) % 11]

def main():
    n = int(sys.argv[1]); out = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    rnd = random.Random(seed); os.makedirs(out, exist_ok=True)
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
    people, seq = [], 0
    for h in range(n):
        region = f"320571{rnd.randint(1, 12):03d}{rnd.randint(1, 9):03d}"
        for m in range(rnd.choice([1, 2, 2, 3, 3, 3, 4, 4, 5])):
            seq += 1
            y = rnd.randint(1930, 2024); d = f"{y}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"
            f17 = f"{region[:6]}{d}{seq % 1000:03d}"
            people.append((f17 + check(f17), rnd.choice(surnames) + rnd.choice(given), f"H{h:07d}", region, m == 0, y))
    # IDs must be unique: the order code wraps at 1000, so disambiguate by date collisions
    seen, unique = set(), []
    for p in people:
        if p[0] not in seen:
            seen.add(p[0]); unique.append(p)
    people = unique
    def write(name, header, rows, encoding="utf-8"):
        with open(os.path.join(out, name), "w", encoding=encoding, newline="") as f:
            f.write(header + "\n")
            for r in rows: f.write(r + "\n")
    write("户籍.csv", "身份证号,姓名,户号,户籍地区划代码,与户主关系",
          (f"{i},{nm},{hh},{rg},{'户主' if head else '家庭成员'}" for i, nm, hh, rg, head, _ in people))
    heads = [p for p in people if p[4]]
    write("民政.csv", "证件号码,人员类别,月人均收入,人均存款,车辆,享受政策",
          (f"{i},{rnd.choice(['', '', '', '低保', '特困', '低保边缘'])},{rnd.randint(0, 6000)},{rnd.randint(0, 80000)},{rnd.choice(['有', '无'])},"
           for i, *_ in heads), encoding="gb18030")
    write("医保.csv", "公民身份号码,大病标识,长护标识,参保险种,上年自付医疗费",
          (f"{i},{rnd.choice('0001')},{rnd.choice('0001')},城乡居民,{rnd.randint(0, 50000)}" for i, *_ in people if rnd.random() < 0.6))
    write("人社.csv", "身份证,就业状态,月收入",
          (f"{i},{rnd.choice(['就业', '失业', '退休', '学生'])},{rnd.randint(0, 9000)}" for i, *_ in people if rnd.random() < 0.7))
    write("住建.csv", "户号,人均建筑面积,危房鉴定",
          (f"{hh},{rnd.randint(8, 60)},{rnd.choice('00001')}" for _, _, hh, _, head, _ in people if head and rnd.random() < 0.5))
    write("儿童福利.csv", "公民身份号码,儿童类别,监护人",
          (f"{i},{rnd.choice('12')},某某" for i, _, _, _, _, y in people if y >= 2008 and rnd.random() < 0.02), encoding="gb18030")
    with open(os.path.join(out, "dictionary.yaml"), "w", encoding="utf-8") as f:
        f.write("""facts:
  - name: person.medical_spending
    label: 上年度个人自付医疗费用
    kind: money
    department: health_insurance
  - name: person.monthly_income
    label: 本人月收入
    kind: money
    department: human_resources
departments:
  - code: civil_affairs
    columns: { 证件号码: id, 人员类别: person.special_status, 月人均收入: household.per_capita_income, 人均存款: household.per_capita_assets, 车辆: household.owns_vehicle, 享受政策: receiving }
  - code: health_insurance
    columns: { 公民身份号码: id, 大病标识: person.severe_illness, 长护标识: person.long_term_care_need, 参保险种: ignore, 上年自付医疗费: person.medical_spending }
    values: { person.severe_illness: { "1": "true", "0": "false" }, person.long_term_care_need: { "1": "true", "0": "false" } }
  - code: human_resources
    columns: { 身份证: id, 就业状态: person.employment, 月收入: person.monthly_income }
  - code: housing
    keyed_by: household
    columns: { 户号: household, 人均建筑面积: household.housing_area_per_capita, 危房鉴定: household.dangerous_housing }
    values: { household.dangerous_housing: { "1": "true", "0": "false" } }
  - code: child_welfare
    name: 区儿童福利指导中心
    columns: { 公民身份号码: id, 儿童类别: person.special_status, 监护人: ignore }
    values: { person.special_status: { "1": orphan, "2": de_facto_unattended_child } }
""")
    print(f"{len(people)} people in {n} households -> {out}")

main()
