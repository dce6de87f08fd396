#pragma once

#include "copy/copyprogress.h"
#include "sql/binlogcoordinates.h"
#include "sql/sqlsession.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Dialect;
struct PhysicalServerFacts;

/** The SQL of MySQL's CLONE (8.0.17+, the clone plugin ACTIVE on both servers, the same version and
 *  platform): run on the receiver, `CLONE INSTANCE FROM 'user'@'host':port IDENTIFIED BY …` replaces its
 *  data directory in place with the donor's (nothing of the old one is kept) and restarts it. Two
 *  temporary accounts named accountName(): on the donor with BACKUP_ADMIN, reachable from the receiver's
 *  address; on the receiver with CLONE_ADMIN, on its socket only (the receiver's mysql client runs the
 *  statement from a 0600 file, so that no password is on a command line). The receiver's
 *  clone_valid_donor_list is set to the donor and put back after. The donor's coordinates and GTID set
 *  are the receiver's performance_schema.clone_status afterwards; the progress its clone_progress. */
class CloneStatements
{
    Q_DECLARE_TR_FUNCTIONS(CloneStatements)
public:
    static QString accountName() { return QStringLiteral("replipair_clone"); }
    /** Error the receiver's CLONE ends with when no monitoring process (systemd, mysqld_safe) restarts it:
     *  the clone is complete, the server stopped; RepliPair starts it with the restart command. */
    static constexpr int NoSupervisorError = 3707;

    /** One row: "clone_status" (the plugin's PLUGIN_STATUS, NULL when not installed) and "platform"
     *  (version_compile_os/version_compile_machine). */
    static QString factsQuery();
    /** Why CLONE cannot copy @p source onto @p target (names @p from, @p to); empty when it can. */
    static QString problem(const PhysicalServerFacts& source, const PhysicalServerFacts& target,
        const QString& from, const QString& to);

    /** On the donor: the account the receiver clones with, from @p host (the receiver's address as the
     *  donor sees it); the password '***' when @p redact. */
    static QStringList donorAccount(
        const Dialect& d, const QString& host, const QString& password, bool redact);
    /** On the receiver: the account its mysql client runs CLONE as, on the socket only. */
    static QStringList recipientAccount(const Dialect& d, const QString& password, bool redact);
    static QStringList dropAccount(const Dialect& d, const QString& host);

    /** One row, "donors": the receiver's clone_valid_donor_list as it was. */
    static QString donorListQuery();
    static QString setDonorList(const Dialect& d, const QString& list);
    /** The receiver's statement; @p redact: the password '***' (for the plan and the log). */
    static QString cloneInstance(
        const Dialect& d, const QString& donorHost, int donorPort, const QString& password, bool redact);

    /** The job on the receiver's host that runs clone.sql (0600, the statement with the donor's password)
     *  with the mysql client logged in by clone.cnf (0600) in @p dir: no password on a command line. */
    static QString clientJob(const QString& dir);
    /** The MySQL error a client's output ends with ("ERROR 3707 (HY000) at line 1: …"), 0 when none. */
    static int clientError(const QByteArray& output);
    /** The clone running on the receiver, to cut short on cancel: one row, "pid" (a processlist id). */
    static QString runningCloneQuery();

    static QString statusQuery();
    /** The donor's point from the receiver's clone_status row after a completed clone; nullopt when the
     *  row is not of a completed clone (its error then in @p why). */
    static std::optional<BinlogCoordinates> coordinates(const SqlRow& status, QString* why = nullptr);
    static QString progressQuery();
    /** The bytes cloned so far and the estimate, from clone_progress rows (one per stage). */
    static CopyProgress progress(const QList<SqlRow>& rows);
};
