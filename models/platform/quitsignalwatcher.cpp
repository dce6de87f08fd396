#include "platform/quitsignalwatcher.h"

#include <QSocketNotifier>
#include <QTimer>

#include <atomic>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <windows.h>
#endif

namespace {
#if defined(Q_OS_UNIX)
int g_pipe[2] = { -1, -1 };
constexpr int kSignals[] = { SIGINT, SIGTERM, SIGHUP };
#elif defined(Q_OS_WIN)
std::atomic_int g_pending { 0 };

BOOL WINAPI onConsoleEvent(DWORD type)
{
    g_pending = (type == CTRL_C_EVENT || type == CTRL_BREAK_EVENT) ? 2 : 15;
    return TRUE;
}
#endif
} // namespace

QuitSignalWatcher::QuitSignalWatcher(QObject* parent)
    : QObject(parent)
{
#if defined(Q_OS_UNIX)
    if (g_pipe[0] >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_pipe) != 0)
        return;
    ::fcntl(g_pipe[1], F_SETFL, ::fcntl(g_pipe[1], F_GETFL) | O_NONBLOCK);
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &QuitSignalWatcher::onReadable);
    struct sigaction action = {};
    action.sa_handler = &QuitSignalWatcher::handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int s : kSignals)
        ::sigaction(s, &action, nullptr);
    m_active = true;
#elif defined(Q_OS_WIN)
    m_active = SetConsoleCtrlHandler(onConsoleEvent, TRUE);
    m_poll = new QTimer(this);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (const int s = g_pending.exchange(0))
            deliver(s);
    });
    m_poll->start(100);
#endif
}

QuitSignalWatcher::~QuitSignalWatcher()
{
    if (!m_active)
        return;
#if defined(Q_OS_UNIX)
    struct sigaction action = {};
    action.sa_handler = SIG_DFL;
    for (int s : kSignals)
        ::sigaction(s, &action, nullptr);
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
#elif defined(Q_OS_WIN)
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
#endif
}

void QuitSignalWatcher::handle(int signalNumber)
{
#if defined(Q_OS_UNIX)
    const char byte = char(signalNumber);
    const int saved = errno;
    [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &byte, 1);
    errno = saved;
#else
    Q_UNUSED(signalNumber);
#endif
}

void QuitSignalWatcher::onReadable()
{
#if defined(Q_OS_UNIX)
    char byte = 0;
    if (::read(g_pipe[0], &byte, 1) == 1)
        deliver(int(byte));
#endif
}

void QuitSignalWatcher::deliver(int signalNumber)
{
    if (m_first != 0) {
        Q_EMIT repeated(signalNumber);
        return;
    }
    m_first = signalNumber;
    Q_EMIT quitRequested(signalNumber);
}

QString QuitSignalWatcher::signalName() const
{
    switch (m_first) {
    case 1:
        return QStringLiteral("SIGHUP");
    case 2:
        return QStringLiteral("SIGINT");
    case 15:
        return QStringLiteral("SIGTERM");
    default:
        return QStringLiteral("signal %1").arg(m_first);
    }
}
