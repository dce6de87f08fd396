#include "preferencesdialog.h"

#include "appsettings.h"
#include "uitranslator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_interval(new QSpinBox(this))
    , m_lagThreshold(new QDoubleSpinBox(this))
    , m_tray(new QCheckBox(tr("Show a &notification in the system tray on every state change"), this))
    , m_scheduled(new QCheckBox(tr("Compare the open pair's &data every day at"), this))
    , m_scheduledTime(new QTimeEdit(this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_language->setObjectName(QStringLiteral("preferencesLanguage"));
    for (const auto& [code, name] : UiTranslator::languages())
        m_language->addItem(name, code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(AppSettings::language())));
    m_interval->setObjectName(QStringLiteral("preferencesInterval"));
    m_interval->setRange(200, 60000);
    m_interval->setSingleStep(100);
    m_interval->setSuffix(tr(" ms"));
    m_interval->setValue(AppSettings::monitorIntervalMs());
    m_lagThreshold->setObjectName(QStringLiteral("preferencesLagThreshold"));
    m_lagThreshold->setRange(0.1, 3600);
    m_lagThreshold->setDecimals(1);
    m_lagThreshold->setSuffix(tr(" s"));
    m_lagThreshold->setValue(AppSettings::lagThresholdSec());
    m_tray->setObjectName(QStringLiteral("preferencesTray"));
    m_tray->setChecked(AppSettings::value(AppSettings::Key::TrayNotifications).toBool());
    m_scheduled->setObjectName(QStringLiteral("preferencesScheduledCompare"));
    m_scheduled->setChecked(AppSettings::value(AppSettings::Key::ScheduledCompare).toBool());
    m_scheduledTime->setObjectName(QStringLiteral("preferencesScheduledCompareTime"));
    m_scheduledTime->setDisplayFormat(QStringLiteral("HH:mm:ss"));
    m_scheduledTime->setTime(QTime::fromString(
        AppSettings::value(AppSettings::Key::ScheduledCompareTime).toString(), QStringLiteral("HH:mm:ss")));
    m_scheduledTime->setEnabled(m_scheduled->isChecked());
    connect(m_scheduled, &QCheckBox::toggled, m_scheduledTime, &QWidget::setEnabled);
    auto* schedule = new QHBoxLayout;
    schedule->addWidget(m_scheduled);
    schedule->addWidget(m_scheduledTime);
    schedule->addStretch();
    auto* scheduleNote
        = new QLabel(tr("The live comparison (chunk by chunk, while the application writes) runs "
                        "at that time while RepliPair is open; its result goes to the log and, "
                        "when the data differ, to the banner."),
            this);
    scheduleNote->setWordWrap(true);

    auto* note = new QLabel(tr("A new language applies fully when RepliPair starts again."), this);
    note->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), note);
    form->addRow(tr("&Poll interval:"), m_interval);
    form->addRow(tr("Lag &warning above:"), m_lagThreshold);
    form->addRow(QString(), m_tray);
    form->addRow(tr("Data check:"), schedule);
    form->addRow(QString(), scheduleNote);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("OK"), QDialogButtonBox::AcceptRole)->setDefault(true);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void PreferencesDialog::accept()
{
    const QString language = m_language->currentData().toString();
    const bool languageChanged = language != AppSettings::language();
    const bool monitoring = m_interval->value() != AppSettings::monitorIntervalMs()
        || !qFuzzyCompare(m_lagThreshold->value(), AppSettings::lagThresholdSec());
    AppSettings::setValue(AppSettings::Key::Language, language);
    AppSettings::setValue(AppSettings::Key::MonitorIntervalMs, m_interval->value());
    AppSettings::setValue(AppSettings::Key::LagThresholdSec, m_lagThreshold->value());
    AppSettings::setValue(AppSettings::Key::TrayNotifications, m_tray->isChecked());
    const QString time = m_scheduledTime->time().toString(QStringLiteral("HH:mm:ss"));
    const bool schedule
        = m_scheduled->isChecked() != AppSettings::value(AppSettings::Key::ScheduledCompare).toBool()
        || time != AppSettings::value(AppSettings::Key::ScheduledCompareTime).toString();
    AppSettings::setValue(AppSettings::Key::ScheduledCompare, m_scheduled->isChecked());
    AppSettings::setValue(AppSettings::Key::ScheduledCompareTime, time);
    QDialog::accept();
    if (schedule)
        Q_EMIT scheduleChanged();
    if (languageChanged)
        Q_EMIT this->languageChanged(language);
    if (monitoring)
        Q_EMIT monitoringChanged();
}
