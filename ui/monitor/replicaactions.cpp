#include "monitor/replicaactions.h"

#include "actions/replicacontrol.h"
#include "asynctask.h"
#include "common/stepid.h"
#include "monitor/alertbanner.h"
#include "monitor/comparedialog.h"
#include "monitor/skipeventdialog.h"
#include "monitor/textreportdialog.h"
#include "operation/rebuilddialog.h"
#include "setup/setupevent.h"
#include "topology/topologyview.h"

#include <QMessageBox>

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
    connect(view, &TopologyView::stopReplicaRequested, this, [this](int i) { setReplicaRunning(i, false); });
    connect(view, &TopologyView::skipEventRequested, this, &ReplicaActions::showFailingEvent);
    connect(view, &TopologyView::compareRequested, this, &ReplicaActions::compareData);
    connect(view, &TopologyView::configFootprintRequested, this, &ReplicaActions::showConfigFootprint);
    connect(banner, &AlertBanner::startReplicaRequested, this, [this](int i) { setReplicaRunning(i, true); });
    connect(banner, &AlertBanner::skipEventRequested, this, &ReplicaActions::showFailingEvent);
    connect(banner, &AlertBanner::compareRequested, this, &ReplicaActions::compareData);
    connect(view, &TopologyView::rebuildRequested, this, &ReplicaActions::rebuild);
    connect(banner, &AlertBanner::rebuildRequested, this, &ReplicaActions::rebuild);
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
