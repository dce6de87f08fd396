#include "sandbox/sandboxcertificates.h"
#include "support/testsupport.h"
#include "wizard/setupwizard.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

/** The wizard's TLS section as a user drives it: the sandbox's mode and CA shown, "Test TLS" connecting
 *  to both real servers and showing each certificate, a wrong CA failing, a verify mode without a CA. */
class TestTlsWizard : public QObject
{
    Q_OBJECT

    static void choose(QComboBox* combo, int data)
    {
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Home);
        while (combo->currentData().toInt() != data && combo->currentIndex() < combo->count() - 1)
            QTest::keyClick(combo, Qt::Key_Down);
    }
    static void retype(QLineEdit* edit, const QString& text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void testButtonShowsTheCertificates()
    {
        if (Sandbox::serverBinary().isEmpty() || SandboxCertificates::opensslBinary().isEmpty())
            QSKIP("needs mariadbd and openssl");
        SandboxPair fixture;
        QVERIFY2(fixture.up(), qPrintable(fixture.error()));
        SetupWizard w(fixture.sandbox().pairProfile());
        w.setStartId(SetupWizard::OptionsPageId);
        w.show();
        auto* mode = w.findChild<QComboBox*>("tlsMode");
        auto* ca = w.findChild<QLineEdit*>("tlsCa");
        auto* test = w.findChild<QPushButton*>("tlsTest");
        auto* result = w.findChild<QLabel*>("tlsTestResult");
        auto* next = w.findChild<QPushButton*>("wizardNextButton");
        QVERIFY(mode && ca && test && result && next);
        QCOMPARE(mode->currentData().toInt(), int(TlsMode::VerifyCa));
        QCOMPARE(ca->text(), fixture.sandbox().caFile());

        QTest::mouseClick(test, Qt::LeftButton);
        QVERIFY(!test->isEnabled()); // the GUI thread does not wait: the test runs on the workers
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 60000);
        qInfo("%s", qPrintable(result->text()));
        QVERIFY2(result->text().contains("A: encrypted") && result->text().contains("B: encrypted"),
            qPrintable(result->text()));
        QVERIFY2(result->text().contains("issued by CN=RepliPair sandbox CA")
                && result->text().contains("CN=sandbox-a") && result->text().contains("expires"),
            qPrintable(result->text()));

        // a CA that signed neither certificate: both fail, in the TLS library's words
        QTemporaryDir dir;
        SandboxCertificates other(dir.filePath("other"), QStringLiteral("Unrelated CA"));
        QVERIFY(other.ensureCa());
        retype(ca, other.caFile());
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled() && result->text().contains("B:"), 60000);
        QVERIFY2(result->text().contains("A: failed") && result->text().contains("certificate"),
            qPrintable(result->text()));

        // verify-identity without a CA cannot go on
        choose(mode, int(TlsMode::VerifyIdentity));
        ca->clear();
        QVERIFY(!next->isEnabled());
        retype(ca, fixture.sandbox().caFile());
        QVERIFY(next->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(w.profile().tls.mode, TlsMode::VerifyIdentity);
        QCOMPARE(w.profile().servers[1].tls.files.ca, fixture.sandbox().caFile());
    }
};

QTEST_MAIN(TestTlsWizard)
#include "tst_tlswizard.moc"
