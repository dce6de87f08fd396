// Help ▸ RepliPair Manual opens the manual's page in the language the window shows.
#include "gui/guidriver.h"
#include "mainwindow.h"
#include "uitranslator.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

class TestHelpManual : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName("RepliPairTest");
        QCoreApplication::setApplicationName("tst_helpmanual");
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        MainWindow::setUrlOpener([this](const QUrl& url) {
            m_opened << url;
            return true;
        });
    }

    void helpMenuOpensThePageOfTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("page");
        QTest::newRow("English") << "en"
                                 << "docs/index.md";
        QTest::newRow("Simplified Chinese") << "zh_CN"
                                            << "docs/zh_CN/index.md";
    }

    void helpMenuOpensThePageOfTheLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, page);
        UiTranslator translator;
        translator.install(language);
        m_opened.clear();
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.findChild<QAction*>("actionManual"));
        QVERIFY(GuiDriver::chooseFromMenuBar(&window, "actionManual"));
        QTRY_COMPARE(m_opened.size(), 1);
        const QUrl expected = QUrl::fromLocalFile(QStringLiteral(REPLIPAIR_SOURCE_DIR "/") + page);
        QCOMPARE(m_opened.first(), expected);
        QVERIFY2(QFileInfo::exists(m_opened.first().toLocalFile()), qPrintable(m_opened.first().toString()));
    }

private:
    QList<QUrl> m_opened;
};

QTEST_MAIN(TestHelpManual)
#include "tst_helpmanual.moc"
