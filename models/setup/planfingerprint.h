#pragma once

#include "common/pairprofile.h"
#include "inspection/serverinspection.h"
#include "setup/setupplan.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

/** What a setup plan was made from: the profile, each server's identity (server_uuid, server_id, version,
 *  datadir), the settings and replica state the plan depends on, the SHA-256 of every option file read,
 *  and the plan's steps. A run given the fingerprint of the plan the user approved makes its own and runs
 *  only when the two agree; otherwise it names what changed. Binary log positions and GTID positions are
 *  left out: a live server moves them with every write, and the run reads them again when it needs them. */
class PlanFingerprint
{
    Q_DECLARE_TR_FUNCTIONS(PlanFingerprint)
public:
    static constexpr int Format = 1;

    /** @p files: per server, option file path → its content as read. */
    static QJsonObject make(const PairProfile& profile, const ServerInspection (&in)[2],
        const QMap<QString, QByteArray> (&files)[2], const QList<PlanStep>& steps);
    /** What differs between the @p approved fingerprint and the one made @p now, one line each naming the
     *  server and the setting, file or step; empty when the approved plan still holds. */
    static QStringList differences(const QJsonObject& approved, const QJsonObject& now);
    /** The one-value summary of @p fingerprint (its "sha256"). */
    static QString digest(const QJsonObject& fingerprint);
};
