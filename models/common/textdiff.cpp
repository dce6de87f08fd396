#include "common/textdiff.h"

#include <QList>
#include <QStringList>
#include <QVector>

namespace TextDiff {

namespace {
struct Op
{
    char kind; // ' ', '-', '+'
    QString text;
    int oldLine;
    int newLine;
};

QStringList splitLines(const QString& text)
{
    if (text.isEmpty())
        return {};
    QStringList l = text.split(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n')))
        l.removeLast();
    return l;
}
} // namespace

QString unified(const QString& oldText, const QString& newText, const QString& oldName,
    const QString& newName, int context)
{
    if (oldText == newText)
        return {};
    const QStringList a = splitLines(oldText);
    const QStringList b = splitLines(newText);
    const int n = int(a.size()), m = int(b.size());
    // longest common subsequence table; option files are small
    QVector<QVector<int>> lcs(n + 1, QVector<int>(m + 1, 0));
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : qMax(lcs[i + 1][j], lcs[i][j + 1]);
    QList<Op> ops;
    int i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            ops << Op { ' ', a[i], i, j };
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            ops << Op { '-', a[i], i, j };
            ++i;
        } else {
            ops << Op { '+', b[j], i, j };
            ++j;
        }
    }
    QString out = QStringLiteral("--- %1\n+++ %2\n").arg(oldName, newName);
    int k = 0;
    const int total = int(ops.size());
    while (k < total) {
        if (ops[k].kind == ' ') {
            ++k;
            continue;
        }
        // a hunk: from `context` lines before this change to `context` after the last change near it
        int start = qMax(0, k - context);
        int end = k;
        int lastChange = k;
        while (end < total) {
            if (ops[end].kind != ' ')
                lastChange = end;
            else if (end - lastChange > 2 * context)
                break;
            ++end;
        }
        end = qMin(total, lastChange + context + 1);
        int oldCount = 0, newCount = 0;
        for (int x = start; x < end; ++x) {
            if (ops[x].kind != '+')
                ++oldCount;
            if (ops[x].kind != '-')
                ++newCount;
        }
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n")
                   .arg(oldCount ? ops[start].oldLine + 1 : ops[start].oldLine)
                   .arg(oldCount)
                   .arg(newCount ? ops[start].newLine + 1 : ops[start].newLine)
                   .arg(newCount);
        for (int x = start; x < end; ++x)
            out += QLatin1Char(ops[x].kind) + ops[x].text + QLatin1Char('\n');
        k = end;
    }
    return out;
}

} // namespace TextDiff
