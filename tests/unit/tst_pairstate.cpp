#include "operation/pairstate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

/** The pair's state file: beside the profile, mode 0600, stable ids and UTC, an empty state removes it. */
class TstPairState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void savesBesideTheProfileWithStableIdsAndMode0600()
    {
        QTemporaryDir dir;
        PairProfile p;
        p.name = QStringLiteral("shop");
        p.filePath = dir.filePath(QStringLiteral("shop.replipair.json"));
        QFile profile(p.filePath);
        QVERIFY(profile.open(QIODevice::WriteOnly));
        profile.write("{}");
        profile.close();
        QCOMPARE(PairState::pathFor(p), p.filePath + QStringLiteral(".state.json"));
        QVERIFY(PairState::load(p)->isEmpty()); // no file: nothing fenced

        PairState s;
        s.fence(0, QStringLiteral("forced failover"));
        QVERIFY(s.save(p));
        const QFileDevice::Permissions mode = QFile::permissions(PairState::pathFor(p));
        QVERIFY(mode.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(mode & 0x0077, QFileDevice::Permissions()); // nothing for the group or the others
        QFile f(PairState::pathFor(p));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("fenced")).toArray().first().toString(), QStringLiteral("A"));
        QVERIFY(json.value(QStringLiteral("since")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(json.value(QStringLiteral("reason")).toString(), QStringLiteral("forced failover"));

        const PairState back = *PairState::load(p);
        QVERIFY(back.isFenced(0));
        QVERIFY(!back.isFenced(1));
        QCOMPARE(back.since.timeSpec(), Qt::UTC);

        PairState lifted = back;
        lifted.unfence(0);
        QVERIFY(lifted.save(p));
        QVERIFY(!QFile::exists(PairState::pathFor(p)));
    }

    void aSkipLeavesTheDataUnverifiedUntilAWholeComparisonSaysEqual()
    {
        QTemporaryDir dir;
        PairProfile p;
        p.name = QStringLiteral("shop");
        p.filePath = dir.filePath(QStringLiteral("shop.replipair.json"));
        QFile(p.filePath).open(QIODevice::WriteOnly);
        QVERIFY(PairState::update(p, [](PairState& s) {
            s.markUnverified(QStringLiteral("skip"), QStringLiteral("an event was skipped on B"));
        }));
        PairState s = *PairState::load(p);
        QCOMPARE(s.agreement, PairState::Agreement::Unverified);
        QVERIFY(s.dataInDoubt());
        QCOMPARE(s.agreementCause, QStringLiteral("skip"));
        QCOMPARE(s.agreementSince.timeSpec(), Qt::UTC);
        QFile f(PairState::pathFor(p));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject data
            = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("agreement")).toString(), QStringLiteral("unverified"));
        QVERIFY(data.value(QStringLiteral("since")).toString().endsWith(QLatin1Char('Z')));
        // the line for people names the time in UTC, with its Z, as the other status lines do
        const QString since = s.agreementSince.toString(Qt::ISODate);
        QVERIFY(since.endsWith(QLatin1Char('Z')));
        QVERIFY2(s.agreementLine().contains(QStringLiteral("since %1:").arg(since)),
            qPrintable(s.agreementLine()));

        // a comparison that finds differences: differs; a later skip does not make that "unverified"
        QVERIFY(PairState::update(
            p, [](PairState& st) { st.markCompared(2, QStringLiteral("2 ranges differ")); }));
        QVERIFY(PairState::update(
            p, [](PairState& st) { st.markUnverified(QStringLiteral("skip"), QStringLiteral("x")); }));
        QCOMPARE(PairState::load(p)->agreement, PairState::Agreement::Differs);
        // the line still says what differs and since when, and then the event
        const QDateTime differsSince = PairState::load(p)->agreementSince;
        QVERIFY(PairState::update(p, [](PairState& st) {
            st.markUnverified(QStringLiteral("failover"), QStringLiteral("forced failover to B"));
        }));
        s = *PairState::load(p);
        QVERIFY2(s.agreementText.contains(QStringLiteral("2 ranges differ"))
                && s.agreementText.contains(QStringLiteral("forced failover to B")),
            qPrintable(s.agreementText));
        QCOMPARE(s.agreementSince, differsSince);
        // equal: the doubt is gone, the last comparison is kept
        QVERIFY(PairState::update(p, [](PairState& st) { st.markCompared(0, QStringLiteral("all equal")); }));
        s = *PairState::load(p);
        QCOMPARE(s.agreement, PairState::Agreement::Equal);
        QVERIFY(!s.dataInDoubt());
        QCOMPARE(s.lastComparison, QStringLiteral("all equal"));
        QVERIFY(s.lastCompared.isValid());
    }

    /** A table found equal again (after a repair) clears the difference only as far as it is known: the
     *  pair is equal when that table was the only one a whole comparison found differing, still differs
     *  while another is listed, and is unverified when an event since the comparison put the rest in doubt.
     */
    void aTableFoundEqualAgainClearsOnlyWhatIsKnown()
    {
        QTemporaryDir dir;
        PairProfile p;
        p.name = QStringLiteral("shop");
        p.filePath = dir.filePath(QStringLiteral("shop.replipair.json"));
        QFile(p.filePath).open(QIODevice::WriteOnly);
        const QStringList two { QStringLiteral("test.t"), QStringLiteral("test.u") };
        // a whole comparison found two tables differing; the repair of one leaves the other
        QVERIFY(PairState::update(
            p, [&](PairState& s) { s.markCompared(3, QStringLiteral("3 range(s) differ"), two, true); }));
        QCOMPARE(PairState::load(p)->differingTables, two); // through the file
        QVERIFY(PairState::update(p, [](PairState& s) {
            QVERIFY(s.markTableEqual(QStringLiteral("test.t"), QStringLiteral("repair")));
        }));
        PairState s = *PairState::load(p);
        QCOMPARE(s.agreement, PairState::Agreement::Differs);
        QVERIFY2(s.agreementLine().contains(QStringLiteral("still differing: test.u")),
            qPrintable(s.agreementLine()));
        // a comparison of test.u alone that finds it differing too keeps the list (and what is known)
        s.markCompared(1, QStringLiteral("1 range(s) differ"), { QStringLiteral("test.u") }, false);
        QVERIFY(s.differencesComplete);
        // the last one equal: the whole data are known equal
        QVERIFY(s.markTableEqual(QStringLiteral("test.u"), QStringLiteral("repair")));
        QCOMPARE(s.agreement, PairState::Agreement::Equal);
        QCOMPARE(s.agreementCause, QStringLiteral("repair"));
        // a table never found differing says nothing
        QVERIFY(!s.markTableEqual(QStringLiteral("test.v"), QStringLiteral("repair")));

        // an event after the comparison: the repair of the only differing table leaves the data unverified
        PairState e;
        e.markCompared(1, QStringLiteral("1 range(s) differ"), { QStringLiteral("test.t") }, true);
        e.markUnverified(QStringLiteral("failover"), QStringLiteral("forced failover to B"));
        QVERIFY(e.markTableEqual(QStringLiteral("test.t"), QStringLiteral("repair")));
        QCOMPARE(e.agreement, PairState::Agreement::Unverified);
        // a comparison of one table of a pair never compared whole: repaired, the rest is still unknown
        PairState partial;
        partial.markCompared(1, QStringLiteral("1 range(s) differ"), { QStringLiteral("test.t") }, false);
        QVERIFY(partial.markTableEqual(QStringLiteral("test.t"), QStringLiteral("repair")));
        QCOMPARE(partial.agreement, PairState::Agreement::Unverified);
        // unverified data are not made equal by one table found equal
        QVERIFY(!partial.markTableEqual(QStringLiteral("test.t"), QStringLiteral("compare")));
        QCOMPARE(partial.agreement, PairState::Agreement::Unverified);
    }

    void aDamagedFileIsAnError()
    {
        QTemporaryDir dir;
        PairProfile p;
        p.filePath = dir.filePath(QStringLiteral("x.replipair.json"));
        QFile(p.filePath).open(QIODevice::WriteOnly);
        QFile f(PairState::pathFor(p));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not json");
        f.close();
        QVERIFY(!PairState::load(p));
    }
};

QTEST_APPLESS_MAIN(TstPairState)
#include "tst_pairstate.moc"
