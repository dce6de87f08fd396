#include "host/tlspeercheck.h"

#include "common/shellquote.h"
#include "common/stepid.h"
#include "host/hostshell.h"

#include <QHostAddress>
#include <QRegularExpression>

std::optional<qint64> TlsPeerFacts::daysLeft(const QDateTime& now) const
{
    if (!notAfter.isValid())
        return std::nullopt;
    const qint64 secs = now.secsTo(notAfter);
    return secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
}

QDateTime TlsPeerCheck::parseDate(const QString& text)
{
    // "Dec  4 23:52:52 2027 GMT": month name in English whatever the locale
    static const QRegularExpression re(
        QStringLiteral("^([A-Z][a-z]{2})\\s+(\\d{1,2})\\s+(\\d{2}):(\\d{2}):(\\d{2})\\s+(\\d{4})"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    static const QStringList months { QStringLiteral("Jan"), QStringLiteral("Feb"), QStringLiteral("Mar"),
        QStringLiteral("Apr"), QStringLiteral("May"), QStringLiteral("Jun"), QStringLiteral("Jul"),
        QStringLiteral("Aug"), QStringLiteral("Sep"), QStringLiteral("Oct"), QStringLiteral("Nov"),
        QStringLiteral("Dec") };
    const int month = int(months.indexOf(m.captured(1))) + 1;
    if (month == 0)
        return {};
    return QDateTime(QDate(m.captured(6).toInt(), month, m.captured(2).toInt()),
        QTime(m.captured(3).toInt(), m.captured(4).toInt(), m.captured(5).toInt()), Qt::UTC);
}

TlsPeerFacts TlsPeerCheck::parse(const QByteArray& out)
{
    TlsPeerFacts f;
    const QString text = QString::fromLocal8Bit(out);
    if (text.contains(QLatin1String("==no-openssl")))
        return f;
    f.ran = true;
    static const QRegularExpression rc(QStringLiteral("==rc (\\d+)"));
    const auto rcMatch = rc.match(text);
    const bool succeeded = rcMatch.hasMatch() && rcMatch.captured(1) == QLatin1String("0");
    f.offersTls = !text.contains(QLatin1String("does not support SSL"));
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("subject=")))
            f.subject = line.mid(8).trimmed();
        else if (line.startsWith(QLatin1String("issuer=")))
            f.issuer = line.mid(7).trimmed();
        else if (line.startsWith(QLatin1String("notAfter=")))
            f.notAfter = parseDate(line.mid(9));
        else if (f.problem.isEmpty() && line.startsWith(QLatin1String("Verification error: ")))
            f.problem = line.mid(20).trimmed();
    }
    if (!f.offersTls)
        f.problem = tr("the server does not offer TLS (have_ssl is not YES)");
    static const QRegularExpression verifyError(QStringLiteral("verify error:num=\\d+:([^\\n]+)"));
    if (f.problem.isEmpty())
        if (const auto m = verifyError.match(text); m.hasMatch())
            f.problem = m.captured(1).trimmed();
    f.verified = succeeded && f.offersTls && f.problem.isEmpty();
    if (!f.verified && f.problem.isEmpty()) {
        // the last error line openssl printed, e.g. "connect:errno=111"
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (auto it = lines.crbegin(); it != lines.crend(); ++it)
            if (it->contains(QLatin1String("error"), Qt::CaseInsensitive)
                || it->contains(QLatin1String("errno"))) {
                f.problem = it->trimmed();
                break;
            }
        if (f.problem.isEmpty())
            f.problem = tr("the TLS handshake failed");
    }
    return f;
}

Result<TlsPeerFacts> TlsPeerCheck::run(
    HostShell& shell, const QString& host, int port, const QString& caFile, bool checkName, int timeoutSec)
{
    auto r = shell.run(command(host, port, caFile, checkName, timeoutSec), (timeoutSec + 10) * 1000);
    if (!r)
        return std::unexpected(r.error());
    return parse(r->out + r->err);
}

QString TlsPeerCheck::command(
    const QString& host, int port, const QString& caFile, bool checkName, int timeoutSec)
{
    QStringList args { QStringLiteral("-starttls"), QStringLiteral("mysql"), QStringLiteral("-connect"),
        Shell::quote((host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host)
            + QLatin1Char(':') + QString::number(port)) };
    if (!caFile.isEmpty())
        args << QStringLiteral("-CAfile") << Shell::quote(caFile) << QStringLiteral("-verify_return_error");
    if (checkName)
        args << (QHostAddress(host).isNull() ? QStringLiteral("-verify_hostname")
                                             : QStringLiteral("-verify_ip"))
             << Shell::quote(host);
    // one round trip: the handshake's words and exit code, then the certificate it printed, decoded
    return QStringLiteral("command -v openssl >/dev/null 2>&1 || { echo ==no-openssl; exit 0; }; "
                          "out=$(timeout %1 openssl s_client %2 </dev/null 2>&1); rc=$?; "
                          "printf '%s\\n' \"$out\"; echo \"==rc $rc\"; "
                          "printf '%s\\n' \"$out\" | openssl x509 -noout -subject -issuer -enddate "
                          "-nameopt RFC2253 2>/dev/null; exit 0")
        .arg(timeoutSec)
        .arg(args.join(QLatin1Char(' ')));
}
