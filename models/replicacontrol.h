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

private:
    std::unique_ptr<ServerWorker> m_workers[2];
};
