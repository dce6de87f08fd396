#pragma once

#include "common/steperror.h"
#include "monitor/replicationevent.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class TopologyModel;

/** What a DBA attaches to a ticket about the open pair: its state now (both servers, both directions, the
 *  data's agreement), the last comparison and the history of events and actions, as HTML (QTextDocument),
 *  or as PDF when the file name ends in ".pdf". Times in UTC. */
class IncidentReport
{
    Q_DECLARE_TR_FUNCTIONS(IncidentReport)
public:
    /** The report as HTML. */
    static QString html(const TopologyModel& model, const QList<ReplicationEvent>& events);
    /** Writes @p html to @p path: PDF when it ends in ".pdf", else HTML (atomically). */
    static Result<void> write(const QString& path, const QString& html);
};
