#include "monitor/textreportdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

TextReportDialog::TextReportDialog(const QString& title, const QString& text, QWidget* parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(text, this))
{
    setObjectName(QStringLiteral("textReportDialog"));
    setWindowTitle(title);
    m_text->setObjectName(QStringLiteral("textReport"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* buttons = new QDialogButtonBox(this);
    auto* save = buttons->addButton(tr("&Save…"), QDialogButtonBox::ActionRole);
    buttons->addButton(tr("&Close"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, windowTitle());
        if (path.isEmpty())
            return;
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(m_text->toPlainText().toUtf8()) < 0 || !f.commit())
            QMessageBox::warning(
                this, windowTitle(), tr("Could not write %1: %2").arg(path, f.errorString()));
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    resize(760, 520);
}
