#include "common/shellquote.h"

#include <QDir>
#include <QProcess>
#include <QTest>

/** Shell words: what /bin/sh reads back from each quoted word is exactly the original text. */
class TestShellQuote : public QObject
{
    Q_OBJECT

    static QString echoedBySh(const QString& word)
    {
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), QStringLiteral("printf '%s' ") + word });
        sh.waitForFinished(5000);
        return QString::fromUtf8(sh.readAllStandardOutput());
    }

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("/etc/mysql/my.cnf");
        QTest::newRow("space") << QStringLiteral("/srv/my data/my.cnf");
        QTest::newRow("quote") << QStringLiteral("it's");
        QTest::newRow("quotes") << QStringLiteral("''\"'\"");
        QTest::newRow("dollar") << QStringLiteral("$HOME `id` $(id)");
        QTest::newRow("newline") << QStringLiteral("a\nb; rm -rf /tmp/x");
        QTest::newRow("glob") << QStringLiteral("*.cnf ?");
        QTest::newRow("unicode") << QStringLiteral("配置 é");
        QTest::newRow("backslash") << QStringLiteral("a\\b\\'");
        QTest::newRow("dash") << QStringLiteral("-n");
    }
    void roundTrip()
    {
        QFETCH(QString, text);
        QCOMPARE(echoedBySh(Shell::quote(text)), text);
        QCOMPARE(echoedBySh(Shell::word(text)), text);
    }
    void wordStaysBareWhenSafe()
    {
        QCOMPARE(Shell::word(QStringLiteral("mysqld@a.service")), QStringLiteral("mysqld@a.service"));
        QCOMPARE(Shell::word(QStringLiteral("a b")), QStringLiteral("'a b'"));
        QCOMPARE(Shell::word(QString()), QStringLiteral("''"));
    }
    void expandHome_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("tilde") << QStringLiteral("~") << QDir::homePath();
        QTest::newRow("tilde-slash") << QStringLiteral("~/.ssh/id")
                                     << QDir::homePath() + QStringLiteral("/.ssh/id");
        QTest::newRow("other-user") << QStringLiteral("~bob/x") << QStringLiteral("~bob/x");
        QTest::newRow("absolute") << QStringLiteral("/a/~/b") << QStringLiteral("/a/~/b");
        QTest::newRow("relative") << QStringLiteral("a") << QStringLiteral("a");
    }
    void expandHome()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QCOMPARE(Shell::expandHome(path), expected);
    }
};

QTEST_GUILESS_MAIN(TestShellQuote)
#include "tst_shellquote.moc"
