#pragma once

#include "common/tlssettings.h"

#include "common/steperror.h"
#include "host/serverworker.h"
#include "replication/replicationsteps.h"

#include <QCoreApplication>
#include <QStringList>

class RemoteJob;

/** The receiver's own copy of the databases a copy replaces, read while it is read-only. */
struct ReceiverDatabases
{
    QStringList existing; ///< of the databases asked about, the ones the receiver has
    QStringList holdingData; ///< of those, the ones with a table, view, routine or event: saved first
    QStringList tables; ///< "db.table" in them
    /** CREATE DATABASE of each empty one, to make it again as it was when the copy is undone. */
    QStringList emptyDefinitions;
};

/** What the copy does on the receiving server and its host, each call run on its worker and waited
 *  for: the work folder, read_only, the replica settings that take the dump's coordinates, what has
 *  been loaded so far, and putting things back. */
class CopyReceiver
{
    Q_DECLARE_TR_FUNCTIONS(CopyReceiver)
public:
    CopyReceiver(ServerWorker* worker, QString name);

    /** Runs @p fn on the receiver's worker and waits for its result. */
    template<typename F> auto on(F fn);

    Result<QString> makeWorkDir();
    Result<void> removeWorkDir(const QString& dir);
    Result<void> writePrivateFile(const QString& path, const QByteArray& content);
    /** The login in @p cnf works from the receiver's own host, where the copy is loaded: the admin login
     *  to the receiver, or with @p sourceName the copy account's to that source; with @p tls on, the
     *  session must be encrypted (a client that fell back to clear text is refused). */
    Result<void> checkLogin(const QString& clientTool, const QString& cnf, const TlsSettings& tls = {},
        const QString& sourceName = {});
    /** read_only = 1; returns what it was. */
    Result<int> makeReadOnly(int* intent = nullptr);
    Result<void> setReadOnly(int value);
    /** Makes @p folder on the host, or takes the one there: a real folder of this user, mode 0700
     *  (set again when it exists), writable; returns it. */
    Result<QString> makeSaveDir(const QString& folder);
    /** What the receiver holds of @p databases now. */
    Result<ReceiverDatabases> databases(const QStringList& databases);
    /** Runs @p definitions (CREATE DATABASE …), written to no binary log. */
    Result<void> createDatabases(const QStringList& definitions);

    /** The replica settings that the dump's CHANGE MASTER TO …_LOG_FILE, …_LOG_POS (executed while
     *  loading) completes, so that SHOW SLAVE STATUS shows them: only the source's address, never
     *  started. Refuses when the receiver already has replica settings. */
    Result<void> expectCoordinates(const QString& sourceHost, int sourcePort);
    /** The coordinates the dump left in the replica settings (empty file when none came). */
    Result<BinlogCoordinates> coordinatesReceived();
    /** RESET SLAVE ALL: the settings expectCoordinates() made are gone again. */
    Result<void> forgetReplica();

    Result<void> dropDatabases(const QStringList& databases);
    /** The receiver's clock (NOW()), to tell the tables the copy makes from older ones. */
    Result<QString> clock();
    struct Loaded
    {
        int tables = 0; ///< base tables made since the copy started
        qint64 rows = 0; ///< their TABLE_ROWS
    };
    Result<Loaded> loaded(const QStringList& databases, const QString& since);
    /** The last lines of a log file of @p job's work folder. */
    QString tail(RemoteJob* job, const QString& file);

    const QString& name() const { return m_name; }

private:
    ServerWorker* m_worker;
    QString m_name;
    bool m_replicaMade = false;
};

template<typename F> auto CopyReceiver::on(F fn)
{
    return m_worker->run(std::move(fn));
}
