#include "operation/writeroptionfile.h"

#include <QTest>

/** read_only in the option file RepliPair writes: changed in place in its drop-in, added to our marked block
 *  of a main file, and disabled where another file sets it; every other line kept. */
class TstWriterOptionFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void edits_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<QByteArray>("main");
        QTest::addColumn<QByteArray>("dropIn"); ///< empty: none exists
        QTest::addColumn<QByteArray>("mainAfter");
        QTest::addColumn<QByteArray>("dropInAfter");

        const QByteArray main = "[mysqld]\ndatadir = /var/lib/mysql\n!includedir /etc/mysql/conf.d\n";
        const QByteArray ours = "# Written by RepliPair\n[mysqld]\nserver-id = 2\nlog-bin = mysql-bin\n";
        QTest::newRow("drop-in without it: added")
            << true << main << ours << main << QByteArray(ours + "read_only = ON\n");
        QTest::newRow("drop-in with it: changed in place of the old line")
            << false << main << QByteArray(ours + "read_only = ON\n") << main
            << QByteArray(ours + "read_only = OFF\n");
        QTest::newRow("drop-in with read-only spelt with a dash")
            << false << main << QByteArray("[mysqld]\nread-only = 1\nserver-id = 2\n") << main
            << QByteArray("[mysqld]\nserver-id = 2\nread_only = OFF\n");
        QTest::newRow("the main file sets it too: disabled there")
            << true << QByteArray("[mysqld]\nread_only = 0\n!includedir /etc/mysql/conf.d\n") << ours
            << QByteArray("[mysqld]\n# disabled by RepliPair: read_only = 0\n!includedir /etc/mysql/conf.d\n")
            << QByteArray(ours + "read_only = ON\n");
    }
    void edits()
    {
        QFETCH(bool, readOnly);
        QFETCH(QByteArray, main);
        QFETCH(QByteArray, dropIn);
        QFETCH(QByteArray, mainAfter);
        QFETCH(QByteArray, dropInAfter);
        QList<ConfigPlanner::SourceFile> files { { QStringLiteral("/etc/mysql/my.cnf"), main } };
        const QString dropInPath = QStringLiteral("/etc/mysql/conf.d/90-replipair.cnf");
        if (!dropIn.isEmpty())
            files << ConfigPlanner::SourceFile { dropInPath, dropIn };
        const ConfigPlan plan = WriterOptionFile::plan(QStringLiteral("B"), QStringLiteral("shop"), readOnly,
            false, files, { QStringLiteral("/etc/mysql/conf.d") });
        QCOMPARE(plan.target, dropInPath);
        QByteArray gotMain = main, gotDropIn = dropIn;
        for (const FileEdit& e : plan.edits)
            (e.path == dropInPath ? gotDropIn : gotMain) = e.after;
        if (mainAfter.contains("disabled"))
            QVERIFY2(!gotMain.contains("\nread_only = 0"), gotMain.constData());
        else
            QCOMPARE(gotMain, mainAfter);
        QCOMPARE(gotDropIn, dropInAfter);
        QCOMPARE(plan.settings.size(), 1);
        QCOMPARE(plan.settings.first().value, readOnly ? QStringLiteral("ON") : QStringLiteral("OFF"));
    }

    void noDropInFolder_ourBlockInTheMainFile()
    {
        const QByteArray main = "[mysqld]\ndatadir = /d\n";
        const ConfigPlan plan = WriterOptionFile::plan(QStringLiteral("A"), QStringLiteral("shop"), true,
            true, { { QStringLiteral("/etc/my.cnf"), main } }, {});
        QCOMPARE(plan.edits.size(), 1);
        const QByteArray after = plan.edits.first().after;
        QVERIFY(after.contains("datadir = /d"));
        QVERIFY(after.contains("read_only = ON"));
        QVERIFY(after.contains("super_read_only = ON"));
    }

    void nothingToChangeIsNoEdit()
    {
        const QByteArray main = "[mysqld]\n!includedir /etc/mysql/conf.d\n";
        const ConfigPlan plan
            = WriterOptionFile::plan(QStringLiteral("A"), QStringLiteral("shop"), true, false,
                { { QStringLiteral("/etc/mysql/my.cnf"), main },
                    { QStringLiteral("/etc/mysql/conf.d/90-replipair.cnf"), "[mysqld]\nread_only = ON\n" } },
                { QStringLiteral("/etc/mysql/conf.d") });
        QVERIFY(plan.edits.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TstWriterOptionFile)
#include "tst_writeroptionfile.moc"
