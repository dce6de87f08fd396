#include "operation/rebuilddialog.h"

#include "asynctask.h"
#include "operation/operationchecks.h"
#include "setup/setupjournal.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <utility>

RebuildDialog::RebuildDialog(const PairProfile& profile, int target, QWidget* parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_target(target)
{
    setObjectName(QStringLiteral("rebuildDialog"));
    const QString a = m_profile.servers[1 - target].name, b = m_profile.servers[target].name;
    setWindowTitle(tr("Rebuild %1 from %2").arg(b, a));
    m_summary = new QLabel(tr("Checking that %1 can be rebuilt from %2…").arg(b, a), this);
    m_summary->setObjectName(QStringLiteral("rebuildSummary"));
    m_summary->setWordWrap(true);
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("rebuildPreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_saveOld = new QCheckBox(tr("Save %1's old data first (loaded back if the rebuild fails)").arg(b), this);
    m_saveOld->setObjectName(QStringLiteral("saveOldData"));
    m_saveOld->setChecked(true);
    // the copy: logical (the replicated databases), physical (mariadb-backup, the whole data folder), auto
    auto* methods = new QHBoxLayout;
    methods->addWidget(new QLabel(tr("Copy:"), this));
    m_method = new QButtonGroup(this);
    const struct
    {
        CopyMethod method;
        const char* name;
        QString text, tip;
    } choices[] = {
        { CopyMethod::Logical, "methodLogical", tr("&Logical (the replicated databases)"),
            tr("A dump of the replicated databases loaded into %1: fits a few GB; %1's other databases and "
               "accounts stay")
                .arg(b) },
        { CopyMethod::Physical, "methodPhysical", tr("&Physical (the whole data folder)"),
            tr("mariadb-backup streamed from %1's host to %2's: copies at disk and network speed, for large "
               "data; %2's whole data folder (accounts included) is replaced, the old one kept beside it")
                .arg(a, b) },
        { CopyMethod::Auto, "methodAuto", tr("&Auto"),
            tr("The physical copy above %1 of data when the tools are on both hosts, else the logical one")
                .arg(QLocale().formattedDataSize(PhysicalCopyCheck::AutoThresholdBytes, 0)) },
    };
    for (const auto& c : choices) {
        auto* button = new QRadioButton(c.text, this);
        button->setObjectName(QLatin1String(c.name));
        button->setToolTip(c.tip);
        m_method->addButton(button, int(c.method));
        methods->addWidget(button);
    }
    methods->addStretch(1);
    m_method->button(int(CopyMethod::Logical))->setChecked(true);
    m_checks = OperationChecks::makeCheckList(
        this, { tr("Check"), tr("Server"), tr("What was found"), tr("Fix") });
    m_steps = OperationChecks::makeStepList(this, { tr("#"), tr("Step") });
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("copyProgress"));
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("rebuildLog"));
    m_log->setReadOnly(true);
    m_log->setVisible(false);

    auto* buttons = new QDialogButtonBox(this);
    m_rebuildButton = buttons->addButton(tr("&Rebuild %1 from %2").arg(b, a), QDialogButtonBox::AcceptRole);
    m_rebuildButton->setObjectName(QStringLiteral("rebuildButton"));
    m_rebuildButton->setEnabled(false);
    m_closeButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    disconnect(buttons, nullptr, this, nullptr);
    connect(m_rebuildButton, &QPushButton::clicked, this, &RebuildDialog::start);
    connect(m_closeButton, &QPushButton::clicked, this, &RebuildDialog::reject);
    // whether the old data is saved changes the checks (the free space): checked again
    const auto checkAgain = [this] {
        if (m_running)
            return;
        if (m_busy)
            m_checkAgain = true; // when the checks under way end
        else
            check();
    };
    connect(m_saveOld, &QCheckBox::toggled, this, checkAgain);
    // the method changes the checks (the backup tools, room beside the data folder) and what B loses
    connect(m_method, &QButtonGroup::idToggled, this, [checkAgain](int, bool on) {
        if (on)
            checkAgain();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_preview);
    layout->addWidget(m_saveOld);
    layout->addLayout(methods);
    layout->addWidget(new QLabel(tr("Checks (nothing is changed until you rebuild):"), this));
    layout->addWidget(m_checks, 2);
    layout->addWidget(new QLabel(
        tr("Steps, in order; a failure or a cancel before the copy ends puts %1 back:").arg(b), this));
    layout->addWidget(m_steps, 2);
    layout->addWidget(m_progress);
    layout->addWidget(m_log, 2);
    layout->addWidget(buttons);
    resize(800, 620);
    check();
}

Rebuild::Options RebuildDialog::options(bool dryRun) const
{
    Rebuild::Options o;
    o.target = m_target;
    o.saveOld = m_saveOld->isChecked();
    o.method = CopyMethod(m_method->checkedId());
    o.dryRun = dryRun;
    // the run journals each change for recover; the checks read the same journal (a run not ended refuses)
    o.journalPath = SetupJournal::defaultPath(m_profile);
    o.cancel = m_cancel;
    return o;
}

void RebuildDialog::reject()
{
    if (!m_busy) {
        QDialog::reject();
        return;
    }
    if (m_running && m_cancel) {
        m_cancel->store(true);
        m_summary->setText(
            tr("Cancelling: the rebuild stops and puts %1 back…").arg(m_profile.servers[m_target].name));
    }
}

void RebuildDialog::check()
{
    m_busy = true;
    m_rebuildButton->setEnabled(false);
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const Rebuild::Options o = options(true);
    const PairProfile profile = m_profile;
    AsyncTask::runThenCallback(QtConcurrent::run([profile, o] { return Rebuild(profile, o).run(); }), this,
        [this](const Rebuild::Outcome& out) {
            m_busy = false;
            m_outcome = out;
            showChecks();
            if (std::exchange(m_checkAgain, false))
                check();
        });
}

void RebuildDialog::showChecks()
{
    const int refusals = OperationChecks::fill(
        m_checks, m_steps, m_outcome.checks, m_outcome.steps, tr("refused"), tr("ok"));
    m_preview->setText(m_outcome.preview.lines.join(QLatin1Char('\n')));
    // the physical copy keeps B's old data folder whatever the box says: it is its way back
    m_saveOld->setEnabled(m_outcome.preview.method != QLatin1String("physical"));
    const QString a = m_profile.servers[1 - m_target].name, b = m_profile.servers[m_target].name;
    const bool ok = refusals == 0 && !m_outcome.refused;
    m_rebuildButton->setEnabled(ok);
    m_summary->setText(ok
            ? tr("Every check passed: %1 can be rebuilt from %2. Read what happens to %1 below.").arg(b, a)
            : refusals > 0
            ? tr("%n check(s) refuse the rebuild: nothing was changed. Fix them and open this again.",
                nullptr, refusals)
            : tr("Refused: %1").arg(m_outcome.error.text));
}

void RebuildDialog::addEvent(const SetupEvent& event)
{
    if (event.kind == SetupEvent::Kind::Progress) {
        const qint64 total = event.data.value(QStringLiteral("estimatedBytes")).toInteger();
        const qint64 bytes = event.data.value(QStringLiteral("bytes")).toInteger();
        m_progress->setVisible(true);
        if (total > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(qBound(qint64(0), bytes * 1000 / total, qint64(1000))));
        }
        m_progress->setFormat(event.text);
        return;
    }
    m_log->appendPlainText(event.toLine());
    Q_EMIT logLine(event);
}

void RebuildDialog::start()
{
    if (m_busy)
        return;
    m_busy = true;
    m_running = true;
    m_rebuildButton->setEnabled(false);
    m_saveOld->setEnabled(false);
    for (QAbstractButton* b : m_method->buttons())
        b->setEnabled(false);
    m_log->setVisible(true);
    m_log->clear();
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const Rebuild::Options o = options(false);
    const PairProfile profile = m_profile;
    m_summary->setText(tr("Rebuilding %1 from %2…")
                           .arg(m_profile.servers[m_target].name, m_profile.servers[1 - m_target].name));
    auto sink = OperationChecks::eventSink(this, [this](const SetupEvent& e) { addEvent(e); });
    AsyncTask::runThenCallback(
        QtConcurrent::run([profile, o, sink] { return Rebuild(profile, o, sink).run(); }), this,
        [this](const Rebuild::Outcome& out) {
            m_busy = false;
            m_running = false;
            m_outcome = out;
            const QString b = m_profile.servers[m_target].name;
            m_progress->setVisible(false);
            m_summary->setText(out.ok ? tr("%1 is rebuilt and verified.").arg(b)
                    : out.cancelled   ? tr("Cancelled. %1").arg(out.error.text)
                                      : tr("Not rebuilt: %1").arg(out.error.text));
            m_summary->setProperty("outcome",
                out.ok              ? QStringLiteral("rebuilt")
                    : out.cancelled ? QStringLiteral("cancelled")
                    : out.refused   ? QStringLiteral("refused")
                    : out.copied    ? QStringLiteral("failed-after-copy")
                                    : QStringLiteral("put-back"));
            m_closeButton->setText(tr("&Close"));
            if (out.ok)
                Q_EMIT rebuilt(m_target);
            else
                m_rebuildButton->setEnabled(!out.refused);
        });
}
