#pragma once

#include "common/finding.h"
#include "setup/setupevent.h"

#include <QStringList>

#include <functional>

class QObject;
class QTreeWidget;
class QWidget;

/** What the dialogs of an operation on a running pair (MoveWritesDialog, RebuildDialog) share: the check
 *  list and the step list its dry run fills, and the hand-over of a run's events from the run's thread to
 *  the dialog's. The texts come translated from the dialog: they stay in its translation context. */
namespace OperationChecks {

/** The check list ("checkList"): a row a finding, with @p headers (check, server, what was found, fix). */
QTreeWidget* makeCheckList(QWidget* parent, const QStringList& headers);
/** The step list ("stepList"): a numbered row a step, with @p headers (#, step). */
QTreeWidget* makeStepList(QWidget* parent, const QStringList& headers);
/** Fills @p checks with @p findings (a refusal shows @p refusedText and a critical icon, the others
 *  @p okText; each row keeps the finding's code) and @p steps with @p stepTexts; returns the refusals. */
int fill(QTreeWidget* checks, QTreeWidget* steps, const QList<Finding>& findings,
    const QStringList& stepTexts, const QString& refusedText, const QString& okText);
/** A sink for a run's events, called on the run's thread: each event is handed to @p handle on the GUI
 *  thread, and dropped once @p context is gone. */
std::function<void(const SetupEvent&)> eventSink(
    QObject* context, std::function<void(const SetupEvent&)> handle);

} // namespace OperationChecks
