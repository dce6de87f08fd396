#include "wizard/tlssection.h"

#include "setup/tlstester.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

TlsSection::TlsSection(QWidget* parent)
    : QGroupBox(tr("Encryption (TLS)"), parent)
    , m_tester(new TlsTester(this))
{
    setObjectName(QStringLiteral("tlsSection"));
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("tlsMode"));
    m_mode->addItem(tr("Off: clear text"), int(TlsMode::Off));
    m_mode->addItem(tr("Required: encrypted, any certificate believed"), int(TlsMode::Required));
    m_mode->addItem(tr("Verify CA: encrypted, certificate signed by the CA"), int(TlsMode::VerifyCa));
    m_mode->addItem(
        tr("Verify identity: as Verify CA, and the name matches the host"), int(TlsMode::VerifyIdentity));
    m_ca = fileField(QStringLiteral("tlsCa"), QStringLiteral("tlsCaBrowse"), tr("CA certificate"));
    m_cert = fileField(QStringLiteral("tlsCert"), QStringLiteral("tlsCertBrowse"), tr("Client certificate"));
    m_key = fileField(QStringLiteral("tlsKey"), QStringLiteral("tlsKeyBrowse"), tr("Client key"));
    m_protects = new QLabel(this);
    m_protects->setObjectName(QStringLiteral("tlsProtects"));
    m_protects->setWordWrap(true);
    m_test = new QPushButton(tr("&Test TLS"), this);
    m_test->setObjectName(QStringLiteral("tlsTest"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("tlsTestResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Mode:"), m_mode);
    form->addRow(QString(), m_protects);
    form->addRow(tr("C&A file:"), m_ca->parentWidget());
    form->addRow(tr("Client c&ertificate:"), m_cert->parentWidget());
    form->addRow(tr("Client &key:"), m_key->parentWidget());
    form->addRow(m_test, m_result);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });
    connect(m_test, &QPushButton::clicked, this, &TlsSection::test);
    connect(m_tester, &TlsTester::finished, this, [this](const TlsTester::Outcome& o) {
        m_lines << o.summary();
        m_lines.sort();
        m_result->setText(m_lines.join(QLatin1Char('\n')));
    });
    connect(m_tester, &TlsTester::allFinished, this, [this] { m_test->setEnabled(true); });
    updateEnabled();
}

QLineEdit* TlsSection::fileField(const QString& name, const QString& browseName, const QString& caption)
{
    auto* box = new QWidget(this);
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(box);
    edit->setObjectName(name);
    edit->setPlaceholderText(tr("PEM file on this machine (and the same path on the servers' hosts)"));
    auto* browse = new QToolButton(box);
    browse->setObjectName(browseName);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose the file"));
    row->addWidget(edit);
    row->addWidget(browse);
    connect(edit, &QLineEdit::textChanged, this, &TlsSection::changed);
    connect(browse, &QToolButton::clicked, this, [this, edit, caption] {
        // a file dialog that does not block the event loop
        auto* dialog = new QFileDialog(
            this, caption, edit->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
        dialog->setObjectName(QStringLiteral("tlsFileDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
        dialog->open();
    });
    return edit;
}

void TlsSection::updateEnabled()
{
    const auto mode = TlsMode(m_mode->currentData().toInt());
    const bool on = mode != TlsMode::Off;
    for (QLineEdit* e : { m_ca, m_cert, m_key })
        e->parentWidget()->setEnabled(on);
    m_test->setEnabled(!m_tester->isRunning());
    m_protects->setText(TlsSettings::protects(mode));
}

void TlsSection::setSettings(const TlsSettings& settings)
{
    m_mode->setCurrentIndex(qMax(0, m_mode->findData(int(settings.mode))));
    m_ca->setText(settings.files.ca);
    m_cert->setText(settings.files.cert);
    m_key->setText(settings.files.key);
    updateEnabled();
}

TlsSettings TlsSection::settings() const
{
    TlsSettings t;
    t.mode = TlsMode(m_mode->currentData().toInt());
    t.files.ca = m_ca->text().trimmed();
    t.files.cert = m_cert->text().trimmed();
    t.files.key = m_key->text().trimmed();
    return t;
}

QString TlsSection::problem() const
{
    const TlsSettings t = settings();
    if (t.verifies() && t.files.ca.isEmpty())
        return tr("Give the CA file: this mode checks the servers' certificates against it.");
    if (t.files.cert.isEmpty() != t.files.key.isEmpty())
        return tr("A client certificate needs its key, and a key its certificate.");
    return {};
}

void TlsSection::test()
{
    if (const QString p = problem(); !p.isEmpty()) {
        m_result->setText(p);
        return;
    }
    PairProfile pair = m_pair;
    pair.setTls(settings());
    m_lines.clear();
    m_result->setText(tr("Connecting to %1 and %2…").arg(pair.servers[0].name, pair.servers[1].name));
    m_test->setEnabled(false);
    m_tester->start(pair);
}
