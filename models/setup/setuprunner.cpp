#include "setup/setuprunner.h"

#include "setup/setuprun.h"

SetupRunner::SetupRunner(PairProfile profile, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
{
    qRegisterMetaType<SetupEvent>();
}

SetupRunner::~SetupRunner()
{
    if (m_cancel)
        *m_cancel = true;
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
    m_result = {};
    m_cancel = std::make_shared<std::atomic_bool>(false);
    // the run gets values only: the profile, the options and the cancel flag; it reports through the
    // event callback and its return value, never through this object's members
    m_thread.reset(QThread::create([this, mode, profile = m_profile, options = m_options, cancel = m_cancel] {
        SetupResult result;
        {
            SetupRun run(profile, options, cancel, [this](const SetupEvent& e) { Q_EMIT event(e); });
            result = run.run(mode);
        } // the workers close their connections here, before finished() is seen
        QMetaObject::invokeMethod(
            this, [this, result] { deliver(result); }, Qt::QueuedConnection);
    }));
    m_thread->setObjectName(QStringLiteral("setup-runner"));
    m_thread->start();
}

void SetupRunner::deliver(const SetupResult& result)
{
    m_result = result;
    m_running = false;
    Q_EMIT finished(m_result.ok);
}

void SetupRunner::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}
