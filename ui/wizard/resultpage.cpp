#include "wizard/resultpage.h"

#include "appsettings.h"
#include "wizard/executepage.h"
#include "wizard/setupwizard.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

ResultPage::ResultPage(SetupWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
    , m_path(new QLineEdit(this))
    , m_form(new QFormLayout)
    , m_open(new QCheckBox(tr("&Open the pair in the main window"), this))
    , m_saveError(new QLabel(this))
{
    setObjectName(QStringLiteral("resultPage"));
    setTitle(tr("Result"));
    setFinalPage(true);
    m_summary->setObjectName(QStringLiteral("resultSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setObjectName(QStringLiteral("resultProfilePath"));
    connect(m_path, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    m_open->setObjectName(QStringLiteral("resultOpenPair"));
    m_open->setChecked(true);
    m_saveError->setObjectName(QStringLiteral("resultSaveError"));
    m_saveError->setWordWrap(true);
    auto* browse = new QToolButton(this);
    browse->setObjectName(QStringLiteral("resultBrowse"));
    browse->setText(tr("…"));
    browse->setAccessibleName(tr("Choose where to save the profile"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Pair Profile"), m_path->text(), tr("Pair profiles (*.replipair.json)"));
        if (!path.isEmpty())
            m_path->setText(path);
    });

    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    m_form->addRow(tr("Save the profile &as:"), pathRow);
    static_cast<QLabel*>(m_form->labelForField(pathRow))->setBuddy(m_path);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addSpacing(12);
    layout->addLayout(m_form);
    layout->addWidget(m_open);
    layout->addWidget(m_saveError);
    layout->addStretch();
}

QString ResultPage::defaultPath(const QString& pairName, const QString& loadedFrom)
{
    if (!loadedFrom.isEmpty())
        return loadedFrom;
    QString base = pairName;
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("-"));
    if (base.isEmpty())
        base = QStringLiteral("pair");
    const QString dir = AppSettings::pairsFolder();
    return QStringLiteral("%1/%2.replipair.json").arg(dir, base);
}

void ResultPage::initializePage()
{
    // the run is over: nothing is left to cancel (closing the window keeps the profile unsaved)
    m_wizard->setOption(QWizard::NoCancelButton, true);
    const ExecutePage* exec = m_wizard->executePage();
    const PairProfile& p = m_wizard->profile();
    const bool demo = m_wizard->isDemo();
    m_form->setRowVisible(0, !demo);
    if (exec->succeeded()) {
        setSubTitle(tr("The pair replicates in both directions."));
        m_summary->setText(demo
                ? tr("%1 and %2 are now masters of each other: a test row written on each side arrived on "
                     "the other. The demo's pair opens in the main window and stays in Saved Pairs while "
                     "the demo's servers run.")
                      .arg(p.servers[0].name, p.servers[1].name)
                : tr("%1 and %2 are now masters of each other: a test row written on each side arrived on "
                     "the other. Save the profile to watch the pair and to run the setup again later.")
                      .arg(p.servers[0].name, p.servers[1].name));
    } else {
        setSubTitle(tr("The setup did not finish."));
        m_summary->setText(
            tr("%1\n\nBoth servers remain usable. Saving the profile lets you resume later: running the "
               "setup again continues where it stopped.")
                .arg(exec->error().toString()));
    }
    if (m_path->text().isEmpty() || demo)
        m_path->setText(defaultPath(p.name, p.filePath)); // the demo's: the profile in the demo's folder
}

bool ResultPage::isComplete() const
{
    return !m_path->text().trimmed().isEmpty();
}

bool ResultPage::validatePage()
{
    QString path = m_path->text().trimmed();
    if (!path.endsWith(QLatin1String(".json")))
        path += QStringLiteral(".replipair.json");
    QDir().mkpath(QFileInfo(path).absolutePath());
    PairProfile p = m_wizard->profile();
    for (ServerProfile& s : p.servers)
        s.adminPasswordOverride.clear(); // never serialised anyway; belt and braces
    auto saved = p.save(path);
    if (!saved) {
        m_saveError->setText(tr("The profile could not be saved: %1").arg(saved.error().toString()));
        return false;
    }
    m_wizard->profile().filePath = path;
    m_wizard->setSavedPath(path);
    if (!m_wizard->isDemo()) // the demo's folder goes with the demo
        AppSettings::setValue(AppSettings::Key::LastProfileDir, QFileInfo(path).absolutePath());
    Q_EMIT m_wizard->profileSaved(path);
    if (m_open->isChecked())
        Q_EMIT m_wizard->pairReady(path);
    return true;
}
