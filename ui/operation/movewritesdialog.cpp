#include "operation/movewritesdialog.h"

#include "asynctask.h"
#include "operation/operationchecks.h"
#include "setup/setupjournal.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

MoveWritesDialog::MoveWritesDialog(const PairProfile& profile, int to, QWidget* parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_to(to)
{
    setObjectName(QStringLiteral("moveWritesDialog"));
    const QString from = m_profile.servers[1 - to].name, target = m_profile.servers[to].name;
    setWindowTitle(tr("Move Writes to %1").arg(target));
    m_summary = new QLabel(
        tr("Checking that %1 can take the writes from %2 without losing any…").arg(target, from), this);
    m_summary->setObjectName(QStringLiteral("moveWritesSummary"));
    m_summary->setWordWrap(true);
    m_checks = OperationChecks::makeCheckList(
        this, { tr("Check"), tr("Server"), tr("What was found"), tr("Fix") });
    m_steps = OperationChecks::makeStepList(this, { tr("#"), tr("Step") });
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("switchLog"));
    m_log->setReadOnly(true);
    m_log->setVisible(false);
    m_confirmForce = new QCheckBox(
        tr("%1 cannot be reached. I understand that a forced failover opens %2 with what it received so far, "
           "and fences %1: it stays read-only until it is rebuilt or rejoined.")
            .arg(from, target),
        this);
    m_confirmForce->setObjectName(QStringLiteral("confirmForce"));
    m_confirmForce->setVisible(false);

    auto* buttons = new QDialogButtonBox(this);
    m_moveButton = buttons->addButton(tr("&Move Writes to %1").arg(target), QDialogButtonBox::AcceptRole);
    m_moveButton->setObjectName(QStringLiteral("moveWritesButton"));
    m_moveButton->setEnabled(false);
    m_forceButton = buttons->addButton(tr("&Force Failover to %1").arg(target), QDialogButtonBox::ActionRole);
    m_forceButton->setObjectName(QStringLiteral("forceFailoverButton"));
    m_forceButton->setVisible(false);
    m_forceButton->setEnabled(false);
    m_closeButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    // the buttons start runs; the dialog is closed only by Cancel/Close, never while a run goes on
    disconnect(buttons, nullptr, this, nullptr);
    connect(m_moveButton, &QPushButton::clicked, this, [this] { start(false); });
    connect(m_forceButton, &QPushButton::clicked, this, [this] { start(true); });
    connect(m_closeButton, &QPushButton::clicked, this, &MoveWritesDialog::reject);
    connect(m_confirmForce, &QCheckBox::toggled, m_forceButton,
        [this](bool on) { m_forceButton->setEnabled(on && !m_busy); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("Checks (nothing is changed until you move the writes):"), this));
    layout->addWidget(m_checks, 2);
    layout->addWidget(new QLabel(
        tr("Steps, in order; a failure before %1 opens puts %2 back as the writer:").arg(target, from),
        this));
    layout->addWidget(m_steps, 2);
    layout->addWidget(m_log, 2);
    layout->addWidget(m_confirmForce);
    layout->addWidget(buttons);
    resize(760, 560);
    check();
}

void MoveWritesDialog::reject()
{
    if (!m_busy)
        QDialog::reject();
}

void MoveWritesDialog::check()
{
    m_busy = true;
    Switchover::Options options;
    options.to = m_to;
    options.dryRun = true;
    // the journal the run would write, as the CLI's dry run reads it: a run not ended refuses the switch
    if (!m_profile.filePath.isEmpty())
        options.journalPath = SetupJournal::defaultPath(m_profile);
    const PairProfile profile = m_profile;
    AsyncTask::runThenCallback(
        QtConcurrent::run([profile, options] { return Switchover(profile, options).run(); }), this,
        [this](const Switchover::Outcome& out) {
            m_busy = false;
            m_outcome = out;
            showChecks();
        });
}

void MoveWritesDialog::showChecks()
{
    const int refusals = OperationChecks::fill(
        m_checks, m_steps, m_outcome.checks, m_outcome.steps, tr("refused"), tr("ok"));
    // the one refusal a forced failover answers: the writer cannot be reached
    const bool onlyWriterGone
        = !m_outcome.checks.isEmpty() && std::ranges::all_of(m_outcome.checks, [this](const Finding& f) {
              return f.severity != Finding::Severity::Error
                  || (f.code == QLatin1String("server-unreachable")
                      && f.server == m_profile.servers[1 - m_to].name);
          });
    const QString from = m_profile.servers[1 - m_to].name, target = m_profile.servers[m_to].name;
    m_moveButton->setEnabled(refusals == 0);
    m_forceOffered = refusals > 0 && onlyWriterGone;
    m_forceButton->setVisible(m_forceOffered);
    m_confirmForce->setVisible(m_forceOffered);
    m_summary->setText(refusals == 0
            ? tr("Every check passed: %1 can take the writes from %2.").arg(target, from)
            : m_forceOffered
            ? tr("%1 cannot be reached. A planned switch needs it; a forced failover does not.").arg(from)
            : tr("%n check(s) refuse the switch: %1 stays the writer. Fix them and open this again.", nullptr,
                refusals)
                  .arg(from));
}

void MoveWritesDialog::addEvent(const SetupEvent& event)
{
    m_log->appendPlainText(event.toLine());
    Q_EMIT logLine(event);
}

void MoveWritesDialog::start(bool force)
{
    if (m_busy)
        return;
    m_busy = true;
    m_moveButton->setEnabled(false);
    m_forceButton->setEnabled(false);
    m_confirmForce->setEnabled(false);
    m_log->setVisible(true);
    m_log->clear();
    Switchover::Options options;
    options.to = m_to;
    options.force = force;
    if (!m_profile.filePath.isEmpty()) // each change journalled before it is made, for recover
        options.journalPath = SetupJournal::defaultPath(m_profile);
    const PairProfile profile = m_profile;
    auto sink = OperationChecks::eventSink(this, [this](const SetupEvent& e) { addEvent(e); });
    AsyncTask::runThenCallback(
        QtConcurrent::run([profile, options, sink] { return Switchover(profile, options, sink).run(); }),
        this, [this](const Switchover::Outcome& out) {
            m_busy = false;
            m_outcome = out;
            const QString from = m_profile.servers[1 - m_to].name, target = m_profile.servers[m_to].name;
            m_summary->setText(out.ok ? tr("%1 takes the writes now.").arg(target)
                    : out.switched    ? tr("%1 takes the writes now, but: %2").arg(target, out.error.text)
                    : out.refused     ? tr("Refused: %1 stays the writer. %2").arg(from, out.error.text)
                                      : tr("Not switched: %1").arg(out.error.text));
            m_summary->setProperty("outcome",
                out.ok             ? QStringLiteral("switched")
                    : out.switched ? QStringLiteral("switched-with-errors")
                    : out.refused  ? QStringLiteral("refused")
                                   : QStringLiteral("rolled-back"));
            m_closeButton->setText(tr("&Close"));
            if (out.switched)
                Q_EMIT writerMoved(m_to);
            else
                m_moveButton->setEnabled(!out.refused);
        });
}
