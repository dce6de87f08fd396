#pragma once

#include "common/finding.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

/** One step of a setup plan, as shown before it runs. SQL is redacted. */
struct PlanStep
{
    QString id; ///< "config", "user", "coordinates", "change-source", "verify"...
    QString server; ///< profile name, empty for both/pair
    QString title;
    QStringList sql; ///< exact statements, passwords shown as '***'
    QString diff; ///< unified diff of a config file edit
    QString check; ///< what is checked afterwards
    QString undo; ///< how it is undone

    QJsonObject toJson() const;
};

/** The ordered steps a setup would run, and the pre-flight verdicts behind them. */
struct SetupPlan
{
    Q_DECLARE_TR_FUNCTIONS(SetupPlan)
public:
    QList<Finding> findings;
    QList<PlanStep> steps;
    bool nothingToDo = false; ///< both directions already replicate as configured
    QJsonObject fingerprint; ///< what the plan was made from (PlanFingerprint); empty before planning

    bool hasErrors() const;
    /** One line per error finding: "[server] text". */
    QStringList errorLines() const;
    QString toText() const;
    QJsonObject toJson() const;
};
