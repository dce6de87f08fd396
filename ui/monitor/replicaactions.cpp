#include "monitor/replicaactions.h"
#include "actions/chunkedcompare.h"
#include "appsettings.h"
#include <QTimer>
#include <QtConcurrent>

#include "actions/replicacontrol.h"
#include "asynctask.h"
#include "common/stepid.h"
#include "monitor/alertbanner.h"
#include "monitor/comparedialog.h"
#include "monitor/replicationevent.h"
#include "monitor/skipeventdialog.h"
#include "monitor/textreportdialog.h"
#include "operation/rebuilddialog.h"
#include "setup/setupevent.h"
#include "topology/topologyview.h"

#include <QDateTime>
#include <QMessageBox>
#include <QPushButton>

ReplicaActions::ReplicaActions(const PairProfile& profile, QWidget* dialogParent)
    : QObject(dialogParent)
    , m_profile(profile)
    , m_dialogParent(dialogParent)
    , m_control(new ReplicaControl(profile))
{ }

ReplicaActions::~ReplicaActions()
{
    m_control->retire(); // a job may still wait for a dead server: the control goes once it is over
}

void ReplicaActions::answer(TopologyView* view, AlertBanner* banner)
{
    connect(view, &TopologyView::startReplicaRequested, this, [this](int i) { setReplicaRunning(i, true); });
    connect(view, &TopologyView::stopReplicaRequested, this, &ReplicaActions::confirmStopReplica);
    connect(view, &TopologyView::skipEventRequested, this, &ReplicaActions::showFailingEvent);
    connect(view, &TopologyView::compareRequested, this, &ReplicaActions::compareData);
    connect(view, &TopologyView::configFootprintRequested, this, &ReplicaActions::showConfigFootprint);
    connect(banner, &AlertBanner::startReplicaRequested, this, [this](int i) { setReplicaRunning(i, true); });
    connect(banner, &AlertBanner::skipEventRequested, this, &ReplicaActions::showFailingEvent);
    connect(banner, &AlertBanner::compareRequested, this, &ReplicaActions::compareData);
    connect(view, &TopologyView::rebuildRequested, this, &ReplicaActions::rebuild);
    connect(banner, &AlertBanner::rebuildRequested, this, &ReplicaActions::rebuild);
    connect(banner, &AlertBanner::startServerRequested, this, &ReplicaActions::confirmStartServer);
}

void ReplicaActions::setServerFacts(int index, const QString& errorLog, const QString& dataDir)
{
    m_errorLog[index] = errorLog;
    m_dataDir[index] = dataDir;
}

void ReplicaActions::confirm(const QString& objectName, const QString& title, const QString& text,
    const QString& button, std::function<void()> go)
{
    // window-modal without a nested event loop: the action starts from the answer
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, m_dialogParent);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yes = box->addButton(button, QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [box, yes, go = std::move(go)](QAbstractButton* b) {
        if (b == yes)
            go();
        box->close();
    });
    box->open();
}

void ReplicaActions::confirmStopReplica(int index)
{
    const QString name = m_profile.servers[index].name;
    confirm(QStringLiteral("confirmStopReplica"), tr("Stop Replication on %1").arg(name),
        tr("Stop both replication threads on %1?\n\n%1 then no longer applies what %2 writes: the servers "
           "drift apart until replication is started again, and %2's binary logs must be kept until "
           "then.")
            .arg(name, m_profile.servers[1 - index].name),
        tr("&Stop Replication"), [this, index] { setReplicaRunning(index, false); });
}

void ReplicaActions::confirmStartServer(int index)
{
    const ServerProfile& s = m_profile.servers[index];
    const QString command = s.restartCommand.isEmpty() || s.restartCommand == QLatin1String("auto")
        ? tr("the restart command found on its host (systemd unit or init script)")
        : s.restartCommand;
    confirm(QStringLiteral("confirmStartServer"), tr("Start Server %1").arg(s.name),
        tr("Start the database server %1 (%2)?\n\nRepliPair runs %3 on %4, detached from this app, and waits "
           "until %1 answers as a new process and stays up; if it does not start, you see the lines of its "
           "error log that say why.")
            .arg(s.name, s.endpoint(), command, s.hasSsh ? s.ssh.host : tr("this computer")),
        tr("&Start Server"), [this, index] { startServer(index); });
}

void ReplicaActions::startServer(int index)
{
    const QString name = m_profile.servers[index].name;
    Q_EMIT statusMessage(tr("Starting server %1…").arg(name), 0);
    AsyncTask::runThenCallback(m_control->startServer(index, m_errorLog[index], m_dataDir[index]), this,
        [this, name](const Result<QString>& r) {
            report(name, StepId::Restart, r.has_value(), r ? *r : r.error().text, false);
            if (!r) {
                // the server's own words (its error log's telling lines) where the user looks now
                auto* box = new QMessageBox(QMessageBox::Warning, tr("Start Server %1").arg(name),
                    tr("%1 did not start:\n%2").arg(name, r.error().text), QMessageBox::Ok, m_dialogParent);
                box->setObjectName(QStringLiteral("startServerFailed"));
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            }
            Q_EMIT pollRequested();
        });
}

void ReplicaActions::report(
    const QString& server, const QString& step, bool ok, const QString& text, bool warning)
{
    SetupEvent e;
    e.server = server;
    e.step = step;
    e.kind = !ok  ? SetupEvent::Kind::StepFailed
        : warning ? SetupEvent::Kind::Warning
                  : SetupEvent::Kind::Info;
    e.text = text;
    Q_EMIT logLine(e);
    Q_EMIT statusMessage(text, 8000);
    // the Events tab keeps what the user did and how it ended, beside what the servers did
    ReplicationEvent done;
    done.time = QDateTime::currentDateTimeUtc();
    done.serverIndex = server == m_profile.servers[0].name ? 0 : server == m_profile.servers[1].name ? 1 : -1;
    done.server = server;
    done.kind = ReplicationEvent::Kind::UserAction;
    done.failed = !ok;
    done.text = tr("%1: %2").arg(StepId::title(step), text);
    Q_EMIT actionDone(done);
}

void ReplicaActions::openReport(const QString& objectName, const QString& title, const QString& text)
{
    auto* dialog = new TextReportDialog(title, text, m_dialogParent);
    dialog->setObjectName(objectName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void ReplicaActions::setReplicaRunning(int index, bool running)
{
    const QString name = m_profile.servers[index].name;
    Q_EMIT statusMessage(
        running ? tr("Starting replication on %1…").arg(name) : tr("Stopping replication on %1…").arg(name),
        0);
    AsyncTask::runThenCallback(
        m_control->setReplicaRunning(index, running), this, [this, name, running](const Result<QString>& r) {
            report(name, running ? StepId::StartReplica : StepId::StopReplica, r.has_value(),
                r ? *r : r.error().text, false);
            Q_EMIT pollRequested();
        });
}

void ReplicaActions::showFailingEvent(int index)
{
    const QString name = m_profile.servers[index].name;
    Q_EMIT statusMessage(tr("Reading the event that stopped %1…").arg(name), 0);
    AsyncTask::runThenCallback(
        m_control->failingEvent(index), this, [this, index, name](const Result<FailingEvent>& found) {
            Q_EMIT statusMessage(QString(), 0);
            if (!found) {
                QMessageBox::warning(m_dialogParent, tr("Failing Event"), found.error().toString());
                return;
            }
            // window-modal without a nested event loop: the skip starts from the dialog's answer
            auto* dialog = new SkipEventDialog(name, *found, m_dialogParent);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            const QString token = found->token;
            connect(dialog, &QDialog::accepted, this, [this, index, name, token] {
                AsyncTask::runThenCallback(m_control->skipConfirmedEvent(index, token), this,
                    [this, name](const Result<QString>& r) {
                        report(name, StepId::SkipEvent, r.has_value(), r ? *r : r.error().text, true);
                        Q_EMIT pairStateChanged(); // the data are unverified now
                        Q_EMIT pollRequested();
                    });
            });
            dialog->open();
        });
}

void ReplicaActions::compareData()
{
    // one comparison at a time: a second request shows the one under way
    if (auto* open = m_dialogParent
            ? m_dialogParent->findChild<CompareDialog*>(QStringLiteral("compareDialog"))
            : nullptr) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto* dialog = new CompareDialog(m_profile, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CompareDialog::comparisonFinished, this, [this](bool ok, const QString& summary) {
        report(QString(), StepId::CompareData, true, summary, !ok);
        Q_EMIT pairStateChanged(); // equal or differs, as the comparison found
    });
    dialog->show();
}

void ReplicaActions::rebuild(int index)
{
    if (index < 0 || index > 1)
        return;
    // one rebuild at a time: a second request shows the one open
    if (auto* open = m_dialogParent
            ? m_dialogParent->findChild<RebuildDialog*>(QStringLiteral("rebuildDialog"))
            : nullptr) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto* dialog = new RebuildDialog(m_profile, index, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RebuildDialog::logLine, this, &ReplicaActions::logLine);
    connect(dialog, &RebuildDialog::rebuilt, this, [this] { Q_EMIT pollRequested(); });
    dialog->show();
}

void ReplicaActions::showConfigFootprint(int index)
{
    const QString name = m_profile.servers[index].name;
    Q_EMIT statusMessage(tr("Reading the configuration RepliPair wrote on %1…").arg(name), 0);
    AsyncTask::runThenCallback(
        m_control->configFootprint(index), this, [this, name](const Result<ConfigFootprint>& r) {
            Q_EMIT statusMessage(QString(), 0);
            openReport(QStringLiteral("configFootprintReport"),
                tr("Configuration RepliPair Wrote on %1").arg(name),
                r ? r->toText(name)
                  : tr("The option files of %1 could not be read:\n%2").arg(name, r.error().toString()));
        });
}

void ReplicaActions::armSchedule()
{
    if (!m_schedule) {
        m_schedule = new QTimer(this);
        m_schedule->setSingleShot(true);
        m_schedule->setTimerType(Qt::VeryCoarseTimer);
        connect(m_schedule, &QTimer::timeout, this, &ReplicaActions::runScheduledCompare);
    }
    m_schedule->stop();
    m_nextCompare = {};
    if (!AppSettings::value(AppSettings::Key::ScheduledCompare).toBool())
        return;
    const QTime at = QTime::fromString(
        AppSettings::value(AppSettings::Key::ScheduledCompareTime).toString(), QStringLiteral("HH:mm:ss"));
    if (!at.isValid())
        return;
    const QDateTime now = QDateTime::currentDateTime();
    QDateTime next(now.date(), at);
    if (next <= now)
        next = next.addDays(1);
    m_nextCompare = next;
    // a timer of a day drifts and sleeps with the machine: aim at most an hour ahead, then aim again
    const qint64 ms = now.msecsTo(next);
    if (ms > 3600 * 1000) {
        m_schedule->disconnect(this);
        connect(m_schedule, &QTimer::timeout, this, &ReplicaActions::armSchedule);
        m_schedule->start(3600 * 1000);
        return;
    }
    m_schedule->disconnect(this);
    connect(m_schedule, &QTimer::timeout, this, &ReplicaActions::runScheduledCompare);
    m_schedule->start(int(std::max<qint64>(ms, 0)));
}

void ReplicaActions::runScheduledCompare()
{
    if (m_scheduledRunning) {
        armSchedule();
        return;
    }
    m_scheduledRunning = true;
    report(QString(), StepId::CompareData, true,
        tr("Daily data check: comparing the replicated tables of %1 while the application writes…")
            .arg(m_profile.name),
        false);
    auto cancel = std::make_shared<std::atomic_bool>(false);
    AsyncTask::runThenCallback(QtConcurrent::run([profile = m_profile, cancel] {
        return ChunkedCompare::runOnPair(profile, cancel.get());
    }),
        this, [this](const Result<CompareReport>& r) {
            m_scheduledRunning = false;
            armSchedule(); // the next day's
            if (!r) {
                const QString text
                    = tr("Daily data check: the data could not be compared: %1").arg(r.error().toString());
                report(QString(), StepId::CompareData, false, text, false);
                Q_EMIT scheduledCompareFinished(false, text);
                return;
            }
            const bool equal = r->differences.isEmpty() && r->notCompared.isEmpty() && !r->cancelled;
            QStringList ranges;
            for (const ChunkDifference& d : r->differences)
                ranges << QStringLiteral("%1 %2").arg(d.table, d.rangeText());
            const QString text = equal
                ? tr("Daily data check: the replicated data is the same on both: %1 table(s), %2 row(s) "
                     "compared.")
                      .arg(r->tablesCompared)
                      .arg(r->rows)
                : tr("Daily data check: %1 key range(s) differ (%2); %3 could not be compared. Compare Data… "
                     "shows them, Repair… mends them.")
                      .arg(r->differences.size())
                      .arg(ranges.join(QStringLiteral(", ")))
                      .arg(r->notCompared.size());
            report(QString(), StepId::CompareData, true, text, !equal);
            if (!equal) {
                ReplicationEvent e;
                e.time = QDateTime::currentDateTimeUtc();
                e.serverIndex = 1 - std::max(0, m_profile.writerIndex());
                e.server = m_profile.servers[e.serverIndex].name;
                e.kind = ReplicationEvent::Kind::DataDiffers;
                e.text = text;
                Q_EMIT alert(e);
            }
            Q_EMIT scheduledCompareFinished(equal, text);
        });
}
