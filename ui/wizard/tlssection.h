#pragma once

#include "common/pairprofile.h"

#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class TlsTester;

/** The wizard's TLS settings: the mode, the CA, client certificate and key (each with a file picker), and a
 *  "Test" that connects to both servers in that mode on worker threads and shows each certificate's subject,
 *  issuer and expiry. */
class TlsSection : public QGroupBox
{
    Q_OBJECT
public:
    explicit TlsSection(QWidget* parent = nullptr);

    void setSettings(const TlsSettings& settings);
    TlsSettings settings() const;
    /** What is wrong with the fields (a verify mode without a CA, a certificate without its key), or empty.
     */
    QString problem() const;
    /** The pair the test connects to (its servers as the earlier pages left them). */
    void setPair(const PairProfile& pair) { m_pair = pair; }

Q_SIGNALS:
    void changed();

private:
    QLineEdit* fileField(const QString& name, const QString& browseName, const QString& caption);
    void test();
    void updateEnabled();

    QComboBox* m_mode;
    QLineEdit* m_ca;
    QLineEdit* m_cert;
    QLineEdit* m_key;
    QLabel* m_protects;
    QPushButton* m_test;
    QLabel* m_result;
    TlsTester* m_tester;
    PairProfile m_pair;
    QStringList m_lines;
};
