#include "setuprunner.h"

SetupRunner::SetupRunner(PairProfile profile, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
{
}

SetupRunner::~SetupRunner()
{
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void SetupRunner::start(Mode) { }
void SetupRunner::cancel() { m_cancel = true; }
bool SetupRunner::isRunning() const { return m_running; }
void SetupRunner::runOnThread(Mode) { }
