#include "monitor/replicationeventdetector.h"

#include <QTest>

using Kind = ReplicationEvent::Kind;

namespace {
/** A compact way to write a sample in a data table. */
struct S
{
    bool reachable = true;
    bool io = true;
    bool sql = true;
    int ioErrno = 0;
    int sqlErrno = 0;
    double lag = 0;
    bool configured = true;
};

StatusSample make(const S& s, int second)
{
    StatusSample x;
    x.time = QDateTime::fromSecsSinceEpoch(1'700'000'000 + second, Qt::UTC);
    x.serverIndex = 1;
    x.server = "B";
    x.reachable = s.reachable;
    if (!s.reachable) {
        x.unreachableReason = "cannot reach 127.0.0.1:3307: Can't connect to server (error 2002)";
        return x;
    }
    x.replica.configured = s.configured;
    x.replica.ioRunning = s.io;
    x.replica.ioState = s.io ? "Yes" : (s.ioErrno ? "Connecting" : "No");
    x.replica.sqlRunning = s.sql;
    x.replica.lastIoErrno = s.ioErrno;
    x.replica.lastIoError
        = s.ioErrno ? "error reconnecting to master 'repl@127.0.0.1:3306' - retry-time: 1" : "";
    x.replica.lastSqlErrno = s.sqlErrno;
    x.replica.lastSqlError = s.sqlErrno
        ? "Could not execute Write_rows_v1 event on table test.t; Duplicate entry '1' for key 'PRIMARY'"
        : "";
    x.replica.secondsBehind = qint64(s.lag);
    x.heartbeatLag = s.lag;
    return x;
}
} // namespace

Q_DECLARE_METATYPE(QList<S>)

class tst_ReplicationEventDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void events_data()
    {
        QTest::addColumn<QList<S>>("samples");
        QTest::addColumn<QStringList>("expected"); // "second:kind"
        const S ok;
        S sqlStopped;
        sqlStopped.sql = false;
        S ioStopped;
        ioStopped.io = false;
        S dup;
        dup.sql = false;
        dup.sqlErrno = 1062;
        S ioErr;
        ioErr.io = false;
        ioErr.ioErrno = 2003;
        S ioErrStale;
        ioErrStale.ioErrno = 2003; // the thread runs again; the number is left behind
        S down;
        down.reachable = false;
        S lagging;
        lagging.lag = 30;
        S slightlyBehind;
        slightlyBehind.lag = 9.5;
        S none;
        none.configured = false;
        none.io = none.sql = false;

        QTest::newRow("healthy stays quiet") << QList<S> { ok, ok, ok } << QStringList {};
        QTest::newRow("sql thread stopped and restarted") << QList<S> { ok, sqlStopped, sqlStopped,
            ok } << QStringList { "1:sqlThreadStopped", "3:recovered" };
        QTest::newRow("io thread stopped")
            << QList<S> { ok, ioStopped, ok } << QStringList { "1:ioThreadStopped", "2:recovered" };
        QTest::newRow("duplicate key halts sql")
            << QList<S> { ok, dup, dup, ok } << QStringList { "1:sqlError", "3:recovered" };
        QTest::newRow("stopped, then an error")
            << QList<S> { ok, sqlStopped, dup } << QStringList { "1:sqlThreadStopped", "2:sqlError" };
        QTest::newRow("peer killed: io error, stale errno after") << QList<S> { ok, ioErr, ioErr, ioErrStale,
            ioErrStale } << QStringList { "1:ioError", "3:recovered" };
        QTest::newRow("same io error twice") << QList<S> { ok, ioErr, ioErrStale, ioErr }
                                             << QStringList { "1:ioError", "2:recovered", "3:ioError" };
        QTest::newRow("server unreachable and back")
            << QList<S> { ok, down, down, ok } << QStringList { "1:serverUnreachable", "3:recovered" };
        QTest::newRow("back, still broken") << QList<S> { ok, down,
            dup } << QStringList { "1:serverUnreachable", "2:serverReachable", "2:sqlError" };
        QTest::newRow("unreachable from the start")
            << QList<S> { down, ok } << QStringList { "0:serverUnreachable", "1:recovered" };
        QTest::newRow("broken from the start") << QList<S> { dup, dup } << QStringList { "0:sqlError" };
        QTest::newRow("lag above threshold") << QList<S> { ok, slightlyBehind, lagging, lagging,
            slightlyBehind } << QStringList { "2:lagHigh", "4:recovered" };
        QTest::newRow("replication removed")
            << QList<S> { ok, none, none } << QStringList { "1:replicaRemoved" };
        QTest::newRow("never configured is quiet") << QList<S> { none, none } << QStringList {};
    }

    void events()
    {
        QFETCH(QList<S>, samples);
        QFETCH(QStringList, expected);
        ReplicationEventDetector d;
        d.setLagThreshold(10);
        QStringList got;
        for (int i = 0; i < samples.size(); ++i)
            for (const ReplicationEvent& e : d.process(make(samples[i], i)))
                got << QString("%1:%2").arg(i).arg(ReplicationEvent::kindName(e.kind));
        QCOMPARE(got, expected);
    }

    /** Single-writer pair (writer A): both servers writable, or neither, is an event once, and one writer
     *  again says so; a server away leaves the verdict as it was; two-writer mode never tells. */
    void writerRole_data()
    {
        QTest::addColumn<int>("writer");
        QTest::addColumn<QString>("rounds"); // per round "AB": w writable, r read-only, - unreachable
        QTest::addColumn<QStringList>("expected"); // "round:kind:server"
        QTest::newRow("as configured stays quiet") << 0 << "wr wr wr" << QStringList {};
        QTest::newRow("reader made writable")
            << 0 << "wr ww ww wr" << QStringList { "1:twoWriters:B", "3:oneWriter:A" };
        QTest::newRow("writer made read-only")
            << 0 << "wr rr wr" << QStringList { "1:noWriter:A", "2:oneWriter:A" };
        QTest::newRow("two writers from the first look") << 1 << "ww ww" << QStringList { "0:twoWriters:A" };
        QTest::newRow("writer B, as configured") << 1 << "rw rw" << QStringList {};
        QTest::newRow("away says nothing")
            << 0 << "wr w- ww -w ww wr" << QStringList { "2:twoWriters:B", "5:oneWriter:A" };
        QTest::newRow("two writers wanted") << -1 << "ww rr ww" << QStringList {};
        QTest::newRow("both to none")
            << 0 << "ww rr" << QStringList { "0:twoWriters:B", "1:oneWriter:B", "1:noWriter:A" };
    }
    void writerRole()
    {
        QFETCH(int, writer);
        QFETCH(QString, rounds);
        QFETCH(QStringList, expected);
        ReplicationEventDetector d;
        d.setWriterIndex(writer);
        QStringList got;
        int round = 0;
        for (const QString& r : rounds.split(' ')) {
            for (int i = 0; i < 2; ++i) {
                StatusSample x = make(S(), round);
                x.serverIndex = i;
                x.server = i == 0 ? "A" : "B";
                x.reachable = r[i] != '-';
                x.readOnly = r[i] == 'r';
                for (const ReplicationEvent& e : d.process(x))
                    if (e.kind == Kind::TwoWriters || e.kind == Kind::NoWriter || e.kind == Kind::OneWriter)
                        got << QString("%1:%2:%3")
                                   .arg(round)
                                   .arg(ReplicationEvent::kindName(e.kind), e.server);
            }
            ++round;
        }
        QCOMPARE(got, expected);
    }
    void twoWritersIsAWarningWithTheFix()
    {
        ReplicationEventDetector d;
        d.setWriterIndex(0);
        StatusSample a = make(S(), 0), b = make(S(), 0);
        a.serverIndex = 0;
        a.server = "A";
        QVERIFY(d.process(a).isEmpty());
        const QList<ReplicationEvent> e = d.process(b);
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].severity(), ReplicationEvent::Severity::Warning);
        QCOMPARE(e[0].toJson().value("kind").toString(), QString("twoWriters"));
        QVERIFY2(e[0].text.contains("SET GLOBAL read_only = ON on B"), qPrintable(e[0].text));
    }

    void eventsCarryServerText()
    {
        ReplicationEventDetector d;
        S dup;
        dup.sql = false;
        dup.sqlErrno = 1062;
        d.process(make(S(), 0));
        const QList<ReplicationEvent> e = d.process(make(dup, 1));
        QCOMPARE(e.size(), 1);
        QCOMPARE(e[0].server, QString("B"));
        QCOMPARE(e[0].code, 1062);
        QCOMPARE(e[0].time, QDateTime::fromSecsSinceEpoch(1'700'000'001, Qt::UTC));
        QVERIFY2(e[0].text.contains("Duplicate entry '1' for key 'PRIMARY'"), qPrintable(e[0].text));
        QCOMPARE(e[0].severity(), ReplicationEvent::Severity::Error);
        QCOMPARE(e[0].toJson().value("kind").toString(), QString("sqlError"));

        S down;
        down.reachable = false;
        const QList<ReplicationEvent> u = d.process(make(down, 2));
        QCOMPARE(u.size(), 1);
        QVERIFY2(u[0].text.contains("error 2002"), qPrintable(u[0].text));
    }

    void serversAreIndependent()
    {
        ReplicationEventDetector d;
        S stopped;
        stopped.sql = false;
        StatusSample a = make(S(), 0);
        a.serverIndex = 0;
        a.server = "A";
        QVERIFY(d.process(a).isEmpty());
        QCOMPARE(d.process(make(stopped, 0)).size(), 1);
        a.time = a.time.addSecs(1);
        QVERIFY(d.process(a).isEmpty()); // A is healthy; nothing to recover from
    }
};

QTEST_APPLESS_MAIN(tst_ReplicationEventDetector)
#include "tst_replicationeventdetector.moc"
