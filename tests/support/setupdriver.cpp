#include "support/setupdriver.h"

#include <QSignalSpy>
#include <QTest>

bool SetupOutcome::said(const QString& text) const
{
    for (const QString& l : lines)
        if (l.contains(text))
            return true;
    return false;
}

SetupOutcome runSetup(
    const PairProfile& profile, SetupRunner::Mode mode, std::function<void(SetupRunner&)> configure)
{
    SetupOutcome outcome;
    SetupRunner runner(profile);
    if (configure)
        configure(runner);
    QObject context;
    QObject::connect(&runner, &SetupRunner::event, &context,
        [&outcome](const SetupEvent& e) { outcome.lines << e.toLine(); });
    QSignalSpy finished(&runner, &SetupRunner::finished);
    runner.start(mode);
    if (!finished.wait(600000))
        qWarning("setup did not finish within 10 minutes");
    QCoreApplication::processEvents(); // deliver the last queued events
    outcome.ok = runner.succeeded();
    outcome.error = runner.error();
    outcome.plan = runner.plan();
    if (!outcome.ok)
        outcome.lines << QStringLiteral("ERROR: ") + outcome.error.toString();
    return outcome;
}
