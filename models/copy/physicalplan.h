#pragma once

#include "common/pairprofile.h"
#include "copy/physicalcheck.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/** What a physical copy will do, in the plan's words, by the way it copies (PhysicalCopyCheck::way and
 *  the servers' flavor): mariadb-backup, Percona XtraBackup or MySQL's CLONE. */
struct PhysicalPlan
{
    Q_DECLARE_TR_FUNCTIONS(PhysicalPlan)
public:
    QString title;
    QStringList sql; ///< the temporary accounts, passwords never shown
    QString check;
    QString undo;

    static PhysicalPlan of(const PhysicalCopyCheck& check, const PairProfile& profile);
};
