#include "common/sqlquote.h"

#include <QTest>

/** Quoting of literals and identifiers: one row per hard case. */
class TestSqlQuote : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void literal_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("noBackslashEscapes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("abc") << false << QStringLiteral("'abc'");
        QTest::newRow("quote") << QStringLiteral("o'brien") << false << QStringLiteral("'o''brien'");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << false << QStringLiteral("'a\\\\b'");
        QTest::newRow("backslash-nbe") << QStringLiteral("a\\b") << true << QStringLiteral("'a\\b'");
        QTest::newRow("backslash-quote") << QStringLiteral("\\'") << false << QStringLiteral("'\\\\'''");
        QTest::newRow("percent") << QStringLiteral("10.0.0.%") << false << QStringLiteral("'10.0.0.%'");
        QTest::newRow("unicode") << QStringLiteral("密码é") << false << QStringLiteral("'密码é'");
        QTest::newRow("nul") << QString(QChar(0)) << false << QStringLiteral("'\\0'");
        QTest::newRow("empty") << QString() << false << QStringLiteral("''");
    }
    void literal()
    {
        QFETCH(QString, value);
        QFETCH(bool, noBackslashEscapes);
        QFETCH(QString, expected);
        QCOMPARE(SqlQuote::literal(value, noBackslashEscapes), expected);
    }
    void identifier_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("test") << QStringLiteral("`test`");
        QTest::newRow("backtick") << QStringLiteral("a`b") << QStringLiteral("`a``b`");
        QTest::newRow("quotes") << QStringLiteral("it's \"x\"") << QStringLiteral("`it's \"x\"`");
        QTest::newRow("unicode") << QStringLiteral("订单") << QStringLiteral("`订单`");
    }
    void identifier()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(SqlQuote::identifier(name), expected);
    }
    void account()
    {
        QCOMPARE(SqlQuote::account(QStringLiteral("repl"), QStringLiteral("10.0.0.%")),
            QStringLiteral("'repl'@'10.0.0.%'"));
    }
};

QTEST_APPLESS_MAIN(TestSqlQuote)
#include "tst_sqlquote.moc"
