#pragma once

#include "pairprofile.h"
#include "steperror.h"

#include <QFuture>
#include <QObject>

#include <memory>

class ServerWorker;

/** Starts or stops replication on one server of an open pair, on that server's worker (the canvas's
 *  context menu). Answers with a QFuture; the caller never waits on the network. */
class ReplicaControl : public QObject
{
    Q_OBJECT
public:
    explicit ReplicaControl(const PairProfile& profile, QObject* parent = nullptr);
    ~ReplicaControl() override;

    /** START or STOP the replica threads on server @p index in its dialect; the text says what was done. */
    QFuture<Result<QString>> setReplicaRunning(int index, bool running);
    /** Deletes this once no job is under way (a job on a dead server may take until its timeout):
     *  the caller never waits for a worker thread. */
    void retire();

private:
    int m_pending = 0;
    bool m_retired = false;
    std::unique_ptr<ServerWorker> m_workers[2];
};
