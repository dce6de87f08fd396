#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class SetupWizard;
class TlsSection;

/** The pair's options, as the profile offers them: name, databases, the replication account and the host it
 *  may connect from, GTID or file/position, auto-increment, TLS (TlsSection), binlog format, the database
 * filter style, whether a server may be restarted, rolling restart, and the initial copy of the data from one
 * server to the other (with or without replacing what the receiver holds), and which server takes the
 * application's writes (the writer role: one writer, A by default, or both). */
class OptionsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit OptionsPage(SetupWizard* wizard);

    bool isComplete() const override;
    void initializePage() override;
    bool validatePage() override;
    void cleanupPage() override;
    QString validationProblem() const;

    /** "a, b c" → {"a", "b", "c"} */
    static QStringList splitNames(const QString& text);

private:
    void nameCopyChoices();

    SetupWizard* m_wizard;
    QLineEdit* m_pairName;
    QLineEdit* m_databases;
    QLineEdit* m_ignoreDatabases;
    QLineEdit* m_replicationUser;
    QLineEdit* m_replicationUserHost;
    QCheckBox* m_rollingRestart;
    QComboBox* m_filterStyle;
    QComboBox* m_restart;
    QComboBox* m_gtid;
    QCheckBox* m_autoIncrement;
    TlsSection* m_tls;
    QComboBox* m_binlogFormat;
    QComboBox* m_initialCopy;
    QComboBox* m_writer;
    QCheckBox* m_replaceTarget;
    QLabel* m_problem;
};
