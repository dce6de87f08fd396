#include "monitor/skipeventdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

SkipEventDialog::SkipEventDialog(const QString& server, const FailingEvent& event, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("skipEventDialog"));
    setWindowTitle(tr("The Event That Stopped %1").arg(server));
    auto* error = new QLabel(tr("The SQL thread of %1 stopped on error %2:\n%3")
                                 .arg(server)
                                 .arg(event.errorCode)
                                 .arg(event.errorText),
        this);
    error->setObjectName(QStringLiteral("skipEventError"));
    error->setWordWrap(true);
    error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* events = new QPlainTextEdit(event.events.join(QLatin1Char('\n')), this);
    events->setObjectName(QStringLiteral("skipEventEvents"));
    events->setReadOnly(true);
    events->setLineWrapMode(QPlainTextEdit::NoWrap);
    events->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    events->setAccessibleName(tr("The event group from the relay log"));
    auto* advice = new QLabel(
        tr("The safe way is to repair the data so that this event applies, then start replication "
           "again. Skipping it means its change will be missing on %1, and the two servers differ "
           "until you compare and repair them.")
            .arg(server),
        this);
    advice->setWordWrap(true);
    auto* confirm = new QCheckBox(
        tr("I understand; skip exactly this event (%1) and nothing else").arg(event.token), this);
    confirm->setObjectName(QStringLiteral("skipEventConfirm"));

    auto* buttons = new QDialogButtonBox(this);
    auto* skip = buttons->addButton(tr("&Skip This Event"), QDialogButtonBox::AcceptRole);
    skip->setObjectName(QStringLiteral("skipEventSkipButton"));
    skip->setEnabled(false);
    auto* cancel = buttons->addButton(tr("&Do Not Skip"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("skipEventCancelButton"));
    cancel->setDefault(true);
    connect(confirm, &QCheckBox::toggled, skip, &QPushButton::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(error);
    layout->addWidget(new QLabel(tr("The event group it could not apply:"), this));
    layout->addWidget(events, 1);
    layout->addWidget(advice);
    layout->addWidget(confirm);
    layout->addWidget(buttons);
    resize(760, 460);
}
