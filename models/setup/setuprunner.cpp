#include "setup/setuprunner.h"

#include "host/hostshell.h"
#include "setup/setuprun.h"

SetupRunner::SetupRunner(PairProfile profile, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
{
    qRegisterMetaType<SetupEvent>();
}

SetupRunner::~SetupRunner()
{
    m_cancel = true;
    if (m_thread)
        m_thread->wait();
}

void SetupRunner::start(Mode mode)
{
    if (m_running)
        return;
    if (m_thread)
        m_thread->wait();
    m_running = true;
    m_cancel = false;
    m_ok = false;
    m_error = {};
    m_plan = {};
    m_thread.reset(QThread::create([this, mode] { runOnThread(mode); }));
    m_thread->setObjectName(QStringLiteral("setup-runner"));
    m_thread->start();
}

void SetupRunner::cancel()
{
    m_cancel = true;
}

bool SetupRunner::isRunning() const
{
    return m_running;
}

void SetupRunner::runOnThread(Mode mode)
{
    {
        SetupRun run(*this, m_profile);
        m_ok = run.run(mode);
    } // the workers close their connections here, before finished() is seen
    m_running = false;
    Q_EMIT finished(m_ok);
}
