#!/usr/bin/python3
"""Expected numbers for 'vigil compare', from SciPy: writes testdata/compare_expected.json.

Run from the repository root with Debian's interpreter (python3-scipy, python3-numpy):

    /usr/bin/python3 testdata/compare_expected.py

A paired comparison of two audits counts, per setting, the samples right in both runs (a), right in
the base run only (b: they newly fail), right in the new run only (c: they newly pass) and wrong in
both (d). The script gives for each table:

- McNemar's exact test: the two-sided binomial test of b successes in b + c trials at p = 1/2
  (scipy.stats.binomtest), 1 when b + c = 0;
- Newcombe's (1998) method 10 interval for the paired difference p_new - p_base = (c - b) / n, the
  square-and-add of the two marginal Wilson intervals (scipy's proportion_ci(method='wilson')) with
  the correlation phi corrected as Newcombe gives it;
- the same square-and-add with phi = 0: Newcombe's (1998) method 10 for independent proportions, which
  Vigil uses when two audits of different data are compared unpaired;
- Holm's step-down adjustment of a list of p-values.

It checks its interval on the published example of Fagerland, Lydersen and Laake (2017), Statistical
Analysis of Contingency Tables, chapter 8 (Cavo et al. 2012: a=59, b=6, c=16, d=80 with the first run
as rows, interval -0.1186 to -0.0046 for p_rows - p_columns), then computes the paired tables of
testdata/cifar/model.pt (base) against testdata/cifar/degraded.pt (new) from the per-sample predictions
in cifar/expected.json and cifar/degraded.json, for the clean pass and FGSM L-inf at every eps.
"""
import json
import math
import os

from scipy.stats import binomtest

HERE = os.path.dirname(os.path.abspath(__file__))


def wilson(successes, n):
    if n == 0:
        return 0.0, 1.0
    ci = binomtest(successes, n).proportion_ci(confidence_level=0.95, method='wilson')
    return max(0.0, ci.low), min(1.0, ci.high)


def mcnemar_exact(b, c):
    if b + c == 0:
        return 1.0
    return min(1.0, binomtest(b, b + c, 0.5, alternative='two-sided').pvalue)


def newcombe_paired(a, b, c, d):
    """Interval for p_new - p_base, where p_base = (a + b) / n and p_new = (a + c) / n."""
    n = a + b + c + d
    p_base, p_new = (a + b) / n, (a + c) / n
    l_base, u_base = wilson(a + b, n)
    l_new, u_new = wilson(a + c, n)
    # phi between the two runs' outcomes, with Newcombe's correction: a positive a*d - b*c is reduced by n/2 (not below 0)
    margins = (a + b) * (c + d) * (a + c) * (b + d)
    if margins == 0:
        phi = 0.0
    else:
        cross = a * d - b * c
        corrected = cross - n / 2 if cross > n / 2 else (0.0 if cross >= 0 else cross)
        phi = corrected / math.sqrt(margins)
    delta = p_new - p_base
    # the lower end combines the new run's lower error with the base run's upper error, and the other way round
    lower = delta - math.sqrt((p_new - l_new) ** 2 - 2 * phi * (p_new - l_new) * (u_base - p_base) + (u_base - p_base) ** 2)
    upper = delta + math.sqrt((u_new - p_new) ** 2 - 2 * phi * (u_new - p_new) * (p_base - l_base) + (p_base - l_base) ** 2)
    return delta, max(-1.0, lower), min(1.0, upper)


def newcombe_independent(s_base, n_base, s_new, n_new):
    p_base, p_new = s_base / n_base, s_new / n_new
    l_base, u_base = wilson(s_base, n_base)
    l_new, u_new = wilson(s_new, n_new)
    delta = p_new - p_base
    lower = delta - math.sqrt((p_new - l_new) ** 2 + (u_base - p_base) ** 2)
    upper = delta + math.sqrt((u_new - p_new) ** 2 + (p_base - l_base) ** 2)
    return delta, max(-1.0, lower), min(1.0, upper)


def holm(ps):
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    adjusted, running = [0.0] * len(ps), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(ps) - rank) * ps[i]))
        adjusted[i] = running
    return adjusted


def table_entry(a, b, c, d):
    delta, lower, upper = newcombe_paired(a, b, c, d)
    n = a + b + c + d
    ind = newcombe_independent(a + b, n, a + c, n)
    return {'a': a, 'b': b, 'c': c, 'd': d, 'delta': delta, 'lower': lower, 'upper': upper,
            'mcnemar_p': mcnemar_exact(b, c), 'independent_lower': ind[1], 'independent_upper': ind[2]}


def check_published():
    # Cavo et al. as in Fagerland et al.: first run right in 59 + 6, second in 59 + 16; their estimate is
    # p_first - p_second, so with the first run as 'new' and the second as 'base' our delta is theirs.
    delta, lower, upper = newcombe_paired(59, 16, 6, 80)
    assert (round(delta, 4), round(lower, 4), round(upper, 4)) == (-0.0621, -0.1186, -0.0046), (delta, lower, upper)


def cifar_tables():
    with open(os.path.join(HERE, 'cifar', 'degraded.json')) as f:
        degraded = json.load(f)
    classes = degraded['classes']
    settings = {'clean.accuracy': [(s['label'], s['base_pred'], s['new_pred']) for s in degraded['per_sample']]}
    for e in degraded['eps']:
        settings['fgsm.linf.eps=%s.robust_accuracy' % e] = [
            (s['label'], s['base_fgsm_pred'][e], s['new_fgsm_pred'][e]) for s in degraded['per_sample']]
    out = {}
    for name, rows in settings.items():
        def count(rows_):
            a = sum(1 for y, p, q in rows_ if p == y and q == y)
            b = sum(1 for y, p, q in rows_ if p == y and q != y)
            c = sum(1 for y, p, q in rows_ if p != y and q == y)
            return a, b, c, len(rows_) - a - b - c
        entry = table_entry(*count(rows))
        entry['class'] = {classes[k]: dict(zip('abcd', count([r for r in rows if r[0] == k]))) for k in range(len(classes))}
        out[name] = entry
    return out


def main():
    check_published()
    synthetic = [
        # n, a, b, c, d: a clear regression, a clear improvement, no change, one discordant pair, a tie,
        # extremes at 0 and 1, and a table where phi needs Newcombe's correction
        (40, 12, 2, 21, 5),
        (200, 120, 30, 12, 38),
        (100, 0, 10, 0, 90),
        (50, 30, 0, 0, 20),
        (30, 20, 1, 0, 9),
        (60, 25, 5, 5, 25),
        (20, 20, 0, 0, 0),
        (25, 0, 0, 3, 22),
        (161, 59, 16, 6, 80),
    ]
    tables = []
    for n, a, b, c, d in synthetic:
        assert a + b + c + d == n
        tables.append(table_entry(a, b, c, d))
    ps = [t['mcnemar_p'] for t in tables]
    expected = {
        'note': 'made by testdata/compare_expected.py with SciPy; delta = p_new - p_base; b = right only in base, c = right only in new',
        'tables': tables,
        'holm': {'p': ps, 'adjusted': holm(ps)},
        'cifar_degraded': cifar_tables(),
    }
    with open(os.path.join(HERE, 'compare_expected.json'), 'w') as f:
        json.dump(expected, f, indent=1)
        f.write('\n')
    clean = expected['cifar_degraded']['clean.accuracy']
    print('compare_expected.json: %d tables; cifar clean b=%d c=%d p=%.3g delta=%.4f [%.4f, %.4f]' % (
        len(tables), clean['b'], clean['c'], clean['mcnemar_p'], clean['delta'], clean['lower'], clean['upper']))


if __name__ == '__main__':
    main()
