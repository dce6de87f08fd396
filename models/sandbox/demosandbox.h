#pragma once

#include "common/pairprofile.h"
#include "common/steperror.h"

#include <QFuture>
#include <QObject>

#include <memory>

class QTemporaryDir;
class Sandbox;

/** The demo's pair of local servers: started on a worker thread, in a folder of its own on free ports
 *  (two demos never collide), stopped and removed when the app quits. */
class DemoSandbox : public QObject
{
    Q_OBJECT
public:
    explicit DemoSandbox(QObject* parent = nullptr);
    ~DemoSandbox() override;

    /** Starts both servers without blocking; ready() or failed() follows. */
    void start();
    /** Stops the servers (after a start still under way) and removes the folder. Called on quit. */
    void stop();
    QString dir() const;
    /** The servers themselves (tests write to them through it). */
    Sandbox& sandbox() const { return *m_sandbox; }

Q_SIGNALS:
    void ready(const PairProfile& profile);
    void failed(const QString& error);

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox> m_sandbox;
    QFuture<Result<PairProfile>> m_starting;
    bool m_stopped = false;
};
