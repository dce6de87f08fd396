#include "operation/operationchecks.h"

#include <QCoreApplication>
#include <QPointer>
#include <QStyle>
#include <QTreeWidget>

namespace OperationChecks {

QTreeWidget* makeCheckList(QWidget* parent, const QStringList& headers)
{
    auto* checks = new QTreeWidget(parent);
    checks->setObjectName(QStringLiteral("checkList"));
    checks->setHeaderLabels(headers);
    checks->setRootIsDecorated(false);
    checks->setWordWrap(true);
    return checks;
}

QTreeWidget* makeStepList(QWidget* parent, const QStringList& headers)
{
    auto* steps = new QTreeWidget(parent);
    steps->setObjectName(QStringLiteral("stepList"));
    steps->setHeaderLabels(headers);
    steps->setRootIsDecorated(false);
    return steps;
}

int fill(QTreeWidget* checks, QTreeWidget* steps, const QList<Finding>& findings,
    const QStringList& stepTexts, const QString& refusedText, const QString& okText)
{
    checks->clear();
    int refusals = 0;
    for (const Finding& f : findings) {
        const bool refused = f.severity == Finding::Severity::Error;
        auto* item = new QTreeWidgetItem(checks, { refused ? refusedText : okText, f.server, f.text, f.fix });
        item->setData(0, Qt::UserRole, f.code);
        item->setIcon(0,
            checks->style()->standardIcon(
                refused ? QStyle::SP_MessageBoxCritical : QStyle::SP_DialogApplyButton));
        refusals += refused ? 1 : 0;
    }
    checks->resizeColumnToContents(0);
    steps->clear();
    for (int i = 0; i < stepTexts.size(); ++i)
        new QTreeWidgetItem(steps, { QString::number(i + 1), stepTexts[i] });
    steps->resizeColumnToContents(0);
    return refusals;
}

std::function<void(const SetupEvent&)> eventSink(
    QObject* context, std::function<void(const SetupEvent&)> handle)
{
    return [self = QPointer<QObject>(context), handle = std::move(handle)](const SetupEvent& e) {
        QMetaObject::invokeMethod(
            qApp,
            [self, handle, e] {
                if (self)
                    handle(e);
            },
            Qt::QueuedConnection);
    };
}

} // namespace OperationChecks
