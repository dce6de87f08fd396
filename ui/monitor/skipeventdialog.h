#pragma once

#include "actions/replicarepair.h"

#include <QDialog>

/** Shows the event a halted SQL thread could not apply and asks for an explicit confirmation before that one
 *  event may be skipped; the safe answer (do not skip) is the default. */
class SkipEventDialog : public QDialog
{
    Q_OBJECT
public:
    SkipEventDialog(const QString& server, const FailingEvent& event, QWidget* parent = nullptr);
};
