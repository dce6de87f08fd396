#include "config/mycnf.h"

#include <QRegularExpression>

const QString MyCnf::kBlockBegin
    = QStringLiteral("# BEGIN replipair (managed by RepliPair; edits inside are replaced)");
const QString MyCnf::kBlockEnd = QStringLiteral("# END replipair");
const QString MyCnf::kDisabledPrefix = QStringLiteral("# disabled by replipair: ");

namespace {
/** The value without quotes and without an inline "# comment". */
QString cleanValue(QString v)
{
    v = v.trimmed();
    if (v.size() >= 2 && (v.front() == QLatin1Char('"') || v.front() == QLatin1Char('\''))) {
        const QChar q = v.front();
        const int end = v.indexOf(q, 1);
        if (end > 0)
            return v.mid(1, end - 1);
    }
    static const QRegularExpression comment(QStringLiteral("\\s+#.*$"));
    v.remove(comment);
    return v.trimmed();
}
} // namespace

QString MyCnf::normaliseKey(const QString& name)
{
    QString k = name.trimmed().toLower();
    k.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (k.startsWith(QLatin1String("loose_")))
        k = k.mid(6);
    return k;
}

bool MyCnf::isServerSection(const QString& section)
{
    static const QRegularExpression re(
        QStringLiteral("^(mysqld|server|mariadb|mariadbd|mysqld-[0-9.]+|mariadb-[0-9.]+|mariadbd-[0-9.]+)$"));
    return re.match(section).hasMatch();
}

MyCnf MyCnf::parse(const QByteArray& content)
{
    MyCnf cnf;
    QByteArray bytes = content;
    cnf.m_trailingNewline = bytes.isEmpty() || bytes.endsWith('\n');
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    if (content.isEmpty())
        return cnf;
    QString section;
    for (const QByteArray& rawLine : bytes.split('\n')) {
        QString raw = QString::fromUtf8(rawLine);
        if (raw.endsWith(QLatin1Char('\r')))
            raw.chop(1);
        Line line;
        line.raw = rawLine;
        line.text = raw;
        const QString t = raw.trimmed();
        if (t.startsWith(QLatin1Char('['))) {
            const int end = t.indexOf(QLatin1Char(']'));
            section = t.mid(1, end > 0 ? end - 1 : -1).trimmed().toLower();
            line.section = section;
        } else if (t.startsWith(QLatin1String("!includedir"))) {
            line.section = section;
            line.includeDir = t.mid(11).trimmed();
        } else if (t.startsWith(QLatin1String("!include"))) {
            line.section = section;
            line.include = t.mid(8).trimmed();
        } else if (!t.isEmpty() && !t.startsWith(QLatin1Char('#')) && !t.startsWith(QLatin1Char(';'))) {
            line.section = section;
            const int eq = t.indexOf(QLatin1Char('='));
            if (eq >= 0) {
                line.key = normaliseKey(t.left(eq));
                line.value = cleanValue(t.mid(eq + 1));
                line.hasValue = true;
            } else {
                static const QRegularExpression comment(QStringLiteral("\\s+#.*$"));
                line.key = normaliseKey(QString(t).remove(comment));
            }
        } else {
            line.section = section;
        }
        cnf.m_lines.append(line);
    }
    return cnf;
}

QByteArray MyCnf::render() const
{
    QByteArrayList out;
    out.reserve(m_lines.size());
    for (const Line& l : m_lines)
        out << (l.edited ? l.text.toUtf8() + (l.raw.endsWith('\r') ? QByteArray("\r") : QByteArray())
                         : l.raw);
    QByteArray text = out.join('\n');
    if (m_trailingNewline && !m_lines.isEmpty())
        text += '\n';
    return text;
}

QStringList MyCnf::includeDirs() const
{
    QStringList dirs;
    for (const Line& l : m_lines)
        if (!l.includeDir.isEmpty())
            dirs << l.includeDir;
    return dirs;
}

QStringList MyCnf::includes() const
{
    QStringList files;
    for (const Line& l : m_lines)
        if (!l.include.isEmpty())
            files << l.include;
    return files;
}

bool MyCnf::isInMarkedBlock(int index) const
{
    bool inside = false;
    for (int i = 0; i <= index && i < m_lines.size(); ++i) {
        if (m_lines[i].text == kBlockBegin)
            inside = true;
        else if (m_lines[i].text == kBlockEnd) {
            if (i == index)
                return true;
            inside = false;
        }
    }
    return inside;
}

QList<int> MyCnf::findOption(const QString& key) const
{
    const QString k = normaliseKey(key);
    QList<int> found;
    for (int i = 0; i < m_lines.size(); ++i) {
        const Line& l = m_lines[i];
        if (l.key.isEmpty() || !isServerSection(l.section) || isInMarkedBlock(i))
            continue;
        if (l.key == k || l.key == QStringLiteral("skip_") + k || l.key == QStringLiteral("disable_") + k
            || l.key == QStringLiteral("enable_") + k)
            found << i;
    }
    return found;
}

QString MyCnf::lastValue(const QString& key, bool* found) const
{
    const QString k = normaliseKey(key);
    QString value;
    bool any = false;
    for (const Line& l : m_lines) {
        if (l.key.isEmpty() || !isServerSection(l.section))
            continue;
        if (l.key == k) {
            value = l.hasValue ? l.value : QStringLiteral("ON");
            any = true;
        } else if (l.key == QStringLiteral("skip_") + k || l.key == QStringLiteral("disable_") + k) {
            value = QStringLiteral("OFF");
            any = true;
        }
    }
    if (found)
        *found = any;
    return value;
}

void MyCnf::disableLine(int index)
{
    Line& l = m_lines[index];
    l.text = kDisabledPrefix + l.text.trimmed();
    l.edited = true;
    l.key.clear();
    l.value.clear();
    l.hasValue = false;
}

bool MyCnf::hasMarkedBlock() const
{
    for (const Line& l : m_lines)
        if (l.text == kBlockBegin)
            return true;
    return false;
}

void MyCnf::setMarkedBlock(const QStringList& body)
{
    QList<Line> block;
    auto add = [&](const QString& text) {
        Line l;
        l.text = text;
        block << l;
    };
    add(kBlockBegin);
    add(QStringLiteral("[mysqld]"));
    for (const QString& b : body)
        add(b);
    add(kBlockEnd);
    // re-parse the block so keys and sections are known
    QStringList texts;
    for (const Line& l : block)
        texts << l.text;
    const MyCnf parsed = parse(texts.join(QLatin1Char('\n')).toUtf8());
    int begin = -1, end = -1;
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].text == kBlockBegin && begin < 0)
            begin = i;
        else if (m_lines[i].text == kBlockEnd && begin >= 0) {
            end = i;
            break;
        }
    }
    if (begin >= 0 && end >= begin) {
        m_lines.remove(begin, end - begin + 1);
        for (int i = 0; i < parsed.m_lines.size(); ++i)
            m_lines.insert(begin + i, parsed.m_lines[i]);
    } else {
        if (!m_lines.isEmpty() && !m_lines.last().text.trimmed().isEmpty()) {
            Line blank;
            blank.section = m_lines.last().section;
            m_lines << blank;
        }
        m_lines << parsed.m_lines;
        m_trailingNewline = true;
    }
}
