#include "common/sqlquote.h"

namespace SqlQuote {

QString literal(const QString& value, bool noBackslashEscapes)
{
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('\'');
    for (const QChar c : value) {
        if (c == QLatin1Char('\''))
            out += QLatin1String("''");
        else if (c == QLatin1Char('\\') && !noBackslashEscapes)
            out += QLatin1String("\\\\");
        else if (c == QChar(0) && !noBackslashEscapes)
            out += QLatin1String("\\0");
        else
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString identifier(const QString& name)
{
    QString out = name;
    out.replace(QLatin1Char('`'), QLatin1String("``"));
    return QLatin1Char('`') + out + QLatin1Char('`');
}

QString account(const QString& user, const QString& host, bool noBackslashEscapes)
{
    return literal(user, noBackslashEscapes) + QLatin1Char('@') + literal(host, noBackslashEscapes);
}

} // namespace SqlQuote
