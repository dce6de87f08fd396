#include "common/stepid.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

/** Step ids: every constant is lowercase ASCII words joined by dashes and has its own title, and no source
 *  file names a step by translated text or by a literal of its own. */
class TestStepId : public QObject
{
    Q_OBJECT

    static QString source(const QString& relative)
    {
        QFile f(QStringLiteral(REPLIPAIR_SOURCE_DIR "/") + relative);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private Q_SLOTS:
    void everyConstantIsAnAsciiIdWithATitle()
    {
        // the constants as the header spells them: what a new one added without a title would miss
        const QString header = source(QStringLiteral("models/common/stepid.h"));
        QVERIFY(!header.isEmpty());
        static const QRegularExpression constant(
            QStringLiteral("static inline const QString (\\w+) = QStringLiteral\\(\"([^\"]*)\"\\);"));
        QStringList declared;
        for (const QRegularExpressionMatch& m : constant.globalMatch(header))
            declared << m.captured(2);
        QVERIFY(declared.size() > 20);
        QCOMPARE(StepId::all(), declared);

        static const QRegularExpression id(QStringLiteral("^[a-z]+(-[a-z]+)*$"));
        QSet<QString> unique;
        for (const QString& s : declared) {
            QVERIFY2(id.match(s).hasMatch(), qPrintable(s));
            QVERIFY2(StepId::isKnown(s), qPrintable(s));
            const QString title = StepId::title(s);
            QVERIFY2(!title.trimmed().isEmpty(), qPrintable(s));
            unique << s;
        }
        QCOMPARE(unique.size(), declared.size()); // no id twice
        QVERIFY(!StepId::isKnown(QStringLiteral("check config")));
        QCOMPARE(StepId::title(QStringLiteral("no-such-step")), QStringLiteral("no-such-step"));
    }

    /** A step named by tr(), QApplication::translate() or a literal of its own in models/, ui/, app/. */
    void noSourceNamesAStepByTextOrLiteral()
    {
        const QString call = QStringLiteral("(?:\\w+::)?(?:tr|translate|QStringLiteral|QLatin1String)\\(");
        const QList<QRegularExpression> patterns {
            QRegularExpression(QStringLiteral("setStep\\(\\s*(?:\\w+\\s*\\?\\s*)?") + call),
            QRegularExpression(QStringLiteral("stepFailure\\(\\s*[^,;]*,\\s*") + call),
            QRegularExpression(QStringLiteral("\\.step\\s*=\\s*") + call),
            QRegularExpression(QStringLiteral("StepError\\s*\\{\\s*[^,;{}]*,\\s*") + call),
            QRegularExpression(QStringLiteral("failure\\(\\s*") + call + QStringLiteral("\"[a-z ]+\"\\)")),
            QRegularExpression(QStringLiteral("const QString kStep\\s*=")),
        };
        int files = 0;
        QStringList found;
        for (const QString& dir : { QStringLiteral("models"), QStringLiteral("ui"), QStringLiteral("app") }) {
            QDirIterator it(QStringLiteral(REPLIPAIR_SOURCE_DIR "/") + dir,
                { QStringLiteral("*.cpp"), QStringLiteral("*.h") }, QDir::Files,
                QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(f.readAll());
                ++files;
                for (const QRegularExpression& p : patterns)
                    for (const QRegularExpressionMatch& m : p.globalMatch(text))
                        found << QStringLiteral("%1: %2").arg(path, m.captured(0).simplified());
            }
        }
        QVERIFY(files > 100);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestStepId)
#include "tst_stepid.moc"
