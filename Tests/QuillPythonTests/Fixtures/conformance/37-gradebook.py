# A small gradebook: dicts of lists, averages, letter grades and a formatted report.
students = {
    "Ana": [92, 88, 95],
    "Bo": [75, 64, 80],
    "Cy": [58, 71, 62],
    "Dee": [88, 88, 89],
}
weights = (0.3, 0.3, 0.4)


def weighted(marks):
    return sum(m * w for m, w in zip(marks, weights))


def letter(score):
    for cutoff, grade in [(90, "A"), (80, "B"), (70, "C"), (60, "D")]:
        if score >= cutoff:
            return grade
    return "F"


report = []
for name, marks in students.items():
    score = weighted(marks)
    report.append((name, score, letter(score)))
report.sort(key=lambda r: r[1], reverse=True)
print(f"{'Name':<6}{'Score':>8}  Grade")
for name, score, grade in report:
    print(f"{name:<6}{score:>8.2f}  {grade}")
mean = sum(r[1] for r in report) / len(report)
print(f"class mean {mean:.3f}; spread {report[0][1] - report[-1][1]:.1f}")
by_grade = {}
for name, _, grade in report:
    by_grade[grade] = by_grade.get(grade, []) + [name]
print(by_grade)
passed = [name for name, score, _ in report if score >= 60]
print(f"{len(passed)}/{len(report)} passed: {', '.join(passed)}")
print(round(mean), round(mean, 1), int(mean), f"{mean:.0f}")
best_test = [max(marks[k] for marks in students.values()) for k in range(3)]
print(best_test, sum(best_test) / 3)
