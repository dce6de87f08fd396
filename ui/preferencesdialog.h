#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QTimeEdit;

/** Language, monitoring interval, lag threshold and notifications; stored through AppSettings. */
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    void accept() override;

Q_SIGNALS:
    /** The language changed; it applies fully after a restart. */
    void languageChanged(const QString& language);
    void monitoringChanged();
    /** The daily comparison was switched on or off, or its time changed. */
    void scheduleChanged();

private:
    QComboBox* m_language;
    QSpinBox* m_interval;
    QDoubleSpinBox* m_lagThreshold;
    QCheckBox* m_tray;
    QCheckBox* m_scheduled;
    QTimeEdit* m_scheduledTime;
};
