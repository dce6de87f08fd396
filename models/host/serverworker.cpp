#include "host/serverworker.h"

#include "host/childenvironment.h"
#include "host/localshell.h"
#include "host/ssh/sshshell.h"
#include "operation/intentjournal.h"

#include <QCoreApplication>
#include <QUuid>

#include <chrono>

Result<std::unique_ptr<HostShell>> makeHostShell(const ServerProfile& profile, bool checkSudoNow)
{
    if (profile.hasSsh) {
        auto ssh = SshShell::open(profile.name, profile.ssh, 15000, checkSudoNow);
        if (!ssh)
            return std::unexpected(ssh.error());
        return std::unique_ptr<HostShell>(std::move(*ssh));
    }
    return std::unique_ptr<HostShell>(new LocalShell(profile.name));
}

Result<void> ServerContext::connect(int connectTimeoutSec)
{
    if (!sql)
        sql = std::make_unique<SqlSession>(
            QStringLiteral("replipair-%1-%2").arg(profile.name, QUuid::createUuid().toString(QUuid::Id128)));
    auto password = profile.adminPassword();
    if (!password)
        return std::unexpected(password.error());
    SqlEndpoint ep;
    ep.serverName = profile.name;
    ep.host = profile.host;
    ep.port = profile.port;
    ep.user = profile.adminUser;
    ep.connectTimeoutSec = connectTimeoutSec;
    ep.tls = profile.tls;
    auto opened = sql->open(ep, *password);
    if (!opened)
        return opened;
    auto rows = sql->query(QStringLiteral("SELECT @@version AS version, @@sql_mode AS sql_mode"));
    if (!rows)
        return std::unexpected(rows.error());
    const SqlRow row = rows->value(0);
    dialect = Dialect(ServerVersion::parse(row.value(QStringLiteral("version")).toString()),
        row.value(QStringLiteral("sql_mode")).toString().contains(QLatin1String("NO_BACKSLASH_ESCAPES")));
    return {};
}

void ServerContext::prepareHostShell()
{
    if (shell || m_pendingShell.valid() || !profile.hasSsh)
        return;
    // the shell is only handed over (and then used) on this worker's thread, never two threads at once.
    // sudo -n is asked by its first remote call (the prefetch's batch, see prefetchOnHost), not by a round
    // trip of its own
    m_pendingShell = std::async(std::launch::async,
        [factory = shellFactory, p = profile] { return factory ? factory(p) : makeHostShell(p, false); });
}

void ServerContext::prefetchOnHost(const QStringList& commands, int timeoutMs)
{
    if (commands.isEmpty() || !profile.hasSsh)
        return;
    if (m_pendingShell.valid()) {
        // chained to the handshake: the batch goes out as soon as the session is open
        m_pendingShell = std::async(
            std::launch::async, [opening = std::move(m_pendingShell), commands, timeoutMs]() mutable {
                auto made = opening.get();
                if (made)
                    (*made)->prefetch(commands, timeoutMs);
                return made;
            });
        return;
    }
    if (auto sh = hostShell())
        (*sh)->prefetch(commands, timeoutMs);
}

void ServerContext::onHostShellInBackground(std::function<void(HostShell&)> work)
{
    joinBackground();
    if (!shell)
        return;
    m_background = std::async(std::launch::async, [sh = shell.get(), work = std::move(work)] { work(*sh); });
}

QList<HostNotice> ServerContext::takeNotices()
{
    if (m_background.valid()) {
        if (m_background.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return {};
        m_background.get();
    }
    return shell ? shell->takeNotices() : QList<HostNotice>();
}

void ServerContext::joinBackground()
{
    if (m_background.valid())
        m_background.get();
}

int ServerContext::intent(const QString& step, const QString& action, const QJsonObject& undo, bool lasting)
{
    return journal ? journal->intent(profile.name, step, action, undo, lasting) : 0;
}

void ServerContext::intentDone(int id)
{
    if (journal && id > 0)
        journal->done(id);
}

void ServerContext::intentReleased(int id)
{
    if (journal && id > 0)
        journal->released(id);
}

Result<HostShell*> ServerContext::hostShell()
{
    joinBackground();
    if (!shell) {
        auto made = m_pendingShell.valid() ? m_pendingShell.get()
            : shellFactory                 ? shellFactory(profile)
                                           : makeHostShell(profile);
        if (!made)
            return std::unexpected(made.error());
        shell = std::move(*made);
    }
    return shell.get();
}

ServerWorker::ServerWorker(int index, const ServerProfile& profile, QObject* parent)
    : QObject(parent)
    , m_name(profile.name)
    , m_context(std::make_unique<ServerContext>())
{
    m_context->index = index;
    m_context->profile = profile;
    // both servers' workers exist before either runs a command: neither's secrets reach a child process
    ChildEnvironment::withhold(profile);
    m_thread.setObjectName(QStringLiteral("worker-%1").arg(profile.name));
    m_object = new QObject;
    m_object->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_object, &QObject::deleteLater);
    m_thread.start();
}

ServerWorker::~ServerWorker()
{
    // the SQL connection and the shell must be closed in the thread that opened them
    QMetaObject::invokeMethod(
        m_object, [this] { m_context.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ServerWorker::setShellFactory(
    std::function<Result<std::unique_ptr<HostShell>>(const ServerProfile&)> factory)
{
    QMetaObject::invokeMethod(
        m_object, [this, factory] { m_context->shellFactory = factory; }, Qt::BlockingQueuedConnection);
}
