#include "operation/writercontrol.h"

#include <QTest>

/** Which of a server's own transactions its peer lacks, from the GTID states both report. */
class TstWriterControl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ownTransactionsMissing_data()
    {
        QTest::addColumn<QString>("own");
        QTest::addColumn<QString>("self");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QStringList>("missing");
        QTest::newRow("peer has them") << "1-11-40,2-12-7"
                                       << "12"
                                       << "2"
                                       << "1-11-40,2-12-7" << QStringList();
        QTest::newRow("peer is ahead") << "2-12-7"
                                       << "12"
                                       << "2"
                                       << "2-12-9" << QStringList();
        QTest::newRow("peer lacks the last") << "1-11-40,2-12-8"
                                             << "12"
                                             << "2"
                                             << "1-11-40,2-12-7" << QStringList { "2-12-8" };
        QTest::newRow("peer never had any") << "2-12-3"
                                            << "12"
                                            << "2"
                                            << "1-11-40" << QStringList { "2-12-3" };
        QTest::newRow("the peer's own are not ours") << "1-11-41,2-12-7"
                                                     << "12"
                                                     << "2"
                                                     << "2-12-7" << QStringList();
        QTest::newRow("another domain is not the pair's") << "0-12-5,2-12-7"
                                                          << "12"
                                                          << "2"
                                                          << "2-12-7" << QStringList();
        QTest::newRow("MySQL: the set left after GTID_SUBTRACT, ours only")
            << "3e11fa47-71ca-11e1-9e33-c80aa9429562:5-6,aaaaaaaa-71ca-11e1-9e33-c80aa9429562:1"
            << "3e11fa47-71ca-11e1-9e33-c80aa9429562"
            << ""
            << "" << QStringList { "3e11fa47-71ca-11e1-9e33-c80aa9429562:5-6" };
    }
    void ownTransactionsMissing()
    {
        QFETCH(QString, own);
        QFETCH(QString, self);
        QFETCH(QString, domain);
        QFETCH(QString, peer);
        QFETCH(QStringList, missing);
        QCOMPARE(WriterControl::ownTransactionsMissing(own, self, domain, peer), missing);
    }
};

QTEST_APPLESS_MAIN(TstWriterControl)
#include "tst_writercontrol.moc"
