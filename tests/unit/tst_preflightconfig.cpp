#include "setup/preflightconfig.h"

#include <QTest>

/** The filter-style and restart-policy rules of pre-flight: each fires exactly when it should. */
class TestPreflightConfig : public QObject
{
    Q_OBJECT

    static PairProfile pair()
    {
        PairProfile p;
        p.databases = { QStringLiteral("test") };
        p.servers[0].name = QStringLiteral("A");
        p.servers[1].name = QStringLiteral("B");
        return p;
    }
    static ServerInspection server(bool logBin)
    {
        ServerInspection s;
        s.reachable = true;
        s.logBin = logBin;
        return s;
    }
    static QStringList codes(const QList<Finding>& findings)
    {
        QStringList out;
        for (const Finding& f : findings) {
            out << f.code;
            if (f.text.isEmpty() || f.fix.isEmpty())
                out << QStringLiteral("(no text or fix)");
        }
        return out;
    }

private Q_SLOTS:
    void defaultsSayNothing()
    {
        const ServerInspection in[2] = { server(false), server(true) };
        QCOMPARE(codes(PreflightConfig::check(pair(), in)), QStringList());
    }
    void doDbStyleNamesItsTraps()
    {
        PairProfile p = pair();
        p.filterStyle = FilterStyle::DoDb;
        const ServerInspection in[2] = { server(true), server(true) };
        const QList<Finding> found = PreflightConfig::check(p, in);
        QCOMPARE(codes(found),
            (QStringList {
                QStringLiteral("do-db-filter-ddl"), QStringLiteral("do-db-filter-cross-database") }));
        for (const Finding& f : found)
            QCOMPARE(f.severity, Finding::Severity::Warning);
        QVERIFY(found.first().text.contains(QStringLiteral("CREATE TABLE test.t")));
        p.databases.clear(); // no filter at all: no trap
        QCOMPARE(codes(PreflightConfig::check(p, in)), QStringList());
    }
    void neverRestartWithBinlogOffIsAnError()
    {
        PairProfile p = pair();
        p.restart = RestartPolicy::Never;
        const ServerInspection in[2] = { server(true), server(false) };
        const QList<Finding> found = PreflightConfig::check(p, in);
        QCOMPARE(codes(found), QStringList { QStringLiteral("restart-forbidden") });
        QCOMPARE(found.first().server, QStringLiteral("B"));
        QCOMPARE(found.first().severity, Finding::Severity::Error);
        p.restart = RestartPolicy::Auto;
        QCOMPARE(codes(PreflightConfig::check(p, in)), QStringList());
    }
};

QTEST_APPLESS_MAIN(TestPreflightConfig)
#include "tst_preflightconfig.moc"
